package isolab.web;

import java.nio.file.Path;

/**
 * The app as a process of its own, for the crash test: the test lab on scripted machines, the
 * embedded H2 database in {@code args[0]}; prints {@code serving on http://127.0.0.1:PORT/} once
 * it serves, as {@code isolab serve} does.
 */
public final class TestServerMain {

    private TestServerMain() {
    }

    public static void main(String[] args) throws Exception {
        App app = TestApp.start(Path.of(args[0]));
        System.out.println("isolab: serving on http://127.0.0.1:" + app.port() + "/");
        System.out.flush();
        Thread.currentThread().join();
    }
}
