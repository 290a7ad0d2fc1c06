package isolab.web.auth;

import isolab.grading.db.Jdbc;
import isolab.grading.roster.Roster;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Login sessions kept in the database, so a restarted server (or another instance) still knows
 * who is logged in. The browser holds a random token; the table holds only its SHA-256.
 */
public final class LoginSessions {

    /** How long a login lasts. */
    public static final Duration LIFETIME = Duration.ofDays(7);

    private final Jdbc jdbc;
    private final Roster roster;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public LoginSessions(Jdbc jdbc, Roster roster, Clock clock) {
        this.jdbc = jdbc;
        this.roster = roster;
        this.clock = clock;
    }

    /** Logs {@code accountId} in; returns the token for the browser's cookie. */
    public String create(long accountId) {
        String token = randomToken();
        jdbc.update("insert into login_session (token_hash, account_id, csrf_token, created_at, expires_at)"
                + " values (?, ?, ?, ?, ?)", sha256(token), accountId, randomToken(), clock.instant(),
                clock.instant().plus(LIFETIME));
        return token;
    }

    /** The live session of {@code token}; empty if unknown or expired. */
    public Optional<LoginSession> find(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.queryOne("select account_id, csrf_token, expires_at from login_session where token_hash = ?",
                        row -> new StoredSession(row.getLong("account_id"), row.getString("csrf_token"),
                                Jdbc.instant(row, "expires_at")), sha256(token))
                .filter(stored -> clock.instant().isBefore(stored.expiresAt()))
                .flatMap(stored -> roster.byId(stored.accountId())
                        .map(account -> new LoginSession(account, stored.csrfToken(), stored.expiresAt())));
    }

    private record StoredSession(long accountId, String csrfToken, Instant expiresAt) {
    }

    /** Logs the session of {@code token} out. */
    public void delete(String token) {
        if (token != null) {
            jdbc.update("delete from login_session where token_hash = ?", sha256(token));
        }
    }

    /** Removes expired sessions; returns how many. */
    public int purgeExpired() {
        return jdbc.update("delete from login_session where expires_at <= ?", clock.instant());
    }

    /** 32 random bytes, URL-safe Base64. */
    String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
