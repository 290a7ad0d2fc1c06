package isolab.web.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import isolab.web.App;
import isolab.web.picture.PicturesHttpTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pictures as a student sees them in Debian's Chromium, on the simulator: after
 * {@code unshare --uts --mount sh} and {@code mount -t tmpfs tmpfs /mnt}, and with three nested PID
 * namespaces. Measures in the browser that no picture overflows its panel, and saves screenshots
 * of each picture to target/screenshots/pictures-*.png.
 */
class PicturesBrowserTest {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final List<String> PICTURES = List.of("process-tree", "namespaces", "mounts");

    /** Every text of the panel's SVG, and the SVG itself, measured by the browser against the panel. */
    static final String MEASURE = """
            panel => {
              const svg = panel.querySelector('svg');
              const box = svg.viewBox.baseVal;
              let textRight = 0, textLeft = box.width;
              for (const t of svg.querySelectorAll('text')) {
                const b = t.getBBox();
                textRight = Math.max(textRight, b.x + b.width);
                textLeft = Math.min(textLeft, b.x);
              }
              const style = getComputedStyle(panel);
              const inner = panel.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
              return { scrolls: panel.scrollWidth > panel.clientWidth, inner: inner,
                       drawn: svg.getBoundingClientRect().width, natural: box.width,
                       textLeft: textLeft, textRight: textRight };
            }""";

    @TempDir
    static Path dataDir;

    static App app;
    static Playwright playwright;
    static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        Files.createDirectories(SCREENSHOTS);
        app = PicturesHttpTest.start(dataDir);
        playwright = Playwright.create();
        browser = PlayerBrowserTest.chromium(playwright);
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

    static Page student(String name, int width) {
        Page page = browser.newPage(new Browser.NewPageOptions().setViewportSize(width, 1000));
        String base = "http://localhost:" + app.port();
        page.navigate(base + "/register");
        page.fill("input[name=username]", name);
        page.fill("input[name=password]", "correct horse");
        page.fill("input[name=password2]", "correct horse");
        page.click("button:has-text('Create account')");
        page.navigate(base + "/labs/" + PicturesHttpTest.LAB);
        return page;
    }

