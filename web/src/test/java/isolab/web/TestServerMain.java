package isolab.web;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The app as a process of its own, for the crash test: the test lab on scripted machines, the
 * embedded H2 database in {@code args[0]}; writes its port to {@code args[1]} once it serves.
 */
public final class TestServerMain {

    private TestServerMain() {
    }

    public static void main(String[] args) throws Exception {
        App app = TestApp.start(Path.of(args[0]));
        Path portFile = Path.of(args[1]);
        Path partial = portFile.resolveSibling(portFile.getFileName() + ".tmp");
        Files.writeString(partial, String.valueOf(app.port()), StandardCharsets.US_ASCII);
        Files.move(partial, portFile);
        Thread.currentThread().join();
    }
}
