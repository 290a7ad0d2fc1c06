package isolab.web.e2e;

import isolab.web.TestServerMain;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The app started as a separate JVM on a data directory, and killed the hard way. */
final class ServerProcess implements AutoCloseable {

    private final Process process;
    private final int port;

    private ServerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts the server on {@code dataDir} and waits until it listens. */
    static ServerProcess start(Path dataDir, Path log) throws IOException, InterruptedException {
        Path portFile = dataDir.resolve("port-" + System.nanoTime());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                TestServerMain.class.getName(), dataDir.toString(), portFile.toString()))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!Files.exists(portFile)) {
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                process.destroyForcibly();
                throw new IOException("the server did not start; its log: " + Files.readString(log));
            }
            Thread.sleep(50);
        }
        return new ServerProcess(process, Integer.parseInt(Files.readString(portFile).trim()));
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    /** Sends SIGKILL, as {@code kill -9} does, and waits for the process to be gone. */
    void kill9() throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-9", String.valueOf(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IOException("kill -9 " + process.pid() + " failed");
        }
        process.waitFor();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
