package isolab.web.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import isolab.labs.model.Lab;
import isolab.labs.parse.LabParser;
import isolab.web.App;
import isolab.web.ScriptedHost;
import isolab.web.TestApp;
import isolab.web.Urls;
import isolab.web.WebClient;
import isolab.web.catalog.LabLibrary;
import isolab.web.player.PlayerBackend;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compare page in-process on scripted machines (a scripted "real" host stands in for a
 * sandbox): the feature off, a lab that runs on the simulator only, a replay stored and shown
 * again without running until the log changes.
 */
class CompareHttpTest {

    static final Urls URLS = Urls.INSTANCE;
    static final String LAB = TestApp.LAB;

    @TempDir
    Path dataDir;

    App app;
    WebClient ada;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    private void start(RealHost realHost) throws Exception {
        String text;
        try (InputStream in = TestApp.class.getResourceAsStream("/testlabs/" + LAB + ".lab.md")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Lab simOnly = LabParser.parse("test-sim-only.lab.md",
                text.replace("id: test-uts", "id: test-sim-only\nhosts: [sim]"));
        Lab hidden = LabParser.parse("test-hidden.lab.md", text.replace("id: test-uts", "id: test-hidden")
                .replace("```check points=3", "```check hidden points=3")
                + "\nOne more look.\n\n```console\n$ echo done\ndone\n```\n");
        PlayerBackend backend = new PlayerBackend(new LabLibrary(List.of(TestApp.lab(), simOnly, hidden)),
                ScriptedHost::new, ScriptedHost::new);
        app = App.start(TestApp.config(dataDir), backend, realHost);
        ada = new WebClient(app.port());
        ada.register("ada", "correct horse");
    }

    private static RealHost scriptedRealHost() {
        CountDownLatch open = new CountDownLatch(0);
        return new RealHost.On(config -> new GatedHost(new ScriptedHost(config), open), 1, 1, Duration.ofSeconds(30));
    }

    private HttpResponse<String> press(String url, String... fields) {
        ada.get(URLS.player(LAB));
        return ada.post(url, fields);
    }

    private HttpResponse<String> compare(String lab) {
        ada.get(URLS.compare(lab));
        return ada.post(URLS.compare(lab));
    }

    static int count(String text, String what) {
        return text.split(Pattern.quote(what), -1).length - 1;
    }

    @Test
    void without_real_host_the_player_s_button_is_disabled_and_says_why() throws Exception {
        start(RealHost.notRequested());
        String player = ada.get(URLS.player(LAB)).body();
        assertTrue(player.contains("<button type=\"button\" id=\"compare-link\" disabled>"), player);
        assertTrue(player.contains("Unavailable: this server was started without --real-host"), player);
        String page = ada.get(URLS.compare(LAB)).body();
        assertTrue(page.contains("id=\"unavailable\""), page);
        assertFalse(page.contains("id=\"replay-real\""), "no button to press");
        HttpResponse<String> pressed = compare(LAB);
        assertEquals(409, pressed.statusCode());
        assertTrue(pressed.body().contains("cannot replay on a real host: this server was started without --real-host"),
                pressed.body());
    }

    @Test
    void a_host_that_cannot_build_sandboxes_says_why_on_the_button() throws Exception {
        start(RealHost.probe(config -> {
            throw new isolab.labs.hosts.Hosts.Unavailable("a real sandbox is built as root, but this JVM runs as uid 1000",
                    null);
        }, 2, Duration.ofSeconds(30)));
        String player = ada.get(URLS.player(LAB)).body();
        assertTrue(player.contains("Unavailable: this server cannot build a real sandbox: a real sandbox is built as root,"
                + " but this JVM runs as uid 1000"), player);
    }

    @Test
    void a_lab_that_declares_hosts_sim_is_not_replayed_and_the_page_says_so() throws Exception {
        start(scriptedRealHost());
        assertTrue(ada.get(URLS.player("test-sim-only")).body().contains("declares hosts: [sim]"));
        HttpResponse<String> pressed = compare("test-sim-only");
        assertEquals(409, pressed.statusCode());
        assertTrue(pressed.body().contains("declares hosts: [sim] in its front matter"), pressed.body());
        assertEquals(0, GatedHost.OPENED.get() - GatedHost.CLOSED.get());
    }

    @Test
    void a_replay_is_shown_side_by_side_stored_and_shown_again_until_the_log_changes() throws Exception {
        start(scriptedRealHost());
        String player = ada.get(URLS.player(LAB)).body();
        assertTrue(player.contains("id=\"compare-link\" href=\"/labs/test-uts/compare\""), player);
        press(URLS.next(LAB));
        press(URLS.terminal(LAB), "terminal", "main", "line", "echo side by side");
        HttpResponse<String> pressed = compare(LAB);
        assertEquals(303, pressed.statusCode(), pressed.body());
        String page = ada.get(URLS.compare(LAB)).body();
        assertTrue(page.contains("The simulator and the real host agree on all 2 commands."), page);
        assertEquals(2, count(page, "<span class=\"ok\">same</span>"));
        assertTrue(page.contains("<code>echo side by side</code>"), page);
        assertEquals(3, count(page, "data-host=\"sim\""), "the sim's three pictures");
        assertEquals(3, count(page, "data-host=\"real\""), "the real host's three pictures");
        assertTrue(page.contains("namespace inode numbers"), "the page lists what the differ normalises");
        assertTrue(page.contains("Replay again"), page);

        int booted = ScriptedHost.BOOTED.get();
        String again = ada.get(URLS.compare(LAB)).body();
        assertEquals(booted, ScriptedHost.BOOTED.get(), "showing the stored result boots no machine");
        assertTrue(again.contains("agree on all 2 commands"));

        press(URLS.terminal(LAB), "terminal", "main", "line", "hostname");
        String changed = ada.get(URLS.compare(LAB)).body();
        assertTrue(changed.contains("id=\"stale\""), changed);
        assertTrue(changed.contains(">Replay on a real host</button>"), changed);
        assertFalse(changed.contains("id=\"verdict\""), "the old verdict is not shown as the new log's");
        compare(LAB);
        assertTrue(ada.get(URLS.compare(LAB)).body().contains("agree on all 3 commands"));
        press(URLS.back(LAB));
        String back = ada.get(URLS.compare(LAB)).body();
        assertTrue(back.contains("agree on all 2 commands"), "the log as it was has its stored replay again");
    }

    @Test
    void a_hidden_check_s_commands_are_masked_as_the_player_masks_them() throws Exception {
        start(scriptedRealHost());
        String lab = "test-hidden";
        ada.get(URLS.player(lab));
        ada.post(URLS.forward(lab));
        ada.post(URLS.predict(lab), "step", "1", "answer", "isolab");
        for (int i = 0; i < 3; i++) {
            ada.post(URLS.forward(lab));
        }
        assertTrue(ada.get(URLS.player(lab)).body().contains("[a hidden check ran]"), "the player masks it");
        compare(lab);
        String page = ada.get(URLS.compare(lab)).body();
        assertTrue(page.contains("<code>[a hidden check ran]</code>"), page);
        assertEquals(1, count(page, "<code>[a hidden check ran]</code>"));
        assertEquals(2, count(page, "<code>hostname</code>"), "the two console steps' hostname, not the hidden check's");
        assertTrue(page.contains("agree on all"), page);
    }

    @Test
    void while_a_replay_runs_its_page_says_so_and_reloads_and_a_full_server_refuses_another() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        start(new RealHost.On(config -> new GatedHost(new ScriptedHost(config), gate), 1, 0, Duration.ofSeconds(30)));
        GatedHost.OPENED.set(0);
        GatedHost.CLOSED.set(0);
        press(URLS.next(LAB));
        ada.get(URLS.compare(LAB));
        WebClient adaToo = ada.withPort(app.port());
        WebClient bob = new WebClient(app.port());
        bob.register("bob", "correct horse");
        bob.get(URLS.player(LAB));
        bob.post(URLS.next(LAB));
        ExecutorService pressing = Executors.newSingleThreadExecutor();
        try {
            Future<HttpResponse<String>> adaPressed = pressing.submit(() -> ada.post(URLS.compare(LAB)));
            for (int i = 0; i < 500 && GatedHost.OPENED.get() < 1; i++) {
                Thread.sleep(10);
            }
            HttpResponse<String> running = adaToo.get(URLS.compare(LAB));
            assertTrue(running.body().contains("id=\"running\""), running.body());
            assertEquals("2", running.headers().firstValue("Refresh").orElse(""), "the page reloads itself");
            assertFalse(running.body().contains("id=\"replay-real\""), "no second button while it runs");
            bob.get(URLS.compare(LAB));
            HttpResponse<String> refused = bob.post(URLS.compare(LAB));
            assertEquals(503, refused.statusCode());
            assertTrue(refused.body().contains("all 1 real sandboxes of this server are busy"), refused.body());
            gate.countDown();
            assertEquals(303, adaPressed.get(20, TimeUnit.SECONDS).statusCode());
        } finally {
            gate.countDown();
            pressing.shutdown();
        }
        HttpResponse<String> done = adaToo.get(URLS.compare(LAB));
        assertTrue(done.body().contains("The simulator and the real host agree on the one command."), done.body());
        assertTrue(done.headers().firstValue("Refresh").isEmpty());
        assertEquals(GatedHost.OPENED.get(), GatedHost.CLOSED.get(), "every sandbox opened was closed");
    }

