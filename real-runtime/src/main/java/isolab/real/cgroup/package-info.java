/**
 * The host's cgroups as a session sandbox uses them: the layout (which controllers are v1
 * hierarchies, which are in the cgroup2 tree), and each session's own cgroups.
 *
 * <p>A session owns {@code MOUNTPOINT/isolab/<session>} in every v1 hierarchy that carries one of
 * MACHINE.md's controllers (cpu, cpuacct, cpuset, memory, devices, freezer, blkio, pids), and
 * nothing else on the host; the lab may make cgroups below it. The name {@code j<pid>-<start>-<n>}
 * records the owning JVM's PID and start time, so that {@link isolab.real.cgroup.Sweeper} can tell
 * a session of a dead JVM (removed: processes killed, directories removed deepest first) from a
 * session of a live one (never touched). {@code isolab/} itself is removed with the last session;
 * whoever makes a session retries when another removes {@code isolab/} in between.
 *
 * <p>{@link isolab.real.cgroup.MemcgProbe} reads the session's memory cgroups (its own and those
 * the lab makes below it) for {@code HostView.memcgs}, as the simulator reports them.
 *
 * <p>Only v1 hosts are built on so far; a v2 host is detected and refused.
 */
package isolab.real.cgroup;
