package isolab.web.player;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import isolab.grading.gradebook.LoggedAction;
import isolab.labs.model.BoundLab;
import isolab.labs.run.Action;
import isolab.labs.run.CommandRun;
import isolab.labs.run.Position;
import isolab.labs.run.Session;
import isolab.web.ScriptedHost;
import isolab.web.TestApp;
import isolab.web.picture.MemcgSample;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;

/** The cache of live sessions: reused while in step with the log, replayed when not, evicted when old. */
class SessionsTest {

    final BoundLab lab = bind();

    static BoundLab bind() {
        try {
            return TestApp.lab().bind(7);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static LoggedAction logged(int seq, Action action) {
        return new LoggedAction(seq, action, new Position(0, 0), List.of(), Instant.EPOCH, null);
    }

    @Test
    void a_session_in_step_with_the_log_is_reused() {
        try (Sessions sessions = new Sessions(ScriptedHost::new, 4)) {
            Session first = sessions.session(1, lab, List.of());
            first.apply(new Action.Next());
            sessions.applied(1, 1, List.of());
            assertSame(first, sessions.session(1, lab, List.of(logged(1, new Action.Next()))));
        }
    }

    @Test
    void a_log_that_lost_its_last_action_is_replayed_on_a_fresh_machine() {
        try (Sessions sessions = new Sessions(ScriptedHost::new, 4)) {
            Session first = sessions.session(1, lab, List.of());
            first.apply(new Action.Next());
            first.apply(new Action.Next());
            sessions.applied(1, 1, List.of());
            sessions.applied(1, 2, List.of());
            Session replayed = sessions.session(1, lab, List.of(logged(1, new Action.Next())));
            assertNotSame(first, replayed);
            assertEquals(new Position(0, 1), replayed.position());
            assertTrue(((ScriptedHost) first.host()).closed(), "the stale machine is closed");
        }
    }

    @Test
    void the_oldest_session_is_evicted_and_its_machine_closed() {
        try (Sessions sessions = new Sessions(ScriptedHost::new, 1)) {
            Session one = sessions.session(1, lab, List.of());
            sessions.session(2, lab, List.of());
            assertTrue(((ScriptedHost) one.host()).closed());
            assertNotSame(one, sessions.session(1, lab, List.of()), "rebuilt when used again");
        }
    }

    @Test
    void a_session_in_use_is_not_evicted() throws Exception {
        try (Sessions sessions = new Sessions(ScriptedHost::new, 1)) {
            Session one = sessions.session(1, lab, List.of());
            ReentrantLock lock = sessions.lock(1);
            Thread user = new Thread(lock::lock);
            user.start();
            user.join();
            sessions.session(2, lab, List.of());
            assertFalse(((ScriptedHost) one.host()).closed(), "attempt 1's request still holds it");
        }
    }

    @Test
    void the_memory_history_has_a_sample_at_the_start_and_after_every_action_replayed_or_applied() {
        try (Sessions sessions = new Sessions(ScriptedHost::new, 4)) {
            Session replayed = sessions.session(1, lab, List.of(logged(1, new Action.Next())));
            List<MemcgSample> history = sessions.history(1);
            assertEquals(List.of(0, 1), history.stream().map(MemcgSample::action).toList());
            assertEquals("", history.get(0).label());
            assertEquals(replayed.transcript().runs().get(0).line(), history.get(1).label(),
                    "a sample is labelled with what its action ran");

            List<CommandRun> ran = replayed.apply(new Action.Next());
            sessions.applied(1, 2, ran);
            assertEquals(List.of(0, 1, 2), sessions.history(1).stream().map(MemcgSample::action).toList());
            assertEquals(ran.get(0).line(), sessions.history(1).get(2).label());
            assertSame(replayed, sessions.session(1, lab, List.of(logged(1, new Action.Next()), logged(2, new Action.Next()))),
                    "recording the history did not make the session fall out of step");
        }
    }
}
