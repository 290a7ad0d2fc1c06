package isolab.real.launch;

import isolab.real.cgroup.SessionCgroups;

/**
 * What a launcher builds: a session's cgroups with their ceilings, and the machine's hostname.
 *
 * @param cgroups the session's cgroups, one per hierarchy the machine mounts
 * @param memoryLimitBytes the session's {@code memory.limit_in_bytes}
 * @param pidsMax the session's {@code pids.max}
 * @param hostname the machine's hostname
 */
public record SandboxSpec(SessionCgroups cgroups, long memoryLimitBytes, int pidsMax, String hostname) {
}
