package isolab.api;

import java.util.Locale;

/** The cgroup layout a machine boots with: several v1 hierarchies, or the one v2 tree. */
public enum CgroupVersion {
    V1,
    V2;

    /** The name used in lab front matter: {@code v1} or {@code v2}. */
    public String flag() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code v1} or {@code v2}; anything else is an {@link IllegalArgumentException}. */
    public static CgroupVersion fromFlag(String flag) {
        for (CgroupVersion version : values()) {
            if (version.flag().equals(flag)) {
                return version;
            }
        }
        throw new IllegalArgumentException("unknown cgroup layout '" + flag + "' (expected v1 or v2)");
    }
}
