package isolab.labs.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import isolab.api.CgroupVersion;
import isolab.api.Host;
import isolab.api.HostKind;
import isolab.api.MachineConfig;
import isolab.labs.hosts.Hosts;
import isolab.labs.model.BoundLab;
import isolab.labs.model.CheckStep;
import isolab.labs.model.Lab;
import isolab.labs.model.Step;
import isolab.labs.model.StepKind;
import isolab.labs.run.CheckRun;
import isolab.labs.run.LabRunner;
import isolab.labs.run.Plan;
import isolab.labs.run.Session;
import isolab.labs.run.Transcript;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The five namespace labs of issue 3, held to what they promise: each is built in with every
 * kind of step a lab needs, passes on a real Linux host with its solution, and without the
 * solution fails every one of its checks there (so no check passes by itself). The real-host
 * tests are skipped, with the host's reason, only where this machine cannot build a sandbox.
 */
class NamespaceLabsTest {

    static final List<String> IDS = List.of("ns-pid", "ns-mount", "ns-uts-ipc", "ns-net", "ns-user");

    static Stream<String> ids() {
        return IDS.stream();
    }

    static Lab lab(String id) {
        return LabCatalog.builtIn().find(id).orElseThrow(() -> new AssertionError(id + " is not a built-in lab")).lab();
    }

    /** What {@code body} makes of a fresh {@code kind} host for {@code lab}; aborts the test where there is none. */
    static <T> T onHost(BoundLab lab, HostKind kind, Function<Host, T> body) {
        Host host;
        try {
            host = Hosts.of(kind).open(new MachineConfig(lab.front().cgroup(), lab.seed()));
        } catch (Hosts.Unavailable e) {
            Assumptions.abort("no " + kind.flag() + " host here: " + e.getMessage());
            throw e;
        }
        try (host) {
            return body.apply(host);
        }
    }

    static String failures(Transcript transcript) {
        return transcript.runs().stream().filter(r -> r.checked() && !r.match().passed())
                .map(r -> r.line() + ": " + r.match().describe()).collect(Collectors.joining("\n"));
    }

    @ParameterizedTest
    @MethodSource("ids")
    void each_namespace_lab_has_a_narrative_consoles_a_prediction_checks_a_solution_and_parameters(String id) {
        Lab lab = lab(id);
        List<StepKind> kinds = lab.steps().stream().map(Step::kind).toList();
        assertTrue(kinds.containsAll(List.of(StepKind.CONSOLE, StepKind.PREDICT, StepKind.CHECK, StepKind.SOLUTION)), kinds.toString());
        assertFalse(lab.steps().get(0).narrative().isBlank(), "the lab opens with prose");
        assertEquals(CgroupVersion.V1, lab.front().cgroup());
        assertFalse(lab.front().params().isEmpty(), "per-student parameters");
        assertTrue(lab.front().topics().contains("namespaces"), lab.front().topics().toString());
        for (Step step : lab.steps()) {
            if (step instanceof CheckStep check) {
                assertTrue(check.points() > 0 && !check.title().isBlank(), "check at line " + check.line());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("ids")
    void each_namespace_lab_passes_on_a_real_host(String id) throws Exception {
        BoundLab lab = lab(id).bind(0);
        Transcript transcript = onHost(lab, HostKind.REAL, host -> LabRunner.run(lab, host, Plan.WITH_SOLUTIONS));
        assertEquals(0, transcript.failed(), () -> failures(transcript));
        assertTrue(transcript.passed() > 0);
    }

    @ParameterizedTest
    @MethodSource("ids")
    void without_its_solution_every_check_of_a_namespace_lab_fails_on_a_real_host(String id) throws Exception {
        BoundLab lab = lab(id).bind(3);
        List<Integer> checks = IntStream.range(0, lab.steps().size())
                .filter(i -> lab.steps().get(i) instanceof CheckStep).boxed().toList();
        List<String> passing = onHost(lab, HostKind.REAL, host -> {
            Session session = LabRunner.run(lab, host, Plan.WITHOUT_SOLUTIONS, run -> { });
            return checks.stream().filter(i -> session.latestCheck(i).map(CheckRun::passed).orElse(true))
                    .map(i -> "the check at line " + lab.steps().get(i).line()
                            + (session.latestCheck(i).isPresent() ? " passes without the solution" : " did not run"))
                    .toList();
        });
        assertEquals(List.of(), passing);
    }
}
