package isolab.web.picture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import isolab.api.HostKind;
import isolab.labs.hosts.Hosts;
import isolab.labs.model.Lab;
import isolab.labs.parse.LabParser;
import isolab.web.App;
import isolab.web.TestApp;
import isolab.web.Urls;
import isolab.web.WebClient;
import isolab.web.catalog.LabLibrary;
import isolab.web.player.PlayerBackend;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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
 * The pictures in the player, over HTTP, on the simulator: a student steps through
 * {@code testlabs/test-pictures.lab.md} ({@code unshare --uts --mount sh}, {@code hostname box},
 * {@code mount -t tmpfs tmpfs /mnt}, nested PID namespaces) and the pictures follow.
 */
public class PicturesHttpTest {

    public static final String LAB = "test-pictures";
    static final Urls URLS = Urls.INSTANCE;

    @TempDir
    static Path dataDir;

    static App app;
    WebClient ada;

    /** The test lab, parsed. */
    public static Lab lab() throws Exception {
        try (InputStream in = PicturesHttpTest.class.getResourceAsStream("/testlabs/" + LAB + ".lab.md")) {
            return LabParser.parse(LAB + ".lab.md", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** The app on the simulator, serving the test lab. */
    public static App start(Path dataDir) throws Exception {
        return App.start(TestApp.config(dataDir),
                new PlayerBackend(new LabLibrary(List.of(lab())), Hosts.of(HostKind.SIM), Hosts.of(HostKind.SIM)));
    }

    @BeforeAll
    static void startApp() throws Exception {
        app = start(dataDir);
    }

    @AfterAll
    static void stopApp() {
        app.close();
    }

    /** A student of her own per test, so each starts the lab afresh. */
    @BeforeEach
    void register(TestInfo test) {
        ada = new WebClient(app.port());
        ada.register("s" + Integer.toHexString(test.getDisplayName().hashCode()), "correct horse");
    }

    void press(String url) {
        ada.get(URLS.player(LAB));
        assertEquals(303, ada.post(url).statusCode(), url);
    }

    /** The SVG in the player's section {@code id}. */
    SvgDoc picture(String id) {
        String page = ada.get(URLS.player(LAB)).body();
        int section = page.indexOf("id=\"" + id + "\"");
        assertTrue(section >= 0, "the player has the section " + id + ": " + page);
        int start = page.indexOf("<svg", section);
        return new SvgDoc(page.substring(start, page.indexOf("</svg>", start) + "</svg>".length()));
    }

    @Test
    void every_picture_is_in_the_player_from_the_first_step() {
        assertEquals(1, picture("mounts").all("//*[@class='mntns']").size(), "one mount namespace, init's");
        assertTrue(picture("namespaces").all("//*[@class='cell'][@data-sharing='own']").isEmpty(), "all shared");
        assertTrue(picture("process-tree").all("//*[@class='process']").size() >= 1);
    }

    @Test
    void unshare_uts_mount_colours_the_shell_s_uts_and_mnt_cells_and_mount_tmpfs_is_highlighted() {
        press(URLS.next(LAB)); // unshare --uts --mount sh
        SvgDoc matrix = picture("namespaces");
        Element sh = matrix.one("//*[@class='row'][*[local-name()='text'][contains(., ' sh')]]");
        List<String> own = matrix.all("//*[@class='row'][@data-pid='" + sh.getAttribute("data-pid")
                + "']/*[@class='cell'][@data-sharing='own']").stream().map(e -> e.getAttribute("data-name")).toList();
        assertEquals(List.of("mnt 2", "uts 2"), own);
        assertTrue(matrix.one("//*[@class='group'][2]").getTextContent()
                .contains("shares cgroup, ipc, net, pid, time, user with the host; own mnt 2, uts 2"));
        SvgDoc mounts = picture("mounts");
        assertEquals(2, mounts.all("//*[@class='mntns']").size());
        assertTrue(mounts.all("//*[@class='mount'][@data-mark='added']").isEmpty(), "a fresh copy differs in nothing");

        press(URLS.next(LAB)); // hostname box
        press(URLS.next(LAB)); // mount -t tmpfs tmpfs /mnt
        Element added = picture("mounts").one("//*[@class='mount'][@data-mark='added']");
        assertEquals("/mnt", added.getAttribute("data-mount-point"));
        assertEquals("mnt 2", ((Element) added.getParentNode()).getAttribute("data-name"));

        press(URLS.back(LAB));
        assertTrue(picture("mounts").all("//*[@class='mount'][@data-mark='added']").isEmpty(),
                "stepping back takes the mount away again");
    }

    @Test
    void three_nested_pid_namespaces_colour_the_tree_by_level() {
        for (int i = 0; i < 4; i++) {
            press(URLS.next(LAB));
        }
        press(URLS.forward(LAB));
        for (int i = 0; i < 4; i++) {
            press(URLS.next(LAB));
        }
        SvgDoc tree = picture("process-tree");
        Element sleep = tree.one("//*[@class='process'][*[local-name()='title'][contains(., 'sleep 200')]]");
        assertEquals("pid 4", sleep.getAttribute("data-name"));
        List<Element> pids = tree.all("//*[@data-pid='" + sleep.getAttribute("data-pid")
                + "']/*[@class='nspid']/*[local-name()='tspan']");
        assertEquals(4, pids.size(), "a PID in each of four namespaces");
        assertEquals("2", pids.get(3).getTextContent(), "the innermost sh is 1, its sleep 2");
        assertEquals(4, tree.all("//*[@class='legend']").size());
        tree.assertNothingOverflows();
        picture("namespaces").assertNothingOverflows();
        picture("mounts").assertNothingOverflows();
    }
}
