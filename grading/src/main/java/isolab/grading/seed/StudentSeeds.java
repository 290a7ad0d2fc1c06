package isolab.grading.seed;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Derives a student's seed from the course secret and the student's id. */
public final class StudentSeeds {

    private static final String ALGORITHM = "HmacSHA256";
    private static final String CONTEXT = "isolab student seed v1\0";

    private final SecretKeySpec key;

    public StudentSeeds(CourseSecret secret) {
        this.key = new SecretKeySpec(secret.key(), ALGORITHM);
    }

    /** The seed of student {@code studentId}: the same id always gives the same seed. */
    public long seedFor(String studentId) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] digest = mac.doFinal((CONTEXT + studentId).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest, 0, Long.BYTES).getLong();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks " + ALGORITHM, e);
        }
    }
}
