package isolab.labs.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import isolab.api.CgroupVersion;
import isolab.api.HostKind;
import isolab.labs.model.BoundLab;
import isolab.labs.model.CheckStep;
import isolab.labs.model.Lab;
import isolab.labs.model.Step;
import isolab.labs.model.StepKind;
import isolab.labs.run.CheckRun;
import isolab.labs.run.LabRunner;
import isolab.labs.run.Plan;
import isolab.labs.run.Session;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The cgroup labs, held to what the namespace labs promise ({@link NamespaceLabsTest}): every
 * kind of step, per-student parameters, the {@code cgroups} topic, and on a real Linux host no
 * check that passes without the solution.
 */
class CgroupLabsTest {

    static final List<String> IDS = List.of("cg-pids");

    static Stream<String> ids() {
        return IDS.stream();
    }

    @ParameterizedTest
    @MethodSource("ids")
    void each_cgroup_lab_has_a_narrative_consoles_a_prediction_checks_a_solution_and_parameters(String id) {
        Lab lab = NamespaceLabsTest.lab(id);
        List<StepKind> kinds = lab.steps().stream().map(Step::kind).toList();
        assertTrue(kinds.containsAll(List.of(StepKind.CONSOLE, StepKind.PREDICT, StepKind.CHECK, StepKind.SOLUTION)), kinds.toString());
        assertFalse(lab.steps().get(0).narrative().isBlank(), "the lab opens with prose");
        assertEquals(CgroupVersion.V1, lab.front().cgroup());
        assertFalse(lab.front().params().isEmpty(), "per-student parameters");
        assertTrue(lab.front().topics().contains("cgroups"), lab.front().topics().toString());
        for (Step step : lab.steps()) {
            if (step instanceof CheckStep check) {
                assertTrue(check.points() > 0 && !check.title().isBlank(), "check at line " + check.line());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("ids")
    void without_its_solution_every_check_of_a_cgroup_lab_fails_on_a_real_host(String id) throws Exception {
        BoundLab lab = NamespaceLabsTest.lab(id).bind(3);
        List<Integer> checks = IntStream.range(0, lab.steps().size())
                .filter(i -> lab.steps().get(i) instanceof CheckStep).boxed().toList();
        List<String> passing = NamespaceLabsTest.onHost(lab, HostKind.REAL, host -> {
            Session session = LabRunner.run(lab, host, Plan.WITHOUT_SOLUTIONS, run -> { });
            return checks.stream().filter(i -> session.latestCheck(i).map(CheckRun::passed).orElse(true))
                    .map(i -> "the check at line " + lab.steps().get(i).line()
                            + (session.latestCheck(i).isPresent() ? " passes without the solution" : " did not run"))
                    .toList();
        });
        assertEquals(List.of(), passing);
    }
}
