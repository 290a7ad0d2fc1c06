package isolab.web.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import isolab.web.App;
import isolab.web.Urls;
import isolab.web.WebClient;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * The memory cgroup picture and its plot in the player, over HTTP, on the simulator: a student
 * types into the terminal of {@code testlabs/test-pictures.lab.md} the commands that make a memory
 * cgroup, limit it, move the shell in and charge it with {@code dd}, and the pictures follow.
 */
class MemoryPicturesHttpTest {

    static final String LAB = PicturesHttpTest.LAB;
    static final Urls URLS = Urls.INSTANCE;
    static final long MIB = 1024 * 1024;
    static final List<String> BOX = List.of(
            "mkdir /sys/fs/cgroup/memory/box",
            "echo 64M > /sys/fs/cgroup/memory/box/memory.limit_in_bytes",
            "echo $$ > /sys/fs/cgroup/memory/box/cgroup.procs",
            "dd if=/dev/zero of=/tmp/f bs=1M count=16");

    @TempDir
    static Path dataDir;

    static App app;
    WebClient ada;

    @BeforeAll
    static void startApp() throws Exception {
        app = PicturesHttpTest.start(dataDir);
    }

    @AfterAll
    static void stopApp() {
        app.close();
    }

    @BeforeEach
    void register(TestInfo test) {
        ada = new WebClient(app.port());
        ada.register("m" + Integer.toHexString(test.getDisplayName().hashCode()), "correct horse");
    }

    void type(String line) {
        ada.get(URLS.player(LAB));
        assertEquals(303, ada.post(URLS.terminal(LAB), "terminal", "main", "line", line).statusCode(), line);
    }

    String page() {
        return ada.get(URLS.player(LAB)).body();
    }

    /** The {@code n}th SVG after the element with id {@code id}. */
    static SvgDoc svgAfter(String page, String id, int n) {
        int at = page.indexOf("id=\"" + id + "\"");
        assertTrue(at >= 0, "the player has " + id);
        int start = at;
        for (int i = 0; i <= n; i++) {
            start = page.indexOf("<svg", start + 1);
        }
        return new SvgDoc(page.substring(start, page.indexOf("</svg>", start) + "</svg>".length()));
    }

    @Test
    void a_fresh_machine_has_no_memory_picture_at_all() {
        String page = page();
        assertFalse(page.contains("id=\"memory\""), "only the root memory cgroup, nothing charged: no empty box");
    }

    @Test
    void dd_in_a_limited_cgroup_shows_its_bar_its_lists_and_its_rise_over_time() {
        BOX.forEach(this::type);
        String page = page();
        SvgDoc tree = svgAfter(page, "memory", 0);
        Element box = tree.one("//*[@class='memcg'][@data-path='/box']");
        assertEquals(String.valueOf(64 * MIB), box.getAttribute("data-limit"));
        assertEquals(String.valueOf(16 * MIB), box.getAttribute("data-usage"), "dd's 16 MiB of tmpfs, charged to box");
        long onLists = 0;
        for (Element list : tree.all("//*[@data-path='/box']/*[@class='lru']")) {
            onLists += Long.parseLong(list.getAttribute("data-bytes"));
        }
        assertEquals(16 * MIB, onLists, "every page of it is on one of box's lists");
        Element track = tree.one("//*[@data-path='/box']/*[@class='track']");
        double filled = 0;
        for (Element segment : tree.all("//*[@data-path='/box']/*[@class='segment']")) {
            filled += SvgDoc.number(segment, "width");
        }
        assertEquals(SvgDoc.number(track, "width") / 4, filled, 0.5, "16 MiB of 64 MiB is a quarter of the bar");
        assertEquals(String.valueOf(16 * MIB), tree.one("//*[@class='memcg'][@data-path='/']/*[@class='segment']"
                + "[@data-list='children']").getAttribute("data-bytes"), "the root is charged what box is");
        tree.assertNothingOverflows();

        SvgDoc plot = svgAfter(page, "memory-over-time", 0);
        List<Element> points = plot.all("//*[@data-path='/box']/*[@class='point']");
        Element last = points.get(points.size() - 1);
        assertEquals("4", last.getAttribute("data-action"), "a point after each action, the dd the last");
        assertEquals(String.valueOf(16 * MIB), last.getAttribute("data-usage"));
        assertTrue(SvgDoc.first(last, "title").getTextContent().startsWith("after action 4: dd if=/dev/zero"));
        assertEquals("0", points.get(points.size() - 2).getAttribute("data-usage"), "nothing charged before dd");
        List<Element> root = plot.all("//*[@data-path='/']/*[@class='point']");
        assertEquals(List.of("0", "1", "2", "3", "4"), root.stream().map(e -> e.getAttribute("data-action")).toList(),
                "the root from the start");
        plot.assertNothingOverflows();
    }

    @Test
    void stepping_back_takes_the_charge_away_again_and_the_plot_with_it() {
        BOX.forEach(this::type);
        ada.get(URLS.player(LAB));
        assertEquals(303, ada.post(URLS.back(LAB)).statusCode());
        String page = page();
        Element box = svgAfter(page, "memory", 0).one("//*[@class='memcg'][@data-path='/box']");
        assertEquals("0", box.getAttribute("data-usage"), "dd is undone: the machine was rebuilt without it");
        assertFalse(page.contains("id=\"memory-over-time\""), "nothing was ever charged in the replayed session");
    }
}
