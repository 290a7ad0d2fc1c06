package isolab.api;

import java.util.Locale;

/** The two kinds of host: the simulated kernel and a real Linux machine. */
public enum HostKind {
    SIM,
    REAL;

    /** The name used on the command line and in lab front matter: {@code sim} or {@code real}. */
    public String flag() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code sim} or {@code real}; anything else is an {@link IllegalArgumentException}. */
    public static HostKind fromFlag(String flag) {
        for (HostKind kind : values()) {
            if (kind.flag().equals(flag)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown host '" + flag + "' (expected sim or real)");
    }
}
