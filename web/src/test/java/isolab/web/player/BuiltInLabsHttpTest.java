package isolab.web.player;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import isolab.api.HostKind;
import isolab.api.MachineConfig;
import isolab.labs.catalog.CatalogEntry;
import isolab.labs.catalog.LabCatalog;
import isolab.labs.hosts.Hosts;
import isolab.labs.model.BoundLab;
import isolab.labs.model.Command;
import isolab.labs.model.PredictStep;
import isolab.labs.model.SolutionStep;
import isolab.labs.model.Step;
import isolab.labs.run.PredictionKeys;
import isolab.web.App;
import isolab.web.TestApp;
import isolab.web.Urls;
import isolab.web.WebClient;
import isolab.web.catalog.LabLibrary;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every built-in lab, played in the app as shipped (the real catalog on the simulator) by a
 * student who answers each prediction with its key and types the lab's solution before each
 * check: the lab must end at full marks. Skipped while the simulator is not part of the build.
 */
public class BuiltInLabsHttpTest {

    static final Urls URLS = Urls.INSTANCE;

    @TempDir
    Path dataDir;

    static Stream<String> builtInLabs() {
        return LabCatalog.builtIn().entries().stream().map(CatalogEntry::id);
    }

    public static boolean simulatorAvailable() {
        try (var host = Hosts.of(HostKind.SIM).open(MachineConfig.defaults())) {
            return host != null;
        } catch (Hosts.Unavailable e) {
            return false;
        }
    }

    @ParameterizedTest
    @MethodSource("builtInLabs")
    void a_built_in_lab_played_with_its_solution_ends_at_full_marks(String labId) throws Exception {
        assumeTrue(simulatorAvailable(), "the simulator is not part of this build yet");
        LabLibrary library = new LabLibrary(LabCatalog.builtIn().entries().stream().map(CatalogEntry::lab).toList());
        PlayerBackend backend = new PlayerBackend(library, Hosts.of(HostKind.SIM), Hosts.of(HostKind.SIM));
        try (App app = App.start(TestApp.config(dataDir), backend)) {
            WebClient ada = new WebClient(app.port());
            ada.register("ada", "correct horse");
            BoundLab lab = library.find(labId).orElseThrow().bind(app.services().seeds().seedFor("ada"));
            PredictionKeys keys = new PredictionKeys(Hosts.of(HostKind.SIM));
            List<Integer> shown = Player.shown(lab);
            int solutionsTyped = 0;
            for (int index : shown) {
                solutionsTyped = typeSolutionsBefore(ada, lab, labId, index, solutionsTyped);
                Step step = lab.steps().get(index);
                if (step instanceof PredictStep) {
                    press(ada, URLS.predict(labId), "step", String.valueOf(index), "answer", keys.key(lab, index).key());
                }
                if (index != shown.get(shown.size() - 1)) {
                    press(ada, URLS.forward(labId));
                }
            }
            typeSolutionsBefore(ada, lab, labId, lab.steps().size(), solutionsTyped);
            press(ada, URLS.check(labId));
            String page = ada.get(URLS.player(labId)).body();
            String score = page.replaceAll("(?s).*id=\"score\">([^<]*)<.*", "$1");
            assertEquals(lab.totalPoints() + " of " + lab.totalPoints() + " points", score, page);
        }
    }

    /** Types the commands of every solution step before {@code index} not typed yet; returns the new count. */
    private static int typeSolutionsBefore(WebClient ada, BoundLab lab, String labId, int index, int typed) {
        int seen = 0;
        for (int i = 0; i < index; i++) {
            if (lab.steps().get(i) instanceof SolutionStep solution) {
                if (seen++ >= typed) {
                    for (Command command : solution.commands()) {
                        press(ada, URLS.terminal(labId), "terminal", solution.terminal(), "line", command.text());
                    }
                }
            }
        }
        return Math.max(seen, typed);
    }

    private static void press(WebClient browser, String url, String... fields) {
        browser.get(url.substring(0, url.lastIndexOf('/')));
        HttpResponse<String> response = browser.post(url, fields);
        assertEquals(303, response.statusCode(), url + ": " + response.body());
    }
}
