package isolab.grading.db;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL server for tests: {@code initdb} into a temporary directory, started on a
 * free loopback port, stopped and deleted on close. Runs as the {@code postgres} user when the
 * tests run as root (initdb refuses root).
 */
public final class EmbeddedPostgres implements AutoCloseable {

    private final Path bin;
    private final Path dir;
    private final int port;

    private EmbeddedPostgres(Path bin, Path dir, int port) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
    }

    /** The newest installed PostgreSQL's bin directory, if any. */
    public static Optional<Path> installedBin() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparing(Path::toString));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Starts a fresh server; takes about a second. */
    public static EmbeddedPostgres start(Path bin) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("isolab-pg");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        EmbeddedPostgres server = new EmbeddedPostgres(bin, dir, port);
        try {
            if (asRoot()) {
                run(List.of("chown", "postgres", dir.toString()));
            }
            server.runAsOwner(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(),
                    "-A", "trust", "-U", "isolab", "--no-sync");
            server.runAsOwner(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(),
                    "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off",
                    "-l", dir.resolve("log").toString(), "-w", "start");
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** A JDBC URL to the server's {@code postgres} database. */
    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=isolab";
    }

    /** Creates an empty database {@code name} and returns its JDBC URL. */
    public String createDatabase(String name) throws IOException, InterruptedException {
        runAsOwner(bin.resolve("createdb").toString(), "-h", "127.0.0.1", "-p", String.valueOf(port), "-U", "isolab",
                name);
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + name + "?user=isolab";
    }

    private void runAsOwner(String... command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asRoot()) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(List.of(command));
        run(full);
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output);
        }
    }

    private static boolean asRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    @Override
    public void close() {
        try {
            if (Files.exists(dir.resolve("data/postmaster.pid"))) {
                runAsOwner(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate",
                        "-w", "stop");
            }
        } catch (IOException | InterruptedException e) {
            // Still delete the directory; a server left running dies with its deleted socket dir.
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // Temporary directory; nothing else to do.
        }
    }
}
