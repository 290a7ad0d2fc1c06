package isolab.labs.cli;

import isolab.api.HostKind;
import isolab.labs.diff.Comparison;
import isolab.labs.diff.DiffReport;
import isolab.labs.diff.LabDiffer;
import isolab.labs.hosts.Hosts;
import isolab.labs.model.BoundLab;
import isolab.labs.run.CommandRun;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lab diff FILE [--seed N]}. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Run a lab on the simulator and on a real Linux sandbox and show, command by command, where they disagree.",
            "Namespace inodes, mount ids, device numbers, clocks, the kernel release and PIDs outside the lab's",
            "namespaces are normalised first; numbers may differ within a block's tolerance=."},
        exitCodeListHeading = "Exit status:%n",
        exitCodeList = {"0:no disagreement", "1:the hosts disagree", "2:malformed lab, bad arguments, or a host that cannot run the lab"})
final class DiffCommand extends OneLabCommand {

    @Option(names = "--seed", paramLabel = "N", defaultValue = "0", description = "The seed the lab's parameters are drawn from (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = {"-v", "--verbose"}, description = "Show the output of every command, not only where the hosts disagree.")
    boolean verbose;

    DiffCommand() {
    }

    DiffCommand(HostChoice hosts) {
        super(hosts);
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        BoundLab lab = boundLab(err, seed, List.of(HostKind.SIM, HostKind.REAL), ", so there is nothing to compare");
        if (lab == null) {
            return LabCommand.EXIT_USAGE;
        }
        DiffReport report;
        try {
            report = LabDiffer.diff(lab, hosts.of(HostKind.SIM), hosts.of(HostKind.REAL));
        } catch (Hosts.Unavailable e) {
            err.println(lab.file() + ": cannot start a host: " + e.getMessage());
            return LabCommand.EXIT_USAGE;
        } catch (RuntimeException e) {
            err.println(lab.file() + ": a host failed: " + e);
            return LabCommand.EXIT_USAGE;
        }
        out.println("lab " + lab.id() + ", seed " + seed + (lab.params().values().isEmpty() ? "" : ": " + lab.params())
                + " -- sim against real");
        for (Comparison c : report.comparisons()) {
            print(out, lab, c);
        }
        out.println(report.summary());
        out.flush();
        return report.agrees() ? 0 : LabCommand.EXIT_FAILED;
    }

    private void print(PrintWriter out, BoundLab lab, Comparison c) {
        String where = c.left().or(c::right).flatMap(CommandRun::command).map(cmd -> "  [" + lab.where(cmd.line()) + "]").orElse("");
        out.println((c.agrees() ? "  same  " : "  DIFF  ") + "[" + c.terminal() + "] $ " + c.line().replace("\n", "\n> ") + where);
        if (!c.agrees()) {
            out.println("        " + c.disagreement().orElseThrow());
        }
        if (!c.agrees() || verbose) {
            printSide(out, "sim ", c.leftLines(), c.left().map(r -> r.result().status()).orElse(null));
            printSide(out, "real", c.rightLines(), c.right().map(r -> r.result().status()).orElse(null));
        }
    }

    private static void printSide(PrintWriter out, String name, List<String> lines, Integer status) {
        if (status == null) {
            out.println("        " + name + " | (did not run)");
            return;
        }
        for (String line : lines) {
            out.println("        " + name + " | " + line);
        }
        out.println("        " + name + " | [" + status + "]");
    }
}