    @Test
    void a_command_the_hosts_disagree_on_is_marked_with_where() throws Exception {
        start(new RealHost.On(config -> new DifferentHost(new ScriptedHost(config)), 1, 0, Duration.ofSeconds(30)));
        press(URLS.next(LAB));
        press(URLS.next(LAB));
        compare(LAB);
        String page = ada.get(URLS.compare(LAB)).body();
        assertTrue(page.contains("The hosts disagree on 1 of 2 commands."), page);
        assertTrue(page.contains("output line 1: sim &quot;hello&quot;, real &quot;HELLO&quot;"), page);

        var teacher = isolab.web.auth.FirstInstructor.createIfNone(app.services().roster(), app.services().hasher())
                .orElseThrow();
        WebClient instructor = new WebClient(app.port());
        instructor.login(teacher.username(), teacher.password());
        String gradebook = instructor.get(Urls.GRADEBOOK).body();
        assertTrue(gradebook.contains("differs on 1 of 2 commands"), "the instructor sees the replay: " + gradebook);
        Matcher link = Pattern.compile("href=\"(/gradebook/replays/\\d+)\"").matcher(gradebook);
        assertTrue(link.find(), gradebook);
        String stored = instructor.get(link.group(1)).body();
        assertTrue(stored.contains("The replay of <strong>ada</strong>"), stored);
        assertTrue(stored.contains("The hosts disagree on 1 of 2 commands."), stored);
        assertFalse(stored.contains("id=\"replay-real\""), "an instructor reads it; no button");
        assertEquals(403, ada.get(link.group(1)).statusCode(), "students read only their own, on their page");
        assertEquals(404, instructor.get("/gradebook/replays/999999").statusCode());
    }
}
