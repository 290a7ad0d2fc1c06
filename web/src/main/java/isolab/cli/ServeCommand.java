package isolab.cli;

import isolab.api.HostKind;
import isolab.labs.catalog.CatalogEntry;
import isolab.labs.catalog.LabCatalog;
import isolab.labs.hosts.Hosts;
import isolab.labs.model.LabError;
import isolab.web.App;
import isolab.web.AppConfig;
import isolab.web.auth.FirstInstructor;
import isolab.web.compare.RealHost;
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
                "With --real-host, students may also replay their attempts on a real Linux sandbox, side by side.",
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

    @Option(names = "--real-host", negatable = false,
            description = {"Let students replay their attempts on a real Linux sandbox on this machine, side by side"
                    + " with the simulator (needs root and cgroup v1; off by default)."})
    boolean realHost;

    @Option(names = "--real-host-slots", paramLabel = "N",
            description = "How many real replays may run at once with --real-host (default: "
                    + RealHost.SLOTS_DEFAULT + "); more wait in a short line.")
    Integer realHostSlots;

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
        if (realHostSlots != null && (!realHost || realHostSlots < 1)) {
            throw new CommandLine.ParameterException(spec.commandLine(), realHost
                    ? "--real-host-slots must be 1 or more, not " + realHostSlots
                    : "--real-host-slots needs --real-host");
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
        RealHost real = realHost(err);
        App app;
        try {
            app = App.start(config, backend, real);
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

    /** The real host as asked for: probed with one sandbox when --real-host is given, with what it found said. */
    private RealHost realHost(PrintWriter err) {
        if (!realHost) {
            return RealHost.notRequested();
        }
        int slots = realHostSlots == null ? RealHost.SLOTS_DEFAULT : realHostSlots;
        RealHost real = RealHost.probe(Hosts.of(HostKind.REAL), slots, RealHost.TIME_LIMIT_DEFAULT);
        if (real instanceof RealHost.Off off) {
            err.println("isolab: --real-host is off: " + off.reason());
        } else {
            err.println("isolab: real host on: at most " + slots + " replay" + (slots == 1 ? "" : "s")
                    + " at once, " + RealHost.waitingMax(slots) + " more waiting, "
                    + RealHost.TIME_LIMIT_DEFAULT.toSeconds() + " s each");
        }
        err.flush();
        return real;
    }

    private static String displayHost(String bind) {
        return "0.0.0.0".equals(bind) || "::".equals(bind) ? "localhost" : bind;
    }

    /** A JDBC URL without a password parameter, for the log. */
    static String redact(String jdbcUrl) {
        return jdbcUrl.replaceAll("(?i)(password=)[^&]*", "$1***");
    }
}
