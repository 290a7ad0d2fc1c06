package isolab.web.gradebook;

import io.javalin.Javalin;
import io.javalin.http.Context;
import isolab.grading.gradebook.Gradebook;
import isolab.grading.gradebook.RealReplays;
import isolab.grading.roster.Role;
import isolab.grading.roster.Roster;
import isolab.web.Pages;
import isolab.web.Urls;
import isolab.web.Views;
import isolab.web.auth.Access;
import isolab.grading.export.GradebookCsv;
import isolab.labs.model.CheckStep;
import isolab.labs.model.Lab;
import isolab.labs.model.PredictStep;
import isolab.labs.model.Step;
import isolab.web.catalog.LabLibrary;
import java.util.Map;
import java.util.TreeMap;

/** The instructor's page: every student's current attempt at every lab, with its score. */
public final class GradebookController {

    private final Gradebook gradebook;
    private final Roster roster;
    private final LabLibrary labs;
    private final Pages pages;
    private final RealReplays replays;

    public GradebookController(Gradebook gradebook, Roster roster, LabLibrary labs, Pages pages, RealReplays replays) {
        this.gradebook = gradebook;
        this.roster = roster;
        this.labs = labs;
        this.pages = pages;
        this.replays = replays;
    }

    /** Registers the routes of this feature. */
    public void routes(Javalin app) {
        app.get(Urls.GRADEBOOK, this::show, Access.INSTRUCTOR);
        app.get(Urls.GRADEBOOK_CSV, this::csv, Access.INSTRUCTOR);
    }

    private void show(Context ctx) {
        pages.render(ctx, Views.GRADEBOOK, Map.of("rows", gradebook.rows(), "possible", possible(),
                "students", roster.withRole(Role.STUDENT).size(), "replays", replays.latestByAttempt()));
    }

    private void csv(Context ctx) {
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"isolab-gradebook.csv\"");
        ctx.result(GradebookCsv.of(gradebook.rows(), possible()));
    }

    /** What each lab is worth in all: its checks' and predictions' points. */
    private Map<String, Integer> possible() {
        Map<String, Integer> possible = new TreeMap<>();
        for (Lab lab : labs.all()) {
            int points = 0;
            for (Step step : lab.steps()) {
                if (step instanceof CheckStep check) {
                    points += check.points();
                } else if (step instanceof PredictStep predict) {
                    points += predict.points();
                }
            }
            possible.put(lab.id(), points);
        }
        return possible;
    }
}
