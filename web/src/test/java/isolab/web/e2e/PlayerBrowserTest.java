package isolab.web.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import isolab.api.HostKind;
import isolab.labs.catalog.CatalogEntry;
import isolab.labs.catalog.LabCatalog;
import isolab.labs.hosts.Hosts;
import isolab.labs.model.BoundLab;
import isolab.labs.model.PredictStep;
import isolab.labs.run.PredictionKeys;
import isolab.web.App;
import isolab.web.TestApp;
import isolab.web.catalog.LabLibrary;
import isolab.web.player.BuiltInLabsHttpTest;
import isolab.web.player.Player;
import isolab.web.player.PlayerBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A student in Debian's Chromium: registers, opens the lab, runs two steps, steps back, answers
 * the prediction, does the task and sees the score. Screenshots go to target/screenshots/.
 */
class PlayerBrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @TempDir
    static Path dataDir;

    static App app;
    static Playwright playwright;
    static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        Files.createDirectories(SCREENSHOTS);
        app = TestApp.start(dataDir);
        playwright = Playwright.create();
        browser = chromium(playwright);
    }

    /** Debian's Chromium, headless, with the flags that keep it quiet on a build machine. */
    static Browser chromium(Playwright playwright) {
        return playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM).setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run")));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
        if (app != null) {
            app.close();
        }
    }

    String base() {
        return "http://localhost:" + app.port();
    }

    static void shoot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    static Locator terminal(Page page) {
        return page.locator(".terminal");
    }

    @Test
    void a_student_steps_through_the_lab_steps_back_predicts_and_is_scored() throws Exception {
        Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1400, 1000));
        page.navigate(base() + "/labs/" + TestApp.LAB);
        assertThat(page).hasURL(base() + "/login?next=%2Flabs%2F" + TestApp.LAB);
        page.click("text=Create a student account");
        page.fill("input[name=username]", "ada");
        page.fill("input[name=password]", "correct horse");
        page.fill("input[name=password2]", "correct horse");
        page.click("button:has-text('Create account')");
        assertThat(page.locator("h1")).hasText("Labs");
        shoot(page, "1-catalog");

        page.click("text=A hostname of one's own");
        assertThat(page.locator("#step h2")).hasText("Step 1 of 4");
        page.click("#run-next");
        page.click("#run-next");
        assertThat(terminal(page)).containsText("$ hostname\nisolab");
        assertThat(terminal(page)).containsText("$ echo hello\nhello");
        assertThat(page.locator("#process-tree svg .process")).hasCount(2);
        shoot(page, "2-two-steps-run");

        page.click("button:has-text('Back')");
        assertThat(terminal(page)).not().containsText("echo hello");
        assertThat(terminal(page)).containsText("$ hostname\nisolab");
        shoot(page, "3-stepped-back");

        page.click("#forward");
        assertThat(page.locator("#step h2")).hasText("Step 2 of 4");
        page.fill("input[name=answer]", "isolab");
        page.click("button:has-text('Answer')");
        assertThat(page.locator(".answered")).containsText("right");
        assertThat(page.locator("#score")).hasText("2 of 5 points");
        shoot(page, "4-prediction-answered");

        page.click("#forward");
        page.click("#run-next");
        assertThat(page.locator("#process-tree svg .process")).hasCount(3);
        page.click("#forward");
        assertThat(page.locator("#step h2")).hasText("Step 4 of 4");
        String task = page.locator("#step .prose").innerText();
        String hostname = task.replaceAll("(?s).*hostname to (\\S+)\\.?.*", "$1").replace("`", "").replaceAll("\\.$", "");
        assertTrue(hostname.endsWith("-host"), task);
        page.fill("input[name=line]", "hostname " + hostname);
        page.click("button:has-text('Run')");
        assertThat(terminal(page)).containsText("$ hostname " + hostname);
        page.click("#check-work");
        assertThat(page.locator("#score")).hasText("5 of 5 points");
        assertThat(page.locator(".results")).containsText("3 of 3");
        shoot(page, "5-checked");
        assertTrue(Files.size(SCREENSHOTS.resolve("5-checked.png")) > 0);
        page.close();
    }

    @Test
    void a_student_plays_the_built_in_lab_on_the_simulator() throws Exception {
        assumeTrue(BuiltInLabsHttpTest.simulatorAvailable(), "the simulator is not part of this build yet");
        LabLibrary library = new LabLibrary(LabCatalog.builtIn().entries().stream().map(CatalogEntry::lab).toList());
        Path data = Files.createTempDirectory(dataDir, "builtin");
        try (App shipped = App.start(TestApp.config(data),
                new PlayerBackend(library, Hosts.of(HostKind.SIM), Hosts.of(HostKind.SIM)))) {
            Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1400, 1000));
            String base = "http://localhost:" + shipped.port();
            page.navigate(base + "/register");
            page.fill("input[name=username]", "grace");
            page.fill("input[name=password]", "correct horse");
            page.fill("input[name=password2]", "correct horse");
            page.click("button:has-text('Create account')");
            page.click("a[href='/labs/uts-and-pid']");
            page.click("#run-next");
            page.click("#run-next");
            assertThat(terminal(page)).containsText("1       0 init");
            assertThat(terminal(page)).containsText("$ hostname\nisolab");
            page.click("button:has-text('Back')");
            assertThat(terminal(page)).not().containsText("$ hostname");
            BoundLab lab = library.find("uts-and-pid").orElseThrow().bind(shipped.services().seeds().seedFor("grace"));
            int predict = Player.shown(lab).stream().filter(i -> lab.steps().get(i) instanceof PredictStep)
                    .findFirst().orElseThrow();
            while (!page.locator(".prediction").isVisible()) {
                page.click("#forward");
            }
            String key = new PredictionKeys(Hosts.of(HostKind.SIM)).key(lab, predict).key();
            if (page.locator("input[type=radio]").count() > 0) {
                page.check("input[type=radio][value='" + key + "']");
            } else {
                page.fill("input[name=answer]", key);
            }
            page.click("button:has-text('Answer')");
            assertThat(page.locator(".answered")).containsText("right");
            int points = ((PredictStep) lab.steps().get(predict)).points();
            assertThat(page.locator("#score")).hasText(points + " of " + lab.totalPoints() + " points");
            shoot(page, "6-built-in-lab-on-the-simulator");
            page.close();
        }
    }

    @Test
    void a_wrong_password_shows_the_login_error() {
        Page page = browser.newPage();
        page.navigate(base() + "/login");
        page.fill("input[name=username]", "nobody");
        page.fill("input[name=password]", "wrong password");
        page.click("button:has-text('Log in')");
        assertThat(page.locator(".error")).hasText("wrong username or password");
        page.close();
    }
}
