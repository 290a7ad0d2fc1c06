package isolab.cli;

import isolab.api.HostKind;
import isolab.labs.cli.HostChoice;
import isolab.labs.cli.LabCommand;
import isolab.labs.cli.LabFiles;
import isolab.labs.hosts.Hosts;
import isolab.labs.model.BoundLab;
import isolab.labs.model.Lab;
import isolab.labs.model.LabFormatException;
import isolab.labs.run.PredictionKeys;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code lab play LAB [--host sim|real] [--seed N]}: a student plays a lab at the terminal. */
@Command(name = "play", mixinStandardHelpOptions = true,
        description = {"Play a lab at the terminal as a student, on the simulator or a real sandbox.",
            "Read each step, run the lab's commands and your own, answer the predictions, check your work, step back.",
            "Lines starting with ':' are the player's own commands (:help lists them). Ends with your score."},
        exitCodeListHeading = "Exit status:%n",
        exitCodeList = {"0:played to the end of input or :quit", "2:malformed lab, bad arguments, or a host that cannot run the lab"})
final class PlayCommand implements Callable<Integer> {

    private final HostChoice hosts;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.ParentCommand
    LabCommand parent;

    @Parameters(paramLabel = "LAB", description = "A .lab.md file, or the id of a built-in lab.")
    String file;

    @Option(names = "--host", paramLabel = "sim|real", defaultValue = "sim",
            description = "Where the lab's machine runs: the simulator or a real Linux sandbox (root) (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0",
            description = "The seed the lab's parameters are drawn from (default: ${DEFAULT-VALUE}).")
    long seed;

    PlayCommand(HostChoice hosts) {
        this.hosts = hosts;
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        HostKind kind;
        try {
            kind = HostKind.fromFlag(host);
        } catch (IllegalArgumentException e) {
            err.println("isolab lab play: " + e.getMessage());
            return LabCommand.EXIT_USAGE;
        }
        BoundLab lab;
        try {
            Lab parsed = LabFiles.load(file, parent == null ? List.of() : parent.labDirs());
            if (!parsed.front().runsOn(kind)) {
                err.println(parsed.file() + ": this lab runs only on " + parsed.front().hosts().stream().map(HostKind::flag).toList()
                        + ", not on " + kind.flag());
                return LabCommand.EXIT_USAGE;
            }
            lab = parsed.bind(seed);
        } catch (LabFormatException e) {
            e.errors().forEach(err::println);
            return LabCommand.EXIT_USAGE;
        } catch (LabFiles.NotFound e) {
            err.println(e.getMessage());
            return LabCommand.EXIT_USAGE;
        }
        out.println(lab.front().title() + "  (" + lab.id() + " on " + kind.flag() + ", seed " + seed + "; :help lists the player's commands)");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try {
            new TerminalPlayer(lab, hosts.of(kind), new PredictionKeys(hosts.of(HostKind.SIM)), in, out, System.console() == null).play();
        } catch (Hosts.Unavailable e) {
            out.flush();
            err.println(lab.file() + ": cannot start the " + kind.flag() + " host: " + e.getMessage());
            return LabCommand.EXIT_USAGE;
        }
        return 0;
    }
}
