package isolab.web;

import isolab.labs.model.Lab;
import isolab.labs.model.LabFormatException;
import isolab.labs.parse.LabParser;
import isolab.web.catalog.LabLibrary;
import isolab.web.player.PlayerBackend;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Starts the app in-process on a free loopback port for tests: the real LabMD parser on the test
 * lab {@code testlabs/test-uts.lab.md}, machines scripted by {@link ScriptedHost}, a cheap password
 * hash for speed.
 */
public final class TestApp {

    /** The id of the test lab. */
    public static final String LAB = "test-uts";

    private TestApp() {
    }

    /** The embedded defaults on {@code dataDir}, listening on 127.0.0.1 on any free port. */
    public static AppConfig config(Path dataDir) {
        return AppConfig.defaults(dataDir).withBindHost("127.0.0.1").withPort(0).withPasswordIterations(1_000);
    }

    public static App start(Path dataDir) {
        return start(config(dataDir));
    }

    public static App start(AppConfig config) {
        return App.start(config, backend());
    }

    /** The test lab, parsed. */
    public static Lab lab() {
        try (InputStream in = TestApp.class.getResourceAsStream("/testlabs/" + LAB + ".lab.md")) {
            return LabParser.parse(LAB + ".lab.md", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException | LabFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    public static PlayerBackend backend() {
        return new PlayerBackend(new LabLibrary(List.of(lab())), ScriptedHost::new, ScriptedHost::new);
    }
}
