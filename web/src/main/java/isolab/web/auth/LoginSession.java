package isolab.web.auth;

import isolab.grading.roster.Account;
import java.time.Instant;

/** A logged-in browser: whose it is, the CSRF token its forms carry, and when it expires. */
public record LoginSession(Account account, String csrfToken, Instant expiresAt) {
}
