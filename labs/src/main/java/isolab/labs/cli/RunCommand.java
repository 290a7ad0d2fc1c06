package isolab.labs.cli;

import isolab.api.Host;
import isolab.api.HostKind;
import isolab.api.MachineConfig;
import isolab.labs.hosts.Hosts;
import isolab.labs.model.BoundLab;
import isolab.labs.run.LabRunner;
import isolab.labs.run.Plan;
import isolab.labs.run.PredictionKeys;
import isolab.labs.run.Session;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lab run FILE --host sim|real [--seed N]}. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run a lab's setup, console, solution and check blocks in order on a host.",
            "Prints each command with its output and whether it matched; the last line is 'N passed, M failed'."},
        exitCodeListHeading = "Exit status:%n",
        exitCodeList = {"0:every command matched", "1:M > 0 commands did not match", "2:malformed lab, bad arguments, or a host that cannot run the lab"})
final class RunCommand extends OneLabCommand {

    @Option(names = "--host", paramLabel = "sim|real", defaultValue = "sim", converter = LabCommand.HostKindConverter.class,
            description = "Where to run: the simulator or a real Linux sandbox (default: ${DEFAULT-VALUE}).")
    HostKind host;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0", description = "The seed the lab's parameters are drawn from (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--events", description = "Print the kernel events each command caused (the simulator reports them; a real host none).")
    boolean events;

    RunCommand() {
    }

    RunCommand(HostChoice hosts) {
        super(hosts);
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        BoundLab lab = boundLab(err, seed, List.of(host), ", not on " + host.flag());
        if (lab == null) {
            return LabCommand.EXIT_USAGE;
        }
        PredictionKeys keys = new PredictionKeys(hosts.of(HostKind.SIM));
        TranscriptPrinter printer = new TranscriptPrinter(lab, out, index -> TranscriptPrinter.key(keys, lab, index), events);
        Session session;
        try (Host machine = hosts.of(host).open(new MachineConfig(lab.front().cgroup(), seed))) {
            out.println("lab " + lab.id() + " on " + host.flag() + ", seed " + seed
                    + (lab.params().values().isEmpty() ? "" : ": " + lab.params()));
            session = LabRunner.run(lab, machine, Plan.WITH_SOLUTIONS, printer::print);
        } catch (Hosts.Unavailable e) {
            err.println(lab.file() + ": cannot start the " + host.flag() + " host: " + e.getMessage());
            return LabCommand.EXIT_USAGE;
        } catch (RuntimeException e) {
            out.flush();
            err.println(lab.file() + ": the " + host.flag() + " host failed: " + e);
            return LabCommand.EXIT_USAGE;
        }
        printer.finish();
        out.println(session.transcript().summary());
        out.flush();
        return session.transcript().failed() > 0 ? LabCommand.EXIT_FAILED : 0;
    }
}
