package isolab.web.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import isolab.api.HostKind;
import isolab.cli.Main;
import isolab.grading.seed.CourseSecret;
import isolab.grading.seed.StudentSeeds;
import isolab.labs.catalog.LabCatalog;
import isolab.labs.hosts.Hosts;
import isolab.labs.model.BoundLab;
import isolab.labs.model.PredictStep;
import isolab.labs.run.PredictionKeys;
import isolab.web.TestApp;
import isolab.web.TestServerMain;
import isolab.web.Urls;
import isolab.web.WebClient;
import isolab.web.player.BuiltInLabsHttpTest;
import isolab.web.player.Player;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server killed with SIGKILL mid-lab and started again on the same data directory shows the
 * student the same steps and the same score: every step was stored before it was shown.
 */
class CrashRecoveryTest {

    static final Urls URLS = Urls.INSTANCE;

    @TempDir
    Path dataDir;

    @Test
    void a_server_killed_with_sigkill_restarts_with_the_same_steps_and_score() throws Exception {
        Path log = dataDir.resolve("server.log");
        String lab = TestApp.LAB;
        List<String> args = List.of(dataDir.toString());
        Snapshot before;
        WebClient ada;
        try (ServerProcess server = ServerProcess.start(TestServerMain.class, args, log)) {
            ada = new WebClient(server.port());
            assertEquals(303, ada.register("ada", "correct horse").statusCode());
            press(ada, lab, URLS.next(lab));
            press(ada, lab, URLS.next(lab));
            press(ada, lab, URLS.back(lab));
            press(ada, lab, URLS.forward(lab));
            press(ada, lab, URLS.predict(lab), "step", "1", "answer", "isolab");
            press(ada, lab, URLS.terminal(lab), "terminal", "main", "line", "echo the last step before the crash");
            before = Snapshot.of(ada.get(URLS.player(lab)).body());
            assertTrue(before.terminal().contains("echo the last step before the crash"), before.terminal());
            assertEquals("2 of 5 points", before.score());
            // No shutdown hook, no flush: the process dies at once.
            server.kill9();
        }
        try (ServerProcess restarted = ServerProcess.start(TestServerMain.class, args, log)) {
            String page = ada.withPort(restarted.port()).get(URLS.player(lab)).body();
            assertEquals(before, Snapshot.of(page));
            assertTrue(page.contains("Step 2 of 4"), "still on the prediction's step");
        }
    }

    @Test
    void isolab_serve_killed_with_sigkill_restarts_with_the_same_steps_and_score() throws Exception {
        assumeTrue(BuiltInLabsHttpTest.simulatorAvailable(), "the simulator is not part of this build yet");
        Path log = dataDir.resolve("serve.log");
        List<String> args = List.of("serve", "--port", "0", "--bind", "127.0.0.1", "--data", dataDir.toString());
        String lab = "uts-and-pid";
        Snapshot before;
        WebClient ada;
        try (ServerProcess server = ServerProcess.start(Main.class, args, log)) {
            ada = new WebClient(server.port());
            assertEquals(303, ada.register("ada", "correct horse").statusCode());
            BoundLab bound = LabCatalog.builtIn().find(lab).orElseThrow().lab()
                    .bind(new StudentSeeds(CourseSecret.loadOrCreate(dataDir)).seedFor("ada"));
            int predict = Player.shown(bound).stream().filter(i -> bound.steps().get(i) instanceof PredictStep)
                    .findFirst().orElseThrow();
            press(ada, lab, URLS.next(lab));
            press(ada, lab, URLS.next(lab));
            press(ada, lab, URLS.back(lab));
            press(ada, lab, URLS.jump(lab), "step", String.valueOf(predict));
            String key = new PredictionKeys(Hosts.of(HostKind.SIM)).key(bound, predict).key();
            press(ada, lab, URLS.predict(lab), "step", String.valueOf(predict), "answer", key);
            press(ada, lab, URLS.terminal(lab), "terminal", "main", "line", "echo $$");
            before = Snapshot.of(ada.get(URLS.player(lab)).body());
            assertTrue(before.score().startsWith(((PredictStep) bound.steps().get(predict)).points() + " of "),
                    before.score());
            server.kill9();
        }
        try (ServerProcess restarted = ServerProcess.start(Main.class, args, log)) {
            assertEquals(before, Snapshot.of(ada.withPort(restarted.port()).get(URLS.player(lab)).body()));
        }
    }

    private static void press(WebClient browser, String lab, String url, String... fields) {
        browser.get(URLS.player(lab));
        assertEquals(303, browser.post(url, fields).statusCode(), url);
    }

    /** What the student sees of a session: the terminal, the process tree, the score. */
    record Snapshot(String terminal, String processTree, String score) {
        static Snapshot of(String page) {
            int terminal = page.indexOf("<div class=\"terminal\"");
            int score = page.indexOf("id=\"score\">") + "id=\"score\">".length();
            return new Snapshot(page.substring(terminal, page.indexOf("</form>", terminal)),
                    page.substring(page.indexOf("<svg"), page.indexOf("</svg>")),
                    page.substring(score, page.indexOf('<', score)));
        }
    }
}
