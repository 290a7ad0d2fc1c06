package isolab.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.javalin.rendering.template.JavalinThymeleaf;
import isolab.grading.db.Database;
import isolab.grading.gradebook.Gradebook;
import isolab.grading.roster.Roster;
import isolab.web.auth.Access;
import isolab.web.auth.Auth;
import isolab.web.auth.AuthController;
import isolab.web.auth.LoginSessions;
import isolab.web.auth.PasswordHasher;
import isolab.web.gradebook.GradebookController;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** The running web app: the database, the features' routes, and Javalin serving them. */
public final class App implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(App.class);

    private final Services services;
    private final Javalin javalin;

    private App(Services services, Javalin javalin) {
        this.services = services;
        this.javalin = javalin;
    }

    /** Opens the database (migrating it), registers every feature and starts listening. */
    public static App start(AppConfig config) {
        Services services = Services.open(config);
        try {
            Javalin javalin = create(services);
            javalin.start(config.bindHost(), config.port());
            return new App(services, javalin);
        } catch (RuntimeException e) {
            services.close();
            throw e;
        }
    }

    private static Javalin create(Services services) {
        Pages pages = new Pages(services.auth());
        Javalin app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.fileRenderer(new JavalinThymeleaf(templateEngine()));
            config.staticFiles.add(files -> {
                files.hostedPath = Urls.STATIC;
                files.directory = "/static";
                files.location = Location.CLASSPATH;
            });
            config.http.maxRequestSize = 64 * 1024;
        });
        app.before(services.auth()::identify);
        app.beforeMatched(services.auth()::guard);
        app.after(App::securityHeaders);
        app.get(Urls.HOME, ctx -> ctx.redirect(Urls.INSTANCE.catalog(), HttpStatus.SEE_OTHER), Access.ANYONE);
        new AuthController(services.roster(), services.hasher(), services.auth(), pages,
                services.config().registrationOpen()).routes(app);
        new GradebookController(new Gradebook(services.database().jdbc()), services.roster(), pages).routes(app);
        app.exception(HttpResponseException.class, (e, ctx) -> renderError(pages, ctx, e.getStatus(),
                e.getStatus() == 404 && e.getMessage().startsWith("Endpoint ")
                        ? "there is no page at " + ctx.path() : e.getMessage()));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
            renderError(pages, ctx, 500, "something went wrong on the server; the error is in its log");
        });
        return app;
    }

    private static void renderError(Pages pages, Context ctx, int status, String message) {
        ctx.status(status);
        pages.render(ctx, Views.ERROR, Map.of("status", status, "message", message == null ? "" : message));
    }

    private static void securityHeaders(Context ctx) {
        ctx.header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self';"
                + " script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Cache-Control", "no-store");
    }

    private static TemplateEngine templateEngine() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(App.class.getClassLoader());
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }

    /** The port the app listens on (the chosen one when started on port 0). */
    public int port() {
        return javalin.port();
    }

    /** What the app is made of, for the CLI and tests. */
    public Services services() {
        return services;
    }

    /** Stops listening, then closes the database. */
    @Override
    public void close() {
        javalin.stop();
        services.close();
    }
}
