package isolab.labs.selftest;

import isolab.api.Host;
import isolab.api.MachineConfig;
import isolab.labs.model.BoundLab;
import isolab.labs.model.CheckStep;
import isolab.labs.model.Lab;
import isolab.labs.model.LabError;
import isolab.labs.model.LabFormatException;
import isolab.labs.model.StepKind;
import isolab.labs.run.CheckRun;
import isolab.labs.run.CommandRun;
import isolab.labs.run.HostFactory;
import isolab.labs.run.LabRunner;
import isolab.labs.run.Plan;
import isolab.labs.run.PredictionKeys;
import isolab.labs.run.Session;
import java.util.ArrayList;
import java.util.List;

/**
 * The self-test of a lab (OSTEP's habit of checking homework generators against their own
 * solutions): for each seed of a sweep, on fresh simulated machines,
 * <ol>
 *   <li>with the solutions, every command with expectations — console, setup, solution and check
 *       alike — must meet them, so every check passes;</li>
 *   <li>without the solutions, every check must fail: a check that passes with no work done
 *       cannot tell work from none;</li>
 *   <li>every prediction must have a key: {@code answer-from} must print a number for a number
 *       prediction and one of the choices for a choice.</li>
 * </ol>
 */
public final class SelfTest {

    private SelfTest() {
    }

    /** The self-test of {@code lab} over seeds {@code first}, {@code first + 1}, ... ({@code count} of them). */
    public static SelfTestReport run(Lab lab, HostFactory simulator, long first, int count) {
        List<SeedResult> results = new ArrayList<>();
        for (long seed = first; seed < first + count; seed++) {
            results.add(seed(lab, simulator, seed));
        }
        return new SelfTestReport(lab.id(), results);
    }

    /** The self-test of {@code lab} for one seed. */
    public static SeedResult seed(Lab lab, HostFactory simulator, long seed) {
        BoundLab bound;
        try {
            bound = lab.bind(seed);
        } catch (LabFormatException e) {
            return new SeedResult(seed, "", e.errors().stream().map(LabError::toString).toList());
        }
        List<String> problems = new ArrayList<>();
        MachineConfig config = new MachineConfig(lab.front().cgroup(), seed);
        try (Host host = simulator.open(config)) {
            for (CommandRun run : LabRunner.run(bound, host, Plan.WITH_SOLUTIONS).runs()) {
                if (run.checked() && !run.match().passed()) {
                    problems.add("with the solution, " + bound.where(run.command().orElseThrow().line()) + " `"
                            + run.line() + "`: " + run.match().describe());
                }
            }
        }
        try (Host host = simulator.open(config)) {
            Session session = LabRunner.run(bound, host, Plan.WITHOUT_SOLUTIONS, run -> { });
            for (int index : bound.indicesOf(StepKind.CHECK)) {
                CheckStep check = (CheckStep) bound.steps().get(index);
                boolean passed = session.latestCheck(index).map(CheckRun::passed).orElse(false);
                if (passed) {
                    problems.add("without the solution, the check at " + bound.where(check.line())
                            + (check.title().isEmpty() ? "" : " (" + check.title() + ")") + " passes: it cannot tell work from none");
                }
            }
        }
        try {
            new PredictionKeys(simulator).keys(bound);
        } catch (PredictionKeys.KeyException e) {
            problems.add(e.getMessage());
        }
        return new SeedResult(seed, bound.params().toString(), problems);
    }
}
