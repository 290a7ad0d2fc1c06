package isolab.labs.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import isolab.api.Host;
import isolab.api.HostKind;
import isolab.api.MachineConfig;
import isolab.labs.diff.DiffReport;
import isolab.labs.diff.LabDiffer;
import isolab.labs.hosts.Hosts;
import isolab.labs.model.BoundLab;
import isolab.labs.run.Action;
import isolab.labs.run.CommandRun;
import isolab.labs.run.LabRunner;
import isolab.labs.run.Plan;
import isolab.labs.run.Session;
import isolab.labs.run.Transcript;
import isolab.labs.selftest.SelfTest;
import isolab.labs.selftest.SelfTestReport;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every built-in lab, end to end: it passes on the simulator and on a real Linux host, the two
 * agree command by command, and it self-tests for 20 seeds. The real-host tests are skipped, with
 * the host's reason, only where this machine cannot build a sandbox (not root, no cgroup v1).
 */
class BuiltInLabsTest {

    static Stream<String> labs() {
        return LabCatalog.builtIn().entries().stream().map(CatalogEntry::id);
    }

    static BoundLab bound(String id, long seed) throws Exception {
        return LabCatalog.builtIn().find(id).orElseThrow().lab().bind(seed);
    }

    static Transcript run(BoundLab lab, HostKind kind) {
        Host host;
        try {
            host = Hosts.of(kind).open(new MachineConfig(lab.front().cgroup(), lab.seed()));
        } catch (Hosts.Unavailable e) {
            Assumptions.abort("no " + kind.flag() + " host here: " + e.getMessage());
            throw e;
        }
        try (host) {
            return LabRunner.run(lab, host, Plan.WITH_SOLUTIONS);
        }
    }

    static String failures(Transcript transcript) {
        return transcript.runs().stream().filter(r -> r.checked() && !r.match().passed())
                .map(r -> r.line() + ": " + r.match().describe()).collect(Collectors.joining("\n"));
    }

    @ParameterizedTest
    @MethodSource("labs")
    void every_built_in_lab_passes_on_the_simulator(String id) throws Exception {
        Transcript transcript = run(bound(id, 0), HostKind.SIM);
        assertEquals(0, transcript.failed(), () -> failures(transcript));
        assertTrue(transcript.passed() > 0);
    }

    @ParameterizedTest
    @MethodSource("labs")
    void every_built_in_lab_passes_on_a_real_host(String id) throws Exception {
        Transcript transcript = run(bound(id, 0), HostKind.REAL);
        assertEquals(0, transcript.failed(), () -> failures(transcript));
    }

    @ParameterizedTest
    @MethodSource("labs")
    void the_simulator_and_a_real_host_agree_on_every_command(String id) throws Exception {
        BoundLab lab = bound(id, 1);
        DiffReport report;
        try {
            report = LabDiffer.diff(lab, Hosts.of(HostKind.SIM), Hosts.of(HostKind.REAL));
        } catch (Hosts.Unavailable e) {
            Assumptions.abort("no real host here: " + e.getMessage());
            return;
        }
        assertTrue(report.agrees(), () -> report.disagreements().stream()
                .map(c -> c.line() + ": " + c.disagreement().orElseThrow()).collect(Collectors.joining("\n")));
    }

    @ParameterizedTest
    @MethodSource("labs")
    void every_built_in_lab_self_tests_for_20_seeds(String id) throws Exception {
        SelfTestReport report = SelfTest.run(LabCatalog.builtIn().find(id).orElseThrow().lab(), Hosts.of(HostKind.SIM), 0, 20);
        assertTrue(report.passed(), () -> report.seeds().stream().filter(s -> !s.passed())
                .map(s -> "seed " + s.seed() + ": " + s.problems()).collect(Collectors.joining("\n")));
    }

    @ParameterizedTest
    @MethodSource("labs")
    void a_session_replayed_on_a_fresh_simulator_is_byte_identical(String id) throws Exception {
        BoundLab lab = bound(id, 4);
        MachineConfig config = new MachineConfig(lab.front().cgroup(), lab.seed());
        List<String> original;
        List<Action> log;
        try (Host host = Hosts.of(HostKind.SIM).open(config)) {
            Session session = Session.start(lab, host, Plan.WITHOUT_SOLUTIONS);
            session.apply(new Action.Next());
            session.apply(new Action.Type("main", "ps -e -o pid,ppid,comm"));
            session.apply(new Action.Forward());
            while (!session.finished()) {
                session.apply(new Action.Next());
            }
            original = lines(session);
            log = session.log();
        }
        try (Host host = Hosts.of(HostKind.SIM).open(config)) {
            assertEquals(original, lines(Session.replay(lab, host, Plan.WITHOUT_SOLUTIONS, log)));
        }
    }

    static List<String> lines(Session session) {
        return session.transcript().runs().stream().map(BuiltInLabsTest::line).toList();
    }

    static String line(CommandRun run) {
        return run.terminal() + " " + run.line() + " -> " + run.result().status() + " " + run.result().output()
                + run.result().events().stream().map(e -> e.summary()).toList();
    }
}
