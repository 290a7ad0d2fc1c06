package isolab.labs.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import isolab.labs.model.BoundLab;
import isolab.labs.model.Lab;
import isolab.labs.model.StepKind;
import isolab.labs.parse.LabParser;
import isolab.labs.testing.ToyHost;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionTest {

    static final String TOY = SessionTestLabs.TOY;

    static BoundLab toy(long seed) throws Exception {
        Lab lab = LabParser.parse("toy.lab.md", TOY);
        return lab.bind(seed);
    }

    @Test
    void a_session_starts_after_the_setup_on_the_first_step_a_student_sees() throws Exception {
        ToyHost host = ToyHost.sim();
        Session session = Session.start(toy(1), host, Plan.WITHOUT_SOLUTIONS);
        assertEquals(List.of("main: true"), host.history());
        assertEquals(new Position(1, 0), session.position());
        assertEquals(StepKind.CONSOLE, session.currentStep().orElseThrow().kind());
    }

    @Test
    void next_runs_one_command_at_a_time_then_moves_to_the_next_step() throws Exception {
        Session session = Session.start(toy(1), ToyHost.sim(), Plan.WITHOUT_SOLUTIONS);
        List<CommandRun> first = session.apply(new Action.Next());
        assertEquals("hostname", first.get(0).line());
        assertTrue(first.get(0).match().passed());
        assertEquals(new Position(1, 1), session.position());
        session.apply(new Action.Next());
        assertEquals(new Position(1, 2), session.position(), "the step is done but still shown");
        assertEquals(List.of(), session.apply(new Action.Next()));
        assertEquals(new Position(2, 0), session.position());
        assertEquals(StepKind.PREDICT, session.currentStep().orElseThrow().kind());
        session.apply(new Action.Next());
        assertEquals(new Position(3, 0), session.position());
    }

    @Test
    void a_student_s_session_skips_the_solution_and_runs_a_check_whole() throws Exception {
        Session session = Session.start(toy(1), ToyHost.sim(), Plan.WITHOUT_SOLUTIONS);
        for (int i = 0; i < 7; i++) {
            session.apply(new Action.Next());
        }
        assertEquals(new Position(5, 0), session.position(), "step 4, the solution, is passed over");
        List<CommandRun> check = session.apply(new Action.Next());
        assertEquals(1, check.size());
        assertFalse(session.latestCheck(5).orElseThrow().passed());
        session.apply(new Action.Next());
        assertTrue(session.finished());
    }

    @Test
    void an_author_s_run_passes_every_expectation_and_counts_commands_with_expectations() throws Exception {
        Transcript transcript = LabRunner.run(toy(3), ToyHost.sim(), Plan.WITH_SOLUTIONS);
        assertEquals("4 passed, 0 failed", transcript.summary());
        assertEquals(List.of("true", "hostname", "readlink /proc/self/ns/uts", "unshare --pid --fork sh", "echo $$",
                "unshare --uts sh", "hostname " + toy(3).params().get("name").orElseThrow(), "hostname"),
                transcript.runs().stream().map(CommandRun::line).toList());
    }

    @Test
    void without_the_solution_the_check_fails() throws Exception {
        assertEquals("3 passed, 1 failed", LabRunner.run(toy(3), ToyHost.sim(), Plan.WITHOUT_SOLUTIONS).summary());
    }

    @Test
    void replaying_the_log_on_a_fresh_host_gives_the_same_session() throws Exception {
        Session original = Session.start(toy(5), ToyHost.sim(), Plan.WITHOUT_SOLUTIONS);
        original.apply(new Action.Next());
        original.apply(new Action.Type("c", "unshare --uts sh"));
        original.apply(new Action.Type("c", "hostname " + toy(5).params().get("name").orElseThrow()));
        original.apply(new Action.Forward());
        original.apply(new Action.RunCheck(5));
        original.apply(new Action.Next());

        Session replayed = Session.replay(toy(5), ToyHost.sim(), Plan.WITHOUT_SOLUTIONS, original.log());
        assertEquals(original.positions(), replayed.positions());
        assertEquals(outputs(original), outputs(replayed));
        assertTrue(replayed.latestCheck(5).orElseThrow().passed(), "the student's own work passes the check");
    }

    @Test
    void stepping_back_is_replaying_the_log_without_its_last_action() throws Exception {
        Session session = Session.start(toy(5), ToyHost.sim(), Plan.WITHOUT_SOLUTIONS);
        session.apply(new Action.Next());
        session.apply(new Action.Next());
        List<Action> log = session.log();
        Session back = Session.replay(toy(5), ToyHost.sim(), Plan.WITHOUT_SOLUTIONS, log.subList(0, log.size() - 1));
        assertEquals(new Position(1, 1), back.position());
        assertEquals(2, back.transcript().runs().size(), "the setup and one command");
    }

    @Test
    void forward_runs_the_rest_of_the_step_and_moves_on() throws Exception {
        Session session = Session.start(toy(1), ToyHost.sim(), Plan.WITHOUT_SOLUTIONS);
        List<CommandRun> ran = session.apply(new Action.Forward());
        assertEquals(2, ran.size());
        assertEquals(new Position(2, 0), session.position());
    }

    @Test
    void run_check_refuses_a_step_that_is_not_a_check() throws Exception {
        Session session = Session.start(toy(1), ToyHost.sim(), Plan.WITHOUT_SOLUTIONS);
        assertThrows(IllegalArgumentException.class, () -> session.apply(new Action.RunCheck(1)));
    }

    @Test
    void a_timed_out_command_fails_its_expectations() throws Exception {
        Lab lab = LabParser.parse("slow.lab.md", """
                ---
                id: slow
                title: Slow
                ---
                ```console timeout=2
                $ sleep 5
                ...
                $ sleep 1
                ...
                ```
                """);
        Transcript transcript = LabRunner.run(lab.bind(0), ToyHost.sim(), Plan.WITH_SOLUTIONS);
        assertEquals("1 passed, 1 failed", transcript.summary());
        assertTrue(transcript.runs().get(0).result().timedOut());
    }

    @Test
    void the_key_of_a_prediction_is_read_on_the_simulator_after_the_next_step_in_its_terminal() throws Exception {
        List<ToyHost> opened = new ArrayList<>();
        PredictionKeys keys = new PredictionKeys(config -> {
            ToyHost host = ToyHost.sim();
            opened.add(host);
            return host;
        });
        PredictionKey key = keys.key(toy(2), 2);
        assertEquals("1", key.key(), "echo $$ in the new PID namespace of terminal box");
        assertTrue(key.accepts(" 1 "));
        assertFalse(key.accepts("2"));
        assertEquals("box: echo $$", opened.get(0).history().get(opened.get(0).history().size() - 1));
        assertFalse(opened.get(0).history().contains("c: hostname"), "nothing after the next step ran");
        assertTrue(opened.get(0).closed());
    }

    static List<String> outputs(Session session) {
        return session.transcript().runs().stream().map(r -> r.terminal() + "> " + r.line() + " => " + r.result().output()).toList();
    }
}
