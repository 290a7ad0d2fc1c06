package isolab.labs.cli;

import isolab.api.HostKind;
import isolab.labs.hosts.Hosts;
import isolab.labs.model.Lab;
import isolab.labs.selftest.SeedResult;
import isolab.labs.selftest.SelfTest;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code lab test FILE [--seeds K]}. */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = {"Self-test a lab on the simulator for seeds 0 to K-1: with the solution every check must pass,",
            "without it every check must fail, and every prediction must get a key."},
        exitCodeListHeading = "Exit status:%n",
        exitCodeList = {"0:every seed passed", "1:some seed failed", "2:malformed lab or bad arguments"})
final class TestCommand extends OneLabCommand {

    @Option(names = "--seeds", paramLabel = "K", defaultValue = "20", description = "How many seeds to sweep (default: ${DEFAULT-VALUE}).")
    int seeds;

    TestCommand() {
    }

    TestCommand(HostChoice hosts) {
        super(hosts);
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (seeds < 1) {
            err.println("--seeds must be at least 1");
            return LabCommand.EXIT_USAGE;
        }
        Lab lab = lab(err);
        if (lab == null) {
            return LabCommand.EXIT_USAGE;
        }
        if (!lab.front().runsOn(HostKind.SIM)) {
            err.println(lab.file() + ": this lab does not run on the simulator (hosts: [real]), so it cannot be self-tested");
            return LabCommand.EXIT_USAGE;
        }
        out.println("lab " + lab.id() + ": self-test on sim, seeds 0 to " + (seeds - 1));
        boolean passed = true;
        for (long seed = 0; seed < seeds; seed++) {
            SeedResult result;
            try {
                result = SelfTest.seed(lab, hosts.of(HostKind.SIM), seed);
            } catch (Hosts.Unavailable e) {
                err.println(lab.file() + ": cannot start the simulator: " + e.getMessage());
                return LabCommand.EXIT_USAGE;
            } catch (RuntimeException e) {
                out.flush();
                err.println(lab.file() + ": seed " + seed + ": the simulator failed: " + e);
                return LabCommand.EXIT_USAGE;
            }
            out.println("seed " + seed + ": " + (result.passed() ? "ok" : "FAILED") + (result.params().isEmpty() ? "" : " (" + result.params() + ")"));
            result.problems().forEach(p -> out.println("    " + p));
            out.flush();
            passed &= result.passed();
        }
        out.println(seeds + " seeds: " + (passed ? "all passed" : "some FAILED"));
        out.flush();
        return passed ? 0 : LabCommand.EXIT_FAILED;
    }
}
