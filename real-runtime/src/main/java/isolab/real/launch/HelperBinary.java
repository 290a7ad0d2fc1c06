package isolab.real.launch;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The C launcher, {@code isolab-launcher.c}, shipped as a resource and compiled with {@code gcc}
 * on first use into a cache directory, under a name keyed by the source's hash: a changed source
 * gets a new binary, an unchanged one is compiled once per host.
 */
public final class HelperBinary {

    static final String SOURCE = "isolab-launcher.c";

    private HelperBinary() {
    }

    /** The compiled launcher in {@code cacheDir}, compiling it first if needed; empty when no C compiler is on PATH. */
    public static Optional<Path> ensure(Path cacheDir) {
        byte[] source = source();
        Path binary = cacheDir.resolve("isolab-launcher-" + hash(source));
        if (Files.isExecutable(binary)) {
            return Optional.of(binary);
        }
        Optional<Path> compiler = compiler();
        if (compiler.isEmpty()) {
            return Optional.empty();
        }
        compile(compiler.get(), source, binary);
        return Optional.of(binary);
    }

    /** {@code gcc} (or {@code cc}) from PATH, if there is one. */
    public static Optional<Path> compiler() {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String name : List.of("gcc", "cc")) {
            for (String dir : path.split(File.pathSeparator)) {
                Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    private static void compile(Path compiler, byte[] source, Path binary) {
        try {
            Files.createDirectories(binary.getParent());
            Path c = binary.resolveSibling(binary.getFileName() + ".c");
            Files.write(c, source);
            Path partial = Files.createTempFile(binary.getParent(), binary.getFileName().toString(), ".partial");
            Process gcc = new ProcessBuilder(compiler.toString(), "-O2", "-Wall", "-Wno-format-truncation",
                    "-o", partial.toString(), c.toString())
                    .redirectErrorStream(true)
                    .start();
            String diagnostics = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!gcc.waitFor(120, TimeUnit.SECONDS) || gcc.exitValue() != 0) {
                Files.deleteIfExists(partial);
                throw new IllegalStateException("cannot compile " + c + " with " + compiler + ":\n" + diagnostics);
            }
            // Two JVMs may compile at once; each renames a whole binary into place.
            try {
                Files.move(partial, binary, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, binary, StandardCopyOption.REPLACE_EXISTING);
            }
            pruneOtherVersions(binary);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the isolab launcher in " + binary.getParent(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while compiling the isolab launcher", e);
        }
    }

    /**
     * Removes launchers of other sources that have not changed for a day. A JVM still using one
     * loses nothing: a running launcher needs no file, and a new start compiles its version again.
     */
    private static void pruneOtherVersions(Path binary) throws IOException {
        String mine = binary.getFileName().toString();
        long dayAgo = System.currentTimeMillis() - 24L * 3600 * 1000;
        try (java.util.stream.Stream<Path> files = Files.list(binary.getParent())) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (name.startsWith("isolab-launcher-") && !name.startsWith(mine)
                        && Files.getLastModifiedTime(file).toMillis() < dayAgo) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    static byte[] source() {
        try (InputStream in = HelperBinary.class.getResourceAsStream(SOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + SOURCE + " is missing from real-runtime");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String hash(byte[] source) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(source);
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
