package isolab.web.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import isolab.api.HostKind;
import isolab.labs.catalog.CatalogEntry;
import isolab.labs.catalog.LabCatalog;
import isolab.labs.hosts.Hosts;
import isolab.labs.model.BoundLab;
import isolab.labs.model.Command;
import isolab.labs.model.PredictStep;
import isolab.labs.model.SolutionStep;
import isolab.labs.run.PredictionKeys;
import isolab.web.App;
import isolab.web.TestApp;
import isolab.web.Urls;
import isolab.web.WebClient;
import isolab.web.catalog.LabLibrary;
import isolab.web.player.Player;
import isolab.web.player.PlayerBackend;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in lab uts-and-pid played in the app as shipped (the catalog on the simulator) and
 * replayed on a real Linux sandbox of this machine: every command agrees, both machines are drawn,
 * and no sandbox of this JVM is left behind. Skipped, with the host's reason, where this machine
 * cannot build a real sandbox (not root, cgroup v2).
 */
class CompareRealHostHttpTest {

    static final Urls URLS = Urls.INSTANCE;
    static final String LAB = "uts-and-pid";
    static final Path SESSIONS = Path.of("/sys/fs/cgroup/pids/isolab");

    @TempDir
    Path dataDir;

    /** The cgroups of real sessions this JVM owns ({@code j<pid>-<start>-<serial>}) still on the machine. */
    static List<String> sessionsOfThisJvm() throws IOException {
        if (!Files.isDirectory(SESSIONS)) {
            return List.of();
        }
        String mine = "j" + ProcessHandle.current().pid() + "-";
        try (Stream<Path> entries = Files.list(SESSIONS)) {
            return entries.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(mine)).sorted().toList();
        }
    }

    @AfterAll
    static void no_sandbox_of_this_jvm_is_left() throws IOException {
        assertEquals(List.of(), sessionsOfThisJvm(), "every real sandbox is closed when its replay ends");
    }

    @Test
    void a_student_s_attempt_at_uts_and_pid_agrees_with_linux_command_by_command() throws Exception {
        RealHost real = RealHost.probe(Hosts.of(HostKind.REAL), 2, Duration.ofMinutes(2));
        assumeTrue(real instanceof RealHost.On, () -> ((RealHost.Off) real).reason());
        LabLibrary library = new LabLibrary(LabCatalog.builtIn().entries().stream().map(CatalogEntry::lab).toList());
        PlayerBackend backend = new PlayerBackend(library, Hosts.of(HostKind.SIM), Hosts.of(HostKind.SIM));
        try (App app = App.start(TestApp.config(dataDir), backend, real)) {
            WebClient ada = new WebClient(app.port());
            ada.register("ada", "correct horse");
            BoundLab lab = library.find(LAB).orElseThrow().bind(app.services().seeds().seedFor("ada"));
            List<String> expected = play(ada, lab);
            ada.get(URLS.compare(LAB));
            long started = System.nanoTime();
            HttpResponse<String> pressed = ada.post(URLS.compare(LAB));
            long tookMs = (System.nanoTime() - started) / 1_000_000;
            assertEquals(303, pressed.statusCode(), pressed.body());
            String page = ada.get(URLS.compare(LAB)).body();
            List<String> rows = rows(page);
            assertEquals(expected, rows.stream().filter(expected::contains).toList(),
                    "every command of the lab and of the student's solution, in order: " + rows);
            int commands = rows.size();
            assertTrue(page.contains("The simulator and the real host agree on all " + commands + " commands."), page);
            assertEquals(commands, count(page, "<span class=\"ok\">same</span>"), page);
            assertEquals(0, count(page, "<span class=\"error\">differs</span>"));
            String name = lab.params().get("name").orElseThrow() + "-" + lab.params().get("num").orElseThrow();
            assertTrue(page.contains("<code>hostname " + name + "</code>"), "the student's own typed solution");
            assertTrue(page.contains("&lt;ns#1&gt;"), "readlink's inode is shown as the differ names it");
            String realPictures = page.substring(page.indexOf("data-host=\"real\""));
            assertTrue(realPictures.contains(">init<") && realPictures.contains(">unshare<"),
                    "the real sandbox's process tree: " + realPictures);
            assertTrue(sessionsOfThisJvm().isEmpty(), "the sandbox is gone as soon as the replay is stored");
            System.out.println("uts-and-pid replayed on sim and real (" + commands + " commands) in " + tookMs + " ms");
        }
    }

    @Test
    void a_real_replay_past_its_time_limit_is_stopped_and_its_sandbox_removed() throws Exception {
        RealHost probed = RealHost.probe(Hosts.of(HostKind.REAL), 1, Duration.ofSeconds(2));
        assumeTrue(probed instanceof RealHost.On, () -> ((RealHost.Off) probed).reason());
        LabLibrary library = new LabLibrary(LabCatalog.builtIn().entries().stream().map(CatalogEntry::lab).toList());
        PlayerBackend backend = new PlayerBackend(library, Hosts.of(HostKind.SIM), Hosts.of(HostKind.SIM));
        try (App app = App.start(TestApp.config(dataDir), backend, probed)) {
            WebClient ada = new WebClient(app.port());
            ada.register("ada", "correct horse");
            press(ada, URLS.terminal(LAB), "terminal", "main", "line", "sleep 25");
            ada.get(URLS.compare(LAB));
            long started = System.nanoTime();
            assertEquals(303, ada.post(URLS.compare(LAB)).statusCode());
            long tookMs = (System.nanoTime() - started) / 1_000_000;
            String page = ada.get(URLS.compare(LAB)).body();
            assertTrue(page.contains("Not compared: the replay ran past its time limit of 2 s, so its sandboxes were"
                    + " closed"), page);
            assertTrue(tookMs < 10_000, "the replay stopped at its limit, not when sleep ended: " + tookMs + " ms");
            assertEquals(List.of(), sessionsOfThisJvm(), "the timed-out sandbox is gone");
            System.out.println("a real replay past its 2 s limit was stored as timed out after " + tookMs + " ms");
        }
    }

    /** The compare table's rows as {@code terminal command}. */
    static List<String> rows(String page) {
        Matcher m = Pattern.compile("<span class=\"tag\">([^<]*)</span> <code>([^<]*)</code>").matcher(page);
        List<String> rows = new ArrayList<>();
        while (m.find()) {
            rows.add(m.group(1) + " " + m.group(2).replace("&#39;", "'").replace("&quot;", "\"").replace("&lt;", "<")
                    .replace("&gt;", ">").replace("&amp;", "&"));
        }
        return rows;
    }

    /**
     * Plays the lab to its end as a student who answers right and types the solution; returns the
     * console and solution commands as {@code terminal command}, in the order they ran.
     */
    private static List<String> play(WebClient ada, BoundLab lab) throws Exception {
        PredictionKeys keys = new PredictionKeys(Hosts.of(HostKind.SIM));
        List<Integer> shown = Player.shown(lab);
        List<String> commands = new ArrayList<>();
        for (int index : shown) {
            if (lab.steps().get(index) instanceof PredictStep) {
                press(ada, URLS.predict(LAB), "step", String.valueOf(index), "answer", keys.key(lab, index).key());
            }
            if (lab.steps().get(index) instanceof isolab.labs.model.ConsoleStep console) {
                console.commands().forEach(c -> commands.add(console.terminal() + " " + c.text()));
            }
            if (index != shown.get(shown.size() - 1)) {
                press(ada, URLS.forward(LAB));
            }
        }
        for (var step : lab.steps()) {
            if (step instanceof SolutionStep solution) {
                for (Command command : solution.commands()) {
                    press(ada, URLS.terminal(LAB), "terminal", solution.terminal(), "line", command.text());
                    commands.add(solution.terminal() + " " + command.text());
                }
            }
        }
        return commands;
    }

    private static void press(WebClient browser, String url, String... fields) {
        browser.get(URLS.player(LAB));
        HttpResponse<String> response = browser.post(url, fields);
        assertEquals(303, response.statusCode(), url + ": " + response.body());
    }

    static int count(String text, String what) {
        Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
