package isolab.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.javalin.rendering.template.JavalinThymeleaf;
import isolab.grading.db.Jdbc;
import isolab.labs.hosts.Hosts;
import isolab.grading.gradebook.Attempts;
import isolab.grading.gradebook.CheckRuns;
import isolab.grading.gradebook.ActionLog;
import isolab.grading.gradebook.Gradebook;
import isolab.grading.gradebook.PredictionAnswers;
import isolab.web.catalog.CatalogController;
import isolab.web.player.Sessions;
import isolab.labs.run.PredictionKeys;
import isolab.web.player.Player;
import isolab.web.player.PlayerBackend;
import isolab.web.player.PlayerController;
import isolab.web.terminal.TerminalController;
import java.time.Clock;
import isolab.web.auth.Access;
import isolab.web.auth.AuthController;
import isolab.web.gradebook.GradebookController;
import java.util.Map;
import java.util.Optional;
import isolab.grading.gradebook.RealReplays;
import isolab.web.compare.CompareController;
import isolab.web.compare.RealHost;
import isolab.web.compare.ReplayQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** The running web app: the database, the features' routes, and Javalin serving them. */
public final class App implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(App.class);

    /** How many player sessions stay in memory; older ones are rebuilt by replay when used again. */
    static final int SESSIONS_CACHED = 64;

    private final Services services;
    private final Sessions sessions;
    private final Optional<ReplayQueue> replays;
    private final Javalin javalin;

    private App(Services services, Sessions sessions, Optional<ReplayQueue> replays, Javalin javalin) {
        this.services = services;
        this.sessions = sessions;
        this.replays = replays;
        this.javalin = javalin;
    }

    /** Opens the database (migrating it), registers every feature and starts listening; no real host. */
    public static App start(AppConfig config, PlayerBackend backend) {
        return start(config, backend, RealHost.notRequested());
    }

    /**
     * Opens the database (migrating it), registers every feature and starts listening; students
     * may replay their attempts on {@code realHost} when it is on.
     */
    public static App start(AppConfig config, PlayerBackend backend, RealHost realHost) {
        Services services = Services.open(config);
        Sessions sessions = new Sessions(backend.hosts(), SESSIONS_CACHED);
        Optional<ReplayQueue> replays = realHost instanceof RealHost.On on
                ? Optional.of(new ReplayQueue(on, backend.hosts(), new RealReplays(services.database().jdbc()),
                        config.clock()))
                : Optional.empty();
        try {
            Javalin javalin = create(services, backend, sessions, realHost, replays);
            javalin.start(config.bindHost(), config.port());
            return new App(services, sessions, replays, javalin);
        } catch (RuntimeException e) {
            replays.ifPresent(ReplayQueue::close);
            sessions.close();
            services.close();
            throw e;
        }
    }

    private static Javalin create(Services services, PlayerBackend backend, Sessions sessions, RealHost realHost,
                                  Optional<ReplayQueue> replays) {
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
        Jdbc jdbc = services.database().jdbc();
        Clock clock = services.config().clock();
        Gradebook gradebook = new Gradebook(jdbc);
        CheckRuns checkRuns = new CheckRuns(jdbc, clock);
        Player player = new Player(backend.labs(), services.seeds(), new Attempts(jdbc, clock), new ActionLog(jdbc, clock),
                new PredictionAnswers(jdbc), checkRuns, sessions, new PredictionKeys(backend.oracle()), clock);
        CompareController compare = new CompareController(player, new RealReplays(jdbc), realHost, replays, pages,
                new Attempts(jdbc, clock), services.roster(), backend.labs());
        PlayerController playerPages = new PlayerController(player, checkRuns, gradebook, pages, compare::unavailable);
        new CatalogController(backend.labs(), pages).routes(app);
        playerPages.routes(app);
        new TerminalController(player, playerPages).routes(app);
        new GradebookController(gradebook, services.roster(), backend.labs(), pages, new RealReplays(jdbc)).routes(app);
        compare.routes(app);
        app.exception(HttpResponseException.class, (e, ctx) -> renderError(pages, ctx, e.getStatus(),
                e.getStatus() == 404 && e.getMessage().startsWith("Endpoint ")
                        ? "there is no page at " + ctx.path() : e.getMessage()));
        app.exception(Hosts.Unavailable.class, (e, ctx) -> renderError(pages, ctx, 503,
                "the lab's machine cannot start on this server: " + e.getMessage()));
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

    /** Stops listening, closes every real sandbox of a replay still running, then closes the database. */
    @Override
    public void close() {
        javalin.stop();
        replays.ifPresent(ReplayQueue::close);
        sessions.close();
        services.close();
    }
}
