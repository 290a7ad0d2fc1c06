package isolab.web.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The app started as a separate JVM on the test classpath, and killed the hard way. */
final class ServerProcess implements AutoCloseable {

    private static final Pattern SERVING = Pattern.compile("serving .*on http://[^/\\s]+:(\\d+)/");

    private final Process process;
    private final int port;

    private ServerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Runs {@code mainClass} with {@code args}, output appended to {@code log}, and waits until it
     * prints that it is serving.
     */
    static ServerProcess start(Class<?> mainClass, List<String> args, Path log) throws IOException,
            InterruptedException {
        long logged = Files.exists(log) ? Files.size(log) : 0;
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), mainClass.getName()));
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (true) {
            String output = Files.exists(log) ? Files.readString(log).substring((int) logged) : "";
            Matcher serving = SERVING.matcher(output);
            if (serving.find()) {
                return new ServerProcess(process, Integer.parseInt(serving.group(1)));
            }
            if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                process.destroyForcibly();
                throw new IOException("the server did not start; its output: " + output);
            }
            Thread.sleep(50);
        }
    }

    int port() {
        return port;
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
