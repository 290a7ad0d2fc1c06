package isolab.web.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import isolab.web.TestApp;
import isolab.web.Urls;
import isolab.web.WebClient;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server killed with SIGKILL mid-lab and started again on the same data directory shows the
 * student the same steps and the same score: every step was stored before it was shown.
 */
class CrashRecoveryTest {

    static final String LAB = TestApp.LAB;
    static final Urls URLS = Urls.INSTANCE;

    @TempDir
    Path dataDir;

    @Test
    void a_server_killed_with_sigkill_restarts_with_the_same_steps_and_score() throws Exception {
        Path log = dataDir.resolve("server.log");
        String terminalBefore;
        String scoreBefore;
        WebClient ada;
        try (ServerProcess server = ServerProcess.start(dataDir, log)) {
            ada = new WebClient(server.port());
            assertEquals(303, ada.register("ada", "correct horse").statusCode());
            press(ada, URLS.next(LAB));
            press(ada, URLS.next(LAB));
            press(ada, URLS.back(LAB));
            press(ada, URLS.forward(LAB));
            press(ada, URLS.predict(LAB), "step", "1", "answer", "isolab");
            press(ada, URLS.terminal(LAB), "terminal", "main", "line", "echo the last step before the crash");
            String page = ada.get(URLS.player(LAB)).body();
            terminalBefore = terminal(page);
            scoreBefore = score(page);
            assertTrue(terminalBefore.contains("echo the last step before the crash"), terminalBefore);
            assertEquals("2 of 5 points", scoreBefore);
            // No shutdown hook, no flush: the process dies at once, as on kill -9.
            server.kill9();
        }
        try (ServerProcess restarted = ServerProcess.start(dataDir, log)) {
            WebClient same = ada.withPort(restarted.port());
            String page = same.get(URLS.player(LAB)).body();
            assertEquals(terminalBefore, terminal(page));
            assertEquals(scoreBefore, score(page));
            assertTrue(page.contains("Step 2 of 4"), "still on the prediction's step");
        }
    }

    private static void press(WebClient browser, String url, String... fields) {
        browser.get(URLS.player(LAB));
        int status = browser.post(url, fields).statusCode();
        assertEquals(303, status, url);
    }

    static String terminal(String page) {
        int start = page.indexOf("<div class=\"terminal\"");
        return page.substring(start, page.indexOf("</form>", start));
    }

    static String score(String page) {
        int start = page.indexOf("id=\"score\">") + "id=\"score\">".length();
        return page.substring(start, page.indexOf('<', start));
    }
}
