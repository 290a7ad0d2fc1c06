package isolab.web.catalog;

import io.javalin.Javalin;
import io.javalin.http.Context;
import isolab.web.Pages;
import isolab.web.Urls;
import isolab.web.Views;
import isolab.web.auth.Access;
import java.util.Map;

/** The catalog page: every lab the server offers. */
public final class CatalogController {

    private final LabLibrary labs;
    private final Pages pages;

    public CatalogController(LabLibrary labs, Pages pages) {
        this.labs = labs;
        this.pages = pages;
    }

    /** Registers the routes of this feature. */
    public void routes(Javalin app) {
        app.get(Urls.CATALOG, this::show, Access.LOGGED_IN);
    }

    private void show(Context ctx) {
        pages.render(ctx, Views.CATALOG, Map.of("labs", labs.all()));
    }
}
