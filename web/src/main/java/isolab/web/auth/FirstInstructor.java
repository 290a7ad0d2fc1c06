package isolab.web.auth;

import isolab.grading.roster.Role;
import isolab.grading.roster.Roster;
import java.util.Optional;

/**
 * How a fresh install gets its first instructor: when the roster has none, an account
 * {@code instructor} is created with a random password that is shown once and stored only hashed.
 */
public final class FirstInstructor {

    /** The username of the instructor a fresh install creates. */
    public static final String USERNAME = "instructor";

    private FirstInstructor() {
    }

    /** The username and one-time password of an instructor created now; empty if one existed. */
    public static Optional<Credentials> createIfNone(Roster roster, PasswordHasher hasher) {
        if (!roster.withRole(Role.INSTRUCTOR).isEmpty() || roster.byUsername(USERNAME).isPresent()) {
            return Optional.empty();
        }
        String password = PasswordHasher.randomPassword();
        roster.add(USERNAME, Role.INSTRUCTOR, hasher.hash(password));
        return Optional.of(new Credentials(USERNAME, password));
    }

    /** A username and its password in the clear, to be shown once. */
    public record Credentials(String username, String password) {
    }
}