    static void shoot(Page page, String picture, String name) {
        page.locator("#" + picture).screenshot(new Locator.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve("pictures-" + name + ".png")));
    }

    /** Fails if a picture needs a scroll bar, or draws text outside itself; returns the drawn/natural scale. */
    @SuppressWarnings("unchecked")
    static double assertFits(Page page, String picture) {
        Map<String, Object> m = (Map<String, Object>) page.locator("#" + picture).evaluate(MEASURE);
        double natural = ((Number) m.get("natural")).doubleValue();
        double drawn = ((Number) m.get("drawn")).doubleValue();
        assertEquals(false, m.get("scrolls"), picture + " scrolls sideways: " + m);
        assertTrue(drawn <= ((Number) m.get("inner")).doubleValue() + 0.5, picture + " is wider than its panel: " + m);
        assertTrue(((Number) m.get("textLeft")).doubleValue() >= 0, picture + " has text cut off on the left: " + m);
        assertTrue(((Number) m.get("textRight")).doubleValue() <= natural, picture + " has text cut off on the right: " + m);
        return drawn / natural;
    }

    @Test
    void the_pictures_show_a_uts_and_mount_namespace_of_the_shell_s_own_and_its_tmpfs() {
        Page page = student("grace", 1400);
        for (String picture : PICTURES) {
            assertFits(page, picture);
        }
        shoot(page, "mounts", "1-mounts-at-start");
        page.click("#run-next"); // unshare --uts --mount sh
        page.click("#run-next"); // hostname box
        page.click("#run-next"); // mount -t tmpfs tmpfs /mnt
        page.click("#run-next"); // sleep 100 &
        assertThat(page.locator("#mounts svg .mntns")).hasCount(2);
        assertThat(page.locator("#mounts svg .mount[data-mark=added]")).hasCount(1);
        assertThat(page.locator("#mounts svg .mount[data-mark=added]")).containsText("/mnt");
        assertThat(page.locator("#namespaces svg .cell[data-sharing=own][data-name='uts 2']")).hasCount(2);
        assertThat(page.locator("#namespaces svg .group").nth(1)).containsText("own mnt 2, uts 2");
        for (String picture : PICTURES) {
            assertEquals(1.0, assertFits(page, picture), 0.001, picture + " is drawn at its natural size");
        }
        shoot(page, "namespaces", "2-namespaces-after-unshare-uts-mount");
        shoot(page, "mounts", "2-mounts-after-mount-tmpfs");
        shoot(page, "process-tree", "2-process-tree-after-unshare");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("pictures-2-player.png")).setFullPage(true));
        page.close();
    }

    @Test
    void three_nested_pid_namespaces_fit_the_panel_coloured_by_level() {
        Page page = student("hopper", 1400);
        for (int i = 0; i < 4; i++) {
            page.click("#run-next");
        }
        page.click("#forward");
        for (int i = 0; i < 4; i++) {
            page.click("#run-next");
        }
        assertThat(page.locator("#process-tree svg .legend")).hasCount(4);
        assertThat(page.locator("#process-tree svg .process[data-name='pid 4']")).hasCount(2);
        for (String picture : PICTURES) {
            assertFits(page, picture);
        }
        shoot(page, "process-tree", "3-process-tree-nested");
        shoot(page, "namespaces", "3-namespaces-nested");
        shoot(page, "mounts", "3-mounts-nested");
        page.close();
    }

    @Test
    void at_1280_pixels_the_matrix_and_the_mount_trees_are_still_drawn_at_their_natural_size() {
        Page page = student("hamilton", 1280);
        for (int i = 0; i < 3; i++) {
            page.click("#run-next");
        }
        assertEquals(1.0, assertFits(page, "namespaces"), 0.001);
        assertEquals(1.0, assertFits(page, "mounts"), 0.001);
        page.close();
    }

    @Test
    void at_a_narrower_window_the_pictures_shrink_rather_than_scroll() {
        Page page = student("lovelace", 1024);
        for (int i = 0; i < 3; i++) {
            page.click("#run-next");
        }
        for (String picture : PICTURES) {
            assertTrue(assertFits(page, picture) <= 1.0);
        }
        shoot(page, "namespaces", "4-namespaces-at-1024");
        page.close();
    }

    /** Types {@code line} into the player's terminal and runs it. */
    static void type(Page page, String line) {
        page.fill(".terminal-form input[name=line]", line);
        page.click(".terminal-form button[type=submit]");
    }

    @Test
    void the_memory_picture_shows_each_cgroup_s_bar_and_lists_and_the_plot_its_usage_over_the_actions() {
        Page page = student("hopper-memory", 1400);
        assertThat(page.locator("#memory")).hasCount(0);
        String box = "/sys/fs/cgroup/memory/box";
        type(page, "mkdir " + box);
        type(page, "echo 64M > " + box + "/memory.limit_in_bytes");
        type(page, "echo $$ > " + box + "/cgroup.procs");
        type(page, "dd if=/dev/zero of=/tmp/f bs=1M count=16");
        assertThat(page.locator("#memory svg.memcg-tree .memcg[data-path='/box']")).hasAttribute("data-usage",
                String.valueOf(16 << 20));
        assertEquals(1.0, assertFits(page, "memory"), 0.001, "the memory picture is drawn at its natural size");
        shoot(page, "memory", "memory-1-dd-in-box");

        type(page, "mkdir " + box + "/web " + box + "/db");
        type(page, "echo 24M > " + box + "/db/memory.limit_in_bytes");
        type(page, "echo $$ > " + box + "/web/cgroup.procs");
        type(page, "cat /tmp/f > /dev/null");
        type(page, "cat /tmp/f > /dev/null");
        type(page, "stress-ng --vm 1 --vm-bytes 20M --vm-keep &");
        type(page, "echo $$ > " + box + "/db/cgroup.procs");
        type(page, "stress-ng --vm 1 --vm-bytes 40M --vm-keep -t 2");
        assertThat(page.locator("#memory svg.memcg-tree .memcg")).hasCount(4);
        assertThat(page.locator("#memory svg.memcg-tree .memcg[data-path='/box/db'] [data-counter=oom_kill]"))
                .not().hasAttribute("data-value", "0");
        assertThat(page.locator("#memory-over-time svg .memcg-series")).hasCount(4);
        assertEquals(1.0, assertFits(page, "memory"), 0.001);
        assertEquals(1.0, assertFits(page, "memory-over-time"), 0.001);
        shoot(page, "memory", "memory-2-tree-and-plot");
        page.close();

        Page narrow = student("hopper-memory-narrow", 1024);
        type(narrow, "mkdir " + box);
        type(narrow, "echo 8M > " + box + "/memory.limit_in_bytes");
        type(narrow, "echo $$ > " + box + "/cgroup.procs");
        type(narrow, "dd if=/dev/zero of=/tmp/f bs=1M count=6");
        assertTrue(assertFits(narrow, "memory") <= 1.0);
        shoot(narrow, "memory", "memory-3-at-1024");
        narrow.close();
    }
}
