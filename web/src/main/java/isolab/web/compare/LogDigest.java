package isolab.web.compare;

import isolab.labs.run.Action;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The name of one version of a student's live log: the SHA-256 of the lab, the seed and the
 * actions in their stored form. A stored replay holds while the log has this digest; any action
 * taken, undone or redone differently gives another.
 */
final class LogDigest {

    private LogDigest() {
    }

    /** The hex digest of {@code actions} played in {@code labId} with {@code seed}. */
    static String of(String labId, long seed, List<Action> actions) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        sha.update(("isolab log v1\0" + labId + "\0" + seed + "\0").getBytes(StandardCharsets.UTF_8));
        for (Action action : actions) {
            sha.update((action.encode() + "\0").getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
