package isolab.grading.roster;

import java.time.Instant;

/** One person on the roster. {@code passwordHash} is opaque here (see the web app's auth). */
public record Account(long id, String username, Role role, String passwordHash, Instant createdAt) {

    /** Whether this account may see the gradebook. */
    public boolean isInstructor() {
        return role == Role.INSTRUCTOR;
    }
}
