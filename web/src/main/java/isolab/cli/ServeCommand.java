package isolab.cli;

import isolab.api.HostKind;
import isolab.labs.catalog.CatalogEntry;
import isolab.labs.catalog.LabCatalog;
import isolab.labs.hosts.Hosts;
import isolab.labs.model.LabError;
import isolab.web.App;
import isolab.web.AppConfig;
import isolab.web.auth.FirstInstructor;
import isolab.web.catalog.LabLibrary;
import isolab.web.player.PlayerBackend;
import io.javalin.util.JavalinBindException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code isolab serve}: starts the web app on its embedded defaults. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Start the web app: built-in labs on the simulator, an H2 database in the data directory.",
                "On first start it creates the instructor account 'instructor' and prints its one-time password."})
final class ServeCommand implements Callable<Integer> {

    private static volatile boolean serving;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    DataOptions data;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "7070",
            description = "The TCP port to listen on (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--bind", paramLabel = "ADDRESS", defaultValue = "0.0.0.0",
            description = "The address to listen on (default: ${DEFAULT-VALUE}, every interface).")
    String bind;

    @Option(names = "--labs", paramLabel = "DIR", description = "A directory of more *.lab.md files to offer.")
    List<Path> labDirs = new ArrayList<>();

    @Option(names = "--no-register", negatable = false,
            description = "Close self-registration: only 'isolab user add' creates accounts.")
    boolean registrationClosed;

    /** Whether a server was started (the JVM must then keep running after main returns). */
    static boolean serving() {
        return serving;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (port < 0 || port > 65535) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--port must be 0 to 65535, not " + port);
        }
        LabCatalog catalog;
        try {
            catalog = LabCatalog.builtInAnd(labDirs);
        } catch (IOException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "cannot read the lab directory: " + e);
        }
        for (LabError error : catalog.errors()) {
            err.println("isolab: lab not offered: " + error);
        }
        LabLibrary library = new LabLibrary(catalog.entries().stream().map(CatalogEntry::lab).toList());
        AppConfig config = data.config().withPort(port).withBindHost(bind).withRegistrationOpen(!registrationClosed);
        PlayerBackend backend = new PlayerBackend(library, Hosts.of(HostKind.SIM), Hosts.of(HostKind.SIM));
        App app;
        try {
            app = App.start(config, backend);
        } catch (JavalinBindException e) {
            err.println("isolab: cannot listen on " + bind + ":" + port + ": " + e.getMessage());
            return 1;
        }
        serving = true;
        Runtime.getRuntime().addShutdownHook(new Thread(app::close, "isolab-shutdown"));
        FirstInstructor.createIfNone(app.services().roster(), app.services().hasher()).ifPresent(first -> {
            out.println("isolab: created the instructor account '" + first.username() + "' with the one-time password");
            out.println();
            out.println("    " + first.password());
            out.println();
            out.println("isolab: it is shown only this once; log in and keep it safe.");
        });
        int labs = library.all().size();
        out.println("isolab: serving " + labs + (labs == 1 ? " lab" : " labs") + " on http://" + displayHost(bind) + ":"
                + app.port() + "/ (data in " + config.dataDir().toAbsolutePath().normalize()
                + (config.jdbcUrl() == null ? "" : ", database " + redact(config.jdbcUrl())) + ")");
        out.flush();
        return 0;
    }

    private static String displayHost(String bind) {
        return "0.0.0.0".equals(bind) || "::".equals(bind) ? "localhost" : bind;
    }

    /** A JDBC URL without a password parameter, for the log. */
    static String redact(String jdbcUrl) {
        return jdbcUrl.replaceAll("(?i)(password=)[^&]*", "$1***");
    }
}
