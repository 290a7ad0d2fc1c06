package isolab.grading.seed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/** The course's secret key, loaded from the data directory or generated there on first use. */
public final class CourseSecret {

    /** The file in the data directory that holds the secret, as 64 hex digits. */
    public static final String FILE_NAME = "course.secret";

    private static final int LENGTH_BYTES = 32;

    private final byte[] key;

    private CourseSecret(byte[] key) {
        this.key = key.clone();
    }

    /** A secret from raw bytes (tests, or a secret kept outside the data directory). */
    public static CourseSecret of(byte[] key) {
        if (key.length < 16) {
            throw new IllegalArgumentException("a course secret needs at least 16 bytes, got " + key.length);
        }
        return new CourseSecret(key);
    }

    /** The secret in {@code dataDir}, generated (owner-readable only) when there is none yet. */
    public static CourseSecret loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            Files.createDirectories(dataDir);
            if (!Files.exists(file)) {
                create(file);
            }
            String hex = Files.readString(file, StandardCharsets.US_ASCII).trim();
            return of(HexFormat.of().parseHex(hex));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read or create the course secret " + file + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the course secret " + file + " is not hex: " + e.getMessage(), e);
        }
    }

    private static void create(Path file) throws IOException {
        byte[] key = new byte[LENGTH_BYTES];
        new SecureRandom().nextBytes(key);
        Path temporary = Files.createTempFile(file.getParent(), ".course.secret", ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // A non-POSIX file system keeps its default permissions.
            }
            Files.writeString(temporary, HexFormat.of().formatHex(key) + "\n", StandardCharsets.US_ASCII,
                    StandardOpenOption.WRITE, StandardOpenOption.SYNC);
            // A second server starting at the same moment must not replace a secret already in use.
            Files.createLink(file, temporary);
        } catch (FileAlreadyExistsException raced) {
            // The other server won; its secret is the course's.
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    byte[] key() {
        return key.clone();
    }
}
