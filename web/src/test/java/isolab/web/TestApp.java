package isolab.web;

import java.nio.file.Path;

/** Starts the app in-process on a free loopback port, with a cheap password hash for speed. */
public final class TestApp {

    private TestApp() {
    }

    /** The embedded defaults on {@code dataDir}, listening on 127.0.0.1 on any free port. */
    public static AppConfig config(Path dataDir) {
        return AppConfig.defaults(dataDir).withBindHost("127.0.0.1").withPort(0).withPasswordIterations(1_000);
    }

    public static App start(Path dataDir) {
        return App.start(config(dataDir));
    }

    public static App start(AppConfig config) {
        return App.start(config);
    }

}
