package isolab.web.player;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import isolab.grading.gradebook.ActionLog;
import isolab.grading.gradebook.Attempt;
import isolab.grading.gradebook.Attempts;
import isolab.labs.model.BoundLab;
import isolab.web.App;
import isolab.web.ScriptedHost;
import isolab.web.TestApp;
import isolab.web.Urls;
import isolab.web.WebClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The player over HTTP: steps, the terminal, back, jump, predictions, checks, restarts. */
class PlayerHttpTest {

    static final String LAB = TestApp.LAB;
    static final Urls URLS = Urls.INSTANCE;

    @TempDir
    Path dataDir;

    App app;
    WebClient ada;

    @BeforeEach
    void start() {
        app = TestApp.start(dataDir);
        ada = new WebClient(app.port());
        ada.register("ada", "correct horse");
    }

    @AfterEach
    void stop() {
        app.close();
    }

    String page() {
        HttpResponse<String> response = ada.get(URLS.player(LAB));
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    HttpResponse<String> press(String url, String... fields) {
        ada.get(URLS.player(LAB));
        return ada.post(url, fields);
    }

    /** The terminal panel's text, without markup. */
    static String terminal(String page) {
        int start = page.indexOf("<div class=\"terminal\"");
        int end = page.indexOf("</form>", start);
        return page.substring(start, end).replaceAll("<[^>]+>", "").replace("&#39;", "'").replace("&quot;", "\"")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    static int count(String text, String what) {
        return text.split(Pattern.quote(what), -1).length - 1;
    }

    BoundLab adaLab() throws Exception {
        return TestApp.lab().bind(app.services().seeds().seedFor("ada"));
    }

    String adaName() throws Exception {
        return adaLab().params().get("name").orElseThrow();
    }

    @Test
    void the_catalog_lists_the_labs_with_links_to_the_player() {
        String catalog = ada.get(Urls.CATALOG).body();
        assertTrue(catalog.contains("A hostname of one&#39;s own"), catalog);
        assertTrue(catalog.contains("href=\"/labs/test-uts\""), catalog);
    }

    @Test
    void the_player_opens_on_the_first_step_with_its_prose_and_commands() {
        String page = page();
        assertTrue(page.contains("Step 1 of 4"), page);
        assertTrue(page.contains("Every machine has a name."), page);
        assertTrue(page.contains("$ hostname"), page);
        assertTrue(terminal(page).contains("No command has run yet."));
        assertTrue(page.contains("<svg"), "the process tree is drawn");
    }

    @Test
    void running_the_next_command_shows_its_output_in_the_terminal() {
        HttpResponse<String> response = press(URLS.next(LAB));
        assertEquals(303, response.statusCode(), response.body());
        String terminal = terminal(page());
        assertTrue(terminal.contains("$ hostname\nisolab"), terminal);
        press(URLS.next(LAB));
        assertTrue(terminal(page()).contains("$ echo hello\nhello"));
    }

    @Test
    void stepping_back_undoes_the_last_command_and_keeps_it_on_record() {
        press(URLS.next(LAB));
        press(URLS.next(LAB));
        press(URLS.back(LAB));
        String terminal = terminal(page());
        assertTrue(terminal.contains("$ hostname"));
        assertFalse(terminal.contains("echo hello"), terminal);
        long attempt = attempt().id();
        ActionLog log = new ActionLog(app.services().database().jdbc(), Clock.systemUTC());
        assertEquals(1, log.live(attempt).size());
        assertEquals(2, log.all(attempt).size());
    }

    @Test
    void stepping_back_rebuilds_the_machine_by_replay() {
        press(URLS.next(LAB));
        press(URLS.forward(LAB));
        ada.get(URLS.player(LAB));
        // Predict, then into the namespace step: its shell changes the process tree.
        press(URLS.predict(LAB), "step", "1", "answer", "isolab");
        press(URLS.forward(LAB));
        press(URLS.next(LAB));
        assertEquals(1, count(page(), ">sh</text>"), "the unshare'd sh is drawn");
        int booted = ScriptedHost.BOOTED.get();
        press(URLS.back(LAB));
        String page = page();
        assertEquals(0, count(page, ">sh</text>"), "after back, no sh");
        assertTrue(ScriptedHost.BOOTED.get() > booted, "a fresh machine was booted for the replay");
    }

    @Test
    void forward_runs_the_rest_of_the_step_and_stops_at_an_unanswered_prediction() {
        press(URLS.forward(LAB));
        String page = page();
        assertTrue(page.contains("Step 2 of 4"), page);
        assertTrue(terminal(page).contains("$ echo hello\nhello"));
        HttpResponse<String> refused = press(URLS.forward(LAB));
        assertEquals(409, refused.statusCode());
        assertTrue(refused.body().contains("answer the prediction before going on"), refused.body());
    }

    @Test
    void a_right_prediction_earns_its_points_and_shows_the_simulator_s_key() {
        press(URLS.forward(LAB));
        assertTrue(page().contains("<span>2 points</span>):"), "the question says what it is worth");
        HttpResponse<String> answered = press(URLS.predict(LAB), "step", "1", "answer", " isolab ");
        assertEquals(303, answered.statusCode(), answered.body());
        String page = page();
        assertTrue(page.contains("class=\"ok\">right<"), page);
        assertTrue(page.contains("2 of 5 points"), page);
        assertTrue(page.contains("The UTS namespace isolates the hostname"), "the explanation is shown");
    }

    @Test
    void a_prediction_is_answered_once() {
        press(URLS.forward(LAB));
        press(URLS.predict(LAB), "step", "1", "answer", "wrong");
        press(URLS.predict(LAB), "step", "1", "answer", "isolab");
        String page = page();
        assertTrue(page.contains("not quite"), page);
        assertTrue(page.contains("0 of 5 points"), page);
    }

    @Test
    void a_prediction_cannot_be_answered_before_its_step() {
        HttpResponse<String> early = press(URLS.predict(LAB), "step", "1", "answer", "isolab");
        assertEquals(409, early.statusCode());
        assertTrue(early.body().contains("that prediction is not the current step"));
    }

    @Test
    void checking_the_work_scores_the_check_against_the_student_s_machine() throws Exception {
        press(URLS.check(LAB));
        String before = page();
        assertTrue(before.contains("0 of 5 points"), before);
        assertTrue(before.contains("the hostname is " + adaName() + "-host"), "the check's title, with the parameter");
        press(URLS.terminal(LAB), "terminal", "main", "line", "hostname " + adaName() + "-host");
        HttpResponse<String> checked = press(URLS.check(LAB));
        assertEquals(303, checked.statusCode(), checked.body());
        String after = page();
        assertTrue(after.contains("3 of 5 points"), after);
        assertTrue(after.contains("3 of 3"), after);
    }

    @Test
    void checking_does_not_touch_the_student_s_own_machine() {
        press(URLS.next(LAB));
        press(URLS.check(LAB));
        String terminal = terminal(page());
        assertEquals(1, count(terminal, "$ hostname"), "the check's hostname ran on a copy: " + terminal);
    }

    @Test
    void a_typed_command_runs_in_the_student_s_terminal() {
        press(URLS.terminal(LAB), "terminal", "main", "line", "echo $$");
        press(URLS.terminal(LAB), "terminal", "main", "line", "nosuchcommand");
        String terminal = terminal(page());
        assertTrue(terminal.contains("$ echo $$\n2"), terminal);
        assertTrue(terminal.contains("bash: nosuchcommand: command not found"), terminal);
        assertTrue(terminal.contains("[exit status 127]"), terminal);
    }

    @Test
    void the_terminal_menu_offers_main_and_every_terminal_the_student_opened() {
        press(URLS.terminal(LAB), "terminal", "c2", "line", "true");
        String page = page();
        assertTrue(page.contains("<option value=\"main\">main</option>"), page);
        assertTrue(page.contains("<option value=\"c2\">c2</option>"), page);
    }

    @Test
    void a_second_terminal_is_a_second_shell() {
        press(URLS.terminal(LAB), "terminal", "second", "line", "echo $$");
        String terminal = terminal(page());
        assertTrue(Pattern.compile("second \\$ echo \\$\\$\n\\d+\n").matcher(terminal).find(), terminal);
    }

    @Test
    void an_empty_or_multi_line_command_is_refused_with_a_reason() {
        HttpResponse<String> empty = press(URLS.terminal(LAB), "terminal", "main", "line", "  ");
        assertEquals(409, empty.statusCode());
        assertTrue(empty.body().contains("type a command first"));
        HttpResponse<String> twoLines = press(URLS.terminal(LAB), "terminal", "main", "line", "echo a\necho b");
        assertTrue(twoLines.body().contains("type one command line at a time"));
        HttpResponse<String> badTerminal = press(URLS.terminal(LAB), "terminal", "../x", "line", "echo");
        assertTrue(badTerminal.body().contains("a terminal name is"));
    }

    @Test
    void jumping_ahead_runs_the_steps_between_and_jumping_back_returns_to_the_start_of_a_step() {
        press(URLS.forward(LAB));
        press(URLS.predict(LAB), "step", "1", "answer", "isolab");
        HttpResponse<String> jumped = press(URLS.jump(LAB), "step", "3");
        assertEquals(303, jumped.statusCode(), jumped.body());
        String page = page();
        assertTrue(page.contains("Step 4 of 4"), page);
        assertTrue(terminal(page).contains("# exit") || terminal(page).contains("$ exit"), terminal(page));
        press(URLS.jump(LAB), "step", "0");
        page = page();
        assertTrue(page.contains("Step 1 of 4"), page);
        assertTrue(terminal(page).contains("No command has run yet."), terminal(page));
    }

    @Test
    void forward_stops_at_the_last_step() {
        press(URLS.forward(LAB));
        press(URLS.predict(LAB), "step", "1", "answer", "isolab");
        press(URLS.jump(LAB), "step", "3");
        HttpResponse<String> refused = press(URLS.forward(LAB));
        assertEquals(409, refused.statusCode());
        assertTrue(refused.body().contains("this is the last step of the lab"), refused.body());
        assertTrue(refused.body().contains("Step 4 of 4"));
    }

    @Test
    void jumping_ahead_stops_at_an_unanswered_prediction() {
        HttpResponse<String> jumped = press(URLS.jump(LAB), "step", "3");
        assertEquals(409, jumped.statusCode());
        assertTrue(jumped.body().contains("Step 2 of 4"), "it stopped on the prediction");
    }

    @Test
    void a_restarted_server_shows_the_same_steps_and_score() {
        press(URLS.forward(LAB));
        press(URLS.predict(LAB), "step", "1", "answer", "isolab");
        press(URLS.terminal(LAB), "terminal", "main", "line", "echo after");
        String before = page();
        app.close();
        app = TestApp.start(TestApp.config(dataDir));
        ada = ada.withPort(app.port());
        String after = page();
        assertEquals(terminal(before), terminal(after));
        assertTrue(after.contains("2 of 5 points"));
        assertEquals(svg(before), svg(after), "the replayed machine draws the same picture");
    }

    @Test
    void starting_over_is_a_new_attempt_with_the_same_parameters() throws Exception {
        press(URLS.next(LAB));
        long first = attempt().id();
        press(URLS.restart(LAB));
        assertTrue(attempt().id() > first);
        assertEquals(attempt().seed(), app.services().seeds().seedFor("ada"));
        assertTrue(terminal(page()).contains("No command has run yet."));
    }

    @Test
    void each_student_has_a_session_of_their_own() {
        press(URLS.next(LAB));
        WebClient bob = new WebClient(app.port());
        bob.register("bob", "bob's password");
        String bobs = bob.get(URLS.player(LAB)).body();
        assertTrue(terminal(bobs).contains("No command has run yet."));
    }

    @Test
    void an_unknown_lab_is_a_404() {
        assertEquals(404, ada.get(URLS.player("no-such-lab")).statusCode());
    }

    @Test
    void the_gradebook_lists_the_student_s_score() {
        press(URLS.forward(LAB));
        press(URLS.predict(LAB), "step", "1", "answer", "isolab");
        var teacher = isolab.web.auth.FirstInstructor.createIfNone(app.services().roster(), app.services().hasher())
                .orElseThrow();
        WebClient instructor = new WebClient(app.port());
        instructor.login(teacher.username(), teacher.password());
        String gradebook = instructor.get(Urls.GRADEBOOK).body();
        Matcher row = Pattern.compile("data-student=\"ada\".*?</tr>", Pattern.DOTALL).matcher(gradebook);
        assertTrue(row.find(), gradebook);
        assertTrue(row.group().contains("<td class=\"num score\">2</td>"), row.group());
        HttpResponse<String> csv = instructor.get(Urls.GRADEBOOK_CSV);
        assertEquals("text/csv; charset=utf-8", csv.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(csv.body().matches("(?s)student,lab,.*\r\nada,test-uts,\\d+,[^,]+,\\d+,1,2,,2,5\r\n"), csv.body());
        assertEquals(403, ada.get(Urls.GRADEBOOK_CSV).statusCode(), "students cannot download it");
    }

    private Attempt attempt() {
        long account = app.services().roster().byUsername("ada").orElseThrow().id();
        return new Attempts(app.services().database().jdbc(), Clock.systemUTC()).current(account, LAB).orElseThrow();
    }

    static String svg(String page) {
        return page.substring(page.indexOf("<svg"), page.indexOf("</svg>"));
    }
}
