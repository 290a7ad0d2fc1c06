package isolab.web.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import isolab.api.HostKind;
import isolab.labs.catalog.CatalogEntry;
import isolab.labs.catalog.LabCatalog;
import isolab.labs.hosts.Hosts;
import isolab.web.App;
import isolab.web.TestApp;
import isolab.web.catalog.LabLibrary;
import isolab.web.compare.RealHost;
import isolab.web.player.PlayerBackend;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A student plays the start of uts-and-pid in Debian's Chromium, clicks "Replay on a real host"
 * and reads the two transcripts side by side, then both machines' pictures. Screenshots in
 * target/screenshots/compare-*.png. Skipped, with the host's reason, where no real sandbox can be built.
 */
class CompareBrowserTest {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final String LAB = "uts-and-pid";

    @TempDir
    Path dataDir;

    @Test
    void a_student_clicks_replay_on_a_real_host_and_sees_both_transcripts_and_both_machines() throws Exception {
        RealHost real = RealHost.probe(Hosts.of(HostKind.REAL), 1, Duration.ofMinutes(2));
        assumeTrue(real instanceof RealHost.On, () -> ((RealHost.Off) real).reason());
        Files.createDirectories(SCREENSHOTS);
        LabLibrary library = new LabLibrary(LabCatalog.builtIn().entries().stream().map(CatalogEntry::lab).toList());
        PlayerBackend backend = new PlayerBackend(library, Hosts.of(HostKind.SIM), Hosts.of(HostKind.SIM));
        try (App app = App.start(TestApp.config(dataDir), backend, real);
             Playwright playwright = Playwright.create();
             Browser browser = PlayerBrowserTest.chromium(playwright)) {
            Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(1400, 1000));
            String base = "http://localhost:" + app.port();
            page.navigate(base + "/register");
            page.fill("input[name=username]", "hedy");
            page.fill("input[name=password]", "correct horse");
            page.fill("input[name=password2]", "correct horse");
            page.click("button:has-text('Create account')");
            page.navigate(base + "/labs/" + LAB);
            for (int i = 0; i < 3; i++) {
                page.click("#run-next");
            }
            page.click("#forward");
            for (int i = 0; i < 5; i++) {
                page.click("#run-next");
            }
            page.selectOption("select[name=terminal]", "c1");
            page.fill("input[name=line]", "ps -o pid,comm");
            page.click(".terminal-form button");

            page.click("#compare-link");
            assertThat(page.locator("h1")).containsText("Side by side");
            page.click("#replay-real");
            assertThat(page.locator("#verdict .summary")).containsText("agree on all 9 commands",
                    new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(60_000));
            assertEquals(9, page.locator("#commands tr.same").count());
            assertEquals(0, page.locator("#commands tr.differs").count());
            assertThat(page.locator("#commands")).containsText("ps -o pid,comm");
            assertTrue(page.locator("#normalised li").count() >= 8, "the page lists what the differ normalises");
            assertEquals(4, page.locator(".picture[data-host=real] svg").count(),
                    "processes, namespaces, mounts, and memory cgroups: a real host always has memory charged");
            assertEquals(4, page.locator(".picture[data-host=sim] svg").count(), "memory drawn for both, to compare");
            assertEquals(1, page.locator(".picture[data-host=real][data-picture='Memory cgroups'] svg.memcg-tree").count());
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("compare-1-page.png"))
                    .setFullPage(true));
            page.locator("#commands").screenshot(new Locator.ScreenshotOptions()
                    .setPath(SCREENSHOTS.resolve("compare-2-commands.png")));
            page.locator("#machines").screenshot(new Locator.ScreenshotOptions()
                    .setPath(SCREENSHOTS.resolve("compare-3-machines.png")));

            page.locator(".picture[data-host=real][data-picture='Memory cgroups']").screenshot(
                    new Locator.ScreenshotOptions().setPath(SCREENSHOTS.resolve("pictures-memory-4-compare-real.png")));
            page.locator(".picture[data-host=sim][data-picture='Memory cgroups']").screenshot(
                    new Locator.ScreenshotOptions().setPath(SCREENSHOTS.resolve("pictures-memory-4-compare-sim.png")));

            page.click("a:has-text('Back to the lab')");
            assertThat(page.locator("#real-host")).containsText("Replay on a real host");
        }
    }
}
