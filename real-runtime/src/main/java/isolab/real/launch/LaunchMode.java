package isolab.real.launch;

/** How a sandbox is started: never by {@code unshare} or {@code setns} in the JVM itself. */
public enum LaunchMode {
    /** The C helper where a C compiler exists, util-linux otherwise. */
    AUTO,
    /** The C helper, {@code isolab-launcher.c}, compiled on first use. */
    HELPER,
    /** util-linux's {@code unshare}, {@code nsenter} and {@code script}, driven by {@code sh}. */
    UTIL_LINUX
}
