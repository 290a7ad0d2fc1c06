/**
 * The pids controller (kernel/cgroup/pids.c; Documentation/admin-guide/cgroup-v1/pids.rst,
 * cgroup-v2.rst "PID"): a limit on the number of tasks a cgroup and its descendants may hold,
 * enforced at fork only.
 *
 * <p>The model. {@link isolab.sim.cgroup.pids.PidsController} is the controller: the cgroup core
 * asks it at every fork ({@code can_fork}) and tells it of every move ({@code can_attach}).
 * A fork charges one task to the forker's cgroup and each ancestor up to, not including, the
 * host's root; the first whose count would pass its {@code pids.max} refuses with EAGAIN. The
 * core has allocated the child's PID by then, as copy_process does, so a refused fork uses up a
 * PID number. A move charges the destination without looking at its limit: a cgroup may hold
 * more tasks than its limit, and then refuses every fork. A task is uncharged when it is reaped
 * (pids_release at release_task): a zombie still counts.
 *
 * <p>The count ({@code pids.current}) is not stored but counted from the tasks not yet reaped,
 * as the core counts members, so it cannot drift; what is stored per cgroup
 * ({@link isolab.sim.cgroup.pids.PidsCgroup}) is what the tasks cannot tell: the limit, the
 * watermark ({@code pids.peak}, raised by every charge, also by the charge of a fork that a
 * higher limit then refuses, and by the moment a move counts the task in both places), and the
 * event counters. {@code pids.events} is the local count of refused forks in the forking cgroup
 * on v1, and on v2 the count of limit hits in the cgroup whose limit was hit and in every
 * ancestor ({@code pids.events.local}: that cgroup only). On v2 the files and the state exist where
 * the parent enables {@code pids} in {@code cgroup.subtree_control}; below, tasks are charged to
 * the nearest ancestor that has it.
 *
 * <p>The machine's root on v1 is the sandbox's own cgroup, a child on the host (docs/MACHINE.md):
 * it has the files, a limit of 512, and one more task than the machine shows, the launcher that
 * started init outside the machine's PID namespace, as measured in the real sandbox.
 *
 * <p>Invariants (isolab.sim.check.PidsInvariants): a cgroup's count covers its children's, and its
 * peak is never below its count. Simplifies: one thread per process, so tasks and processes
 * count the same; the {@code pids_localevents} mount option of v2 and the kernel log line of the
 * first refusal are not modelled.
 */
package isolab.sim.cgroup.pids;
