package isolab.web.gradebook;

import io.javalin.Javalin;
import io.javalin.http.Context;
import isolab.grading.gradebook.Gradebook;
import isolab.grading.roster.Role;
import isolab.grading.roster.Roster;
import isolab.web.Pages;
import isolab.web.Urls;
import isolab.web.Views;
import isolab.web.auth.Access;
import java.util.Map;

/** The instructor's page: every student's current attempt at every lab, with its score. */
public final class GradebookController {

    private final Gradebook gradebook;
    private final Roster roster;
    private final Pages pages;

    public GradebookController(Gradebook gradebook, Roster roster, Pages pages) {
        this.gradebook = gradebook;
        this.roster = roster;
        this.pages = pages;
    }

    /** Registers the routes of this feature. */
    public void routes(Javalin app) {
        app.get(Urls.GRADEBOOK, this::show, Access.INSTRUCTOR);
    }

    private void show(Context ctx) {
        pages.render(ctx, Views.GRADEBOOK, Map.of("rows", gradebook.rows(),
                "students", roster.withRole(Role.STUDENT).size()));
    }
}
