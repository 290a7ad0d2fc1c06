package isolab.grading.roster;

import java.util.Locale;

/** What an account may do: take labs, or also see everyone's scores. */
public enum Role {
    STUDENT,
    INSTRUCTOR;

    /** The name stored in the database and shown on pages: {@code student}, {@code instructor}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code student} or {@code instructor}. */
    public static Role fromLabel(String label) {
        for (Role role : values()) {
            if (role.label().equals(label)) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown role '" + label + "' (expected student or instructor)");
    }
}
