package isolab.cli;

import isolab.api.HostKind;
import isolab.labs.cli.HostChoice;
import isolab.labs.cli.LabCommand;
import isolab.labs.cli.OneLabCommand;
import isolab.labs.hosts.Hosts;
import isolab.labs.model.BoundLab;
import isolab.labs.run.PredictionKeys;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lab play FILE [--host sim|real] [--seed N]}: a student plays a lab at the terminal. */
@Command(name = "play", mixinStandardHelpOptions = true,
        description = {"Play a lab at the terminal as a student, on the simulator or a real sandbox.",
            "Read each step, run the lab's commands and your own, answer the predictions, check your work, step back.",
            "Lines starting with ':' are the player's own commands (:help lists them). Ends with your score."},
        exitCodeListHeading = "Exit status:%n",
        exitCodeList = {"0:played to the end of input or :quit", "2:malformed lab, bad arguments, or a host that cannot run the lab"})
final class PlayCommand extends OneLabCommand {

    @Option(names = "--host", paramLabel = "sim|real", defaultValue = "sim", converter = LabCommand.HostKindConverter.class,
            description = "Where the lab's machine runs: the simulator or a real Linux sandbox (root) (default: ${DEFAULT-VALUE}).")
    HostKind host;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0",
            description = "The seed the lab's parameters are drawn from (default: ${DEFAULT-VALUE}).")
    long seed;

    PlayCommand(HostChoice hosts) {
        super(hosts);
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        BoundLab lab = boundLab(err, seed, List.of(host), ", not on " + host.flag());
        if (lab == null) {
            return LabCommand.EXIT_USAGE;
        }
        out.println(lab.front().title() + "  (" + lab.id() + " on " + host.flag() + ", seed " + seed
                + "; :help lists the player's commands)");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try {
            new TerminalPlayer(lab, hosts.of(host), new PredictionKeys(hosts.of(HostKind.SIM)), in, out, System.console() == null).play();
        } catch (Hosts.Unavailable e) {
            out.flush();
            err.println(lab.file() + ": cannot start the " + host.flag() + " host: " + e.getMessage());
            return LabCommand.EXIT_USAGE;
        }
        return 0;
    }
}
