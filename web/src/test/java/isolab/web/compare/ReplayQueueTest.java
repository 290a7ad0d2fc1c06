package isolab.web.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import isolab.grading.db.Database;
import isolab.grading.gradebook.Attempts;
import isolab.grading.gradebook.RealReplay;
import isolab.grading.gradebook.RealReplays;
import isolab.grading.roster.Role;
import isolab.grading.roster.Roster;
import isolab.labs.hosts.Hosts;
import isolab.labs.model.BoundLab;
import isolab.labs.run.Action;
import isolab.labs.run.HostFactory;
import isolab.web.ScriptedHost;
import isolab.web.TestApp;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The replay queue's limits, on scripted machines: slots, the waiting line, the time limit, closing. */
class ReplayQueueTest {

    @TempDir
    Path dataDir;

    Database database;
    RealReplays store;
    Roster roster;
    Attempts attempts;
    final CountDownLatch gate = new CountDownLatch(1);
    BoundLab lab;
    final List<Action> log = List.of(new Action.Next(), new Action.Type("main", "hostname"));

    @BeforeEach
    void setUp() throws Exception {
        lab = TestApp.lab().bind(7);
        database = Database.openEmbedded(dataDir);
        store = new RealReplays(database.jdbc());
        roster = new Roster(database.jdbc(), Clock.systemUTC());
        attempts = new Attempts(database.jdbc(), Clock.systemUTC());
        GatedHost.OPENED.set(0);
        GatedHost.CLOSED.set(0);
    }

    @AfterEach
    void tearDown() {
        gate.countDown();
        database.close();
    }

    private ReplayQueue queue(int slots, int waiting, Duration limit, HostFactory real) {
        return new ReplayQueue(new RealHost.On(real, slots, waiting, limit), ScriptedHost::new, store,
                Clock.systemUTC());
    }

    private HostFactory gated() {
        return config -> new GatedHost(new ScriptedHost(config), gate);
    }

    private ReplayQueue.Request request(String student) {
        long account = roster.add(student, Role.STUDENT, "h").id();
        return new ReplayQueue.Request(attempts.start(account, lab.id(), lab.seed()).id(), lab, log);
    }

    @Test
    void at_most_the_slots_run_at_once_the_line_waits_and_a_replay_past_a_full_line_is_refused() throws Exception {
        try (ReplayQueue queue = queue(1, 1, Duration.ofSeconds(30), gated())) {
            CompletableFuture<RealReplay> first = queue.submit(request("ada"));
            CompletableFuture<RealReplay> second = queue.submit(request("bob"));
            ReplayQueue.Request cy = request("cy");
            ReplayQueue.Full full = assertThrows(ReplayQueue.Full.class, () -> queue.submit(cy));
            assertTrue(full.getMessage().contains("all 1 real sandboxes of this server are busy"), full.getMessage());
            Thread.sleep(200);
            assertEquals(1, GatedHost.OPENED.get(), "the second replay waits for the slot before opening a sandbox");
            gate.countDown();
            assertEquals(RealReplay.Outcome.COMPARED, first.get(10, TimeUnit.SECONDS).outcome());
            assertEquals(RealReplay.Outcome.COMPARED, second.get(10, TimeUnit.SECONDS).outcome());
            assertEquals(1, queue.busyMax());
            assertEquals(2, GatedHost.CLOSED.get(), "every sandbox is closed when its replay ends");
            assertTrue(queue.submit(cy).get(10, TimeUnit.SECONDS).disagreements().isEmpty(),
                    "a freed line takes replays again");
        }
    }

    @Test
    void two_slots_run_two_replays_at_once() throws Exception {
        try (ReplayQueue queue = queue(2, 0, Duration.ofSeconds(30), gated())) {
            CompletableFuture<RealReplay> first = queue.submit(request("ada"));
            CompletableFuture<RealReplay> second = queue.submit(request("bob"));
            for (int i = 0; i < 200 && GatedHost.OPENED.get() < 2; i++) {
                Thread.sleep(10);
            }
            assertEquals(2, GatedHost.OPENED.get());
            ReplayQueue.Request cy = request("cy");
            assertThrows(ReplayQueue.Full.class, () -> queue.submit(cy), "no line behind two slots");
            gate.countDown();
            first.get(10, TimeUnit.SECONDS);
            second.get(10, TimeUnit.SECONDS);
            assertEquals(2, queue.busyMax());
        }
    }

    @Test
    void the_same_log_asked_for_twice_while_it_runs_is_one_replay() throws Exception {
        try (ReplayQueue queue = queue(1, 0, Duration.ofSeconds(30), gated())) {
            ReplayQueue.Request ada = request("ada");
            CompletableFuture<RealReplay> first = queue.submit(ada);
            assertSame(first, queue.submit(new ReplayQueue.Request(ada.attemptId(), lab, log)));
            assertTrue(queue.inProgress(ada.attemptId(), ada.digest()).isPresent());
            gate.countDown();
            RealReplay replay = first.get(10, TimeUnit.SECONDS);
            assertEquals(ada.digest(), replay.logDigest());
            assertEquals(replay.id(), store.forLog(ada.attemptId(), ada.digest()).orElseThrow().id());
            assertTrue(queue.inProgress(ada.attemptId(), ada.digest()).isEmpty());
        }
    }

    @Test
    void a_replay_past_its_time_limit_is_stored_as_timed_out_and_its_sandbox_closed() throws Exception {
        try (ReplayQueue queue = queue(1, 0, Duration.ofMillis(300), gated())) {
            RealReplay replay = queue.submit(request("ada")).get(10, TimeUnit.SECONDS);
            assertEquals(RealReplay.Outcome.TIMED_OUT, replay.outcome());
            assertTrue(replay.reason().contains("time limit of 0 s"), replay.reason());
            assertEquals(1, GatedHost.OPENED.get());
            assertEquals(1, GatedHost.CLOSED.get());
            assertEquals(RealReplay.Outcome.TIMED_OUT, store.latest(replay.attemptId()).orElseThrow().outcome());
        }
    }

    @Test
    void a_host_that_cannot_build_the_lab_s_machine_is_stored_with_its_reason() throws Exception {
        HostFactory refusing = config -> {
            throw new Hosts.Unavailable("the lab needs a cgroup v2 machine, but this host mounts cgroup v1", null);
        };
        try (ReplayQueue queue = queue(1, 0, Duration.ofSeconds(30), refusing)) {
            RealReplay replay = queue.submit(request("ada")).get(10, TimeUnit.SECONDS);
            assertEquals(RealReplay.Outcome.FAILED, replay.outcome());
            assertEquals("the real host cannot run this lab: the lab needs a cgroup v2 machine, but this host mounts"
                    + " cgroup v1", replay.reason());
        }
    }

    @Test
    void closing_the_queue_closes_the_sandboxes_of_replays_still_running() throws Exception {
        ReplayQueue queue = queue(1, 0, Duration.ofSeconds(30), gated());
        CompletableFuture<RealReplay> running = queue.submit(request("ada"));
        for (int i = 0; i < 200 && GatedHost.OPENED.get() < 1; i++) {
            Thread.sleep(10);
        }
        queue.close();
        assertEquals(GatedHost.OPENED.get(), GatedHost.CLOSED.get());
        assertTrue(running.isDone());
    }
}
