package isolab.real;

import isolab.real.launch.LaunchMode;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How a {@link LinuxHost} builds its sandbox; the defaults are MACHINE.md's.
 *
 * @param launch which launcher starts the sandbox
 * @param memoryLimitBytes the session's {@code memory.limit_in_bytes}
 * @param pidsMax the session's {@code pids.max}
 * @param cacheDir where the compiled C launcher is kept
 * @param startTimeout how long building the machine may take
 */
public record SandboxOptions(LaunchMode launch, long memoryLimitBytes, int pidsMax, Path cacheDir, Duration startTimeout) {

    /** MACHINE.md's ceilings: 512M of memory, 512 tasks. */
    public static final long MEMORY_LIMIT_BYTES = 512L << 20;
    public static final int PIDS_MAX = 512;

    /** The C helper where gcc exists, MACHINE.md's ceilings, the cache in {@code $XDG_CACHE_HOME/isolab} or {@code ~/.cache/isolab}. */
    public static SandboxOptions defaults() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path cache = xdg != null && !xdg.isBlank()
                ? Path.of(xdg, "isolab")
                : Path.of(System.getProperty("user.home"), ".cache", "isolab");
        return new SandboxOptions(LaunchMode.AUTO, MEMORY_LIMIT_BYTES, PIDS_MAX, cache, Duration.ofSeconds(30));
    }

    /** These options with the launcher {@code mode}. */
    public SandboxOptions withLaunch(LaunchMode mode) {
        return new SandboxOptions(mode, memoryLimitBytes, pidsMax, cacheDir, startTimeout);
    }

    /** These options with the compiled launcher kept in {@code dir}. */
    public SandboxOptions withCacheDir(Path dir) {
        return new SandboxOptions(launch, memoryLimitBytes, pidsMax, dir, startTimeout);
    }
}
