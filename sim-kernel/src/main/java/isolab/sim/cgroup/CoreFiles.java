package isolab.sim.cgroup;

import isolab.sim.kernel.Kernel;
import isolab.sim.process.Credentials;
import isolab.sim.process.Task;
import isolab.sim.syscall.Errno;
import isolab.sim.syscall.SysException;
import java.util.List;
import java.util.TreeSet;

/**
 * The cgroup core's control files (kernel/cgroup/cgroup-v1.c: cgroup1_base_files;
 * kernel/cgroup/cgroup.c: cgroup_base_files). v1: {@code cgroup.procs} and {@code tasks} (read:
 * the sorted PIDs in the reader's PID namespace; write: one PID per write moves its process or
 * thread), {@code cgroup.clone_children}, {@code notify_on_release}, and on the root
 * {@code cgroup.sane_behavior} and {@code release_agent}. v2: {@code cgroup.procs},
 * {@code cgroup.threads}, {@code cgroup.controllers}, {@code cgroup.subtree_control},
 * {@code cgroup.events}, {@code cgroup.type}, {@code cgroup.max.depth},
 * {@code cgroup.max.descendants} ({@link SubtreeControl} has the controller rules). Writes this
 * slice does not model fail with ENOSYS.
 */
public final class CoreFiles {

    private CoreFiles() {
    }

    /** The core files of a hierarchy, in the kernel's order. */
    public static List<Cftype> of(Kernel kernel, Hierarchy hierarchy) {
        if (hierarchy.isDefault()) {
            return v2(kernel, hierarchy);
        }
        return List.of(
                new Cftype("cgroup.procs", 0644, Cftype.Where.EVERY, (c, r) -> pids(kernel, c, r, true),
                        (c, w, text) -> move(kernel, c, w, text, true)),
                new Cftype("cgroup.clone_children", 0644, Cftype.Where.EVERY, (c, r) -> flag(c.cloneChildren()),
                        (c, w, text) -> c.setCloneChildren(parseFlag(text))),
                new Cftype("cgroup.sane_behavior", 0444, Cftype.Where.ONLY_ON_ROOT, (c, r) -> "0\n", null),
                new Cftype("notify_on_release", 0644, Cftype.Where.EVERY, (c, r) -> flag(c.notifyOnRelease()),
                        (c, w, text) -> c.setNotifyOnRelease(parseFlag(text))),
                new Cftype("release_agent", 0644, Cftype.Where.ONLY_ON_ROOT, (c, r) -> hierarchy.releaseAgent() + "\n",
                        (c, w, text) -> releaseAgent(kernel, hierarchy, w, text)),
                new Cftype("tasks", 0644, Cftype.Where.EVERY, (c, r) -> pids(kernel, c, r, false),
                        (c, w, text) -> move(kernel, c, w, text, false)));
    }

    private static List<Cftype> v2(Kernel kernel, Hierarchy hierarchy) {
        return List.of(
                new Cftype("cgroup.type", 0644, Cftype.Where.NOT_ON_ROOT, (c, r) -> "domain\n", CoreFiles::notModelled),
                new Cftype("cgroup.procs", 0644, Cftype.Where.EVERY, (c, r) -> pids(kernel, c, r, true),
                        (c, w, text) -> move(kernel, c, w, text, true)),
                new Cftype("cgroup.threads", 0644, Cftype.Where.EVERY, (c, r) -> pids(kernel, c, r, false),
                        CoreFiles::notModelled),
                new Cftype("cgroup.controllers", 0444, Cftype.Where.EVERY,
                        (c, r) -> String.join(" ", SubtreeControl.controllers(c)) + "\n", null),
                new Cftype("cgroup.subtree_control", 0644, Cftype.Where.EVERY,
                        (c, r) -> String.join(" ", SubtreeControl.enabled(c)) + "\n",
                        (c, w, text) -> SubtreeControl.write(kernel, c, text)),
                new Cftype("cgroup.events", 0644, Cftype.Where.NOT_ON_ROOT,
                        (c, r) -> "populated " + (kernel.cgroups().populated(kernel, c) ? 1 : 0) + "\nfrozen 0\n", null),
                new Cftype("cgroup.max.descendants", 0644, Cftype.Where.EVERY, (c, r) -> "max\n", CoreFiles::notModelled),
                new Cftype("cgroup.max.depth", 0644, Cftype.Where.EVERY, (c, r) -> "max\n", CoreFiles::notModelled));
    }

    /**
     * cgroup.procs and tasks (cgroup-v1.c: pidlist_array_load): the live tasks of the cgroup by
     * their PIDs in the reader's PID namespace, sorted, each once; tasks the reader cannot see are
     * left out. With one thread per process, the process and thread lists are the same.
     */
    static String pids(Kernel kernel, Cgroup cgroup, Task reader, boolean procs) {
        TreeSet<Integer> pids = new TreeSet<>();
        for (Task t : kernel.cgroups().tasks(kernel, cgroup)) {
            int nr = reader == null ? t.pid() : t.pidIn(reader.pidNs());
            if (nr > 0) {
                pids.add(nr);
            }
        }
        StringBuilder s = new StringBuilder();
        for (int nr : pids) {
            s.append(nr).append('\n');
        }
        return s.toString();
    }

    /**
     * A write to cgroup.procs or tasks (cgroup-v1.c: __cgroup1_procs_write, cgroup.c:
     * cgroup_procs_write_start): one integer (kstrtoint, base 0, surrounding blanks ignored), 0
     * for the writer itself; EINVAL for anything else or a negative number, ESRCH for a PID the
     * writer's namespace does not have, EACCES unless the opener is root or owns the task.
     */
    static void move(Kernel kernel, Cgroup cgroup, Task writer, String text, boolean threadgroup) {
        int pid = Kstrtox.kstrtoint(text.strip());
        if (pid < 0) {
            throw new SysException(Errno.EINVAL);
        }
        Task target = pid == 0 ? writer : kernel.pids().find(writer.pidNs(), pid);
        if (target == null) {
            throw new SysException(Errno.ESRCH);
        }
        Credentials w = writer.cred();
        Credentials t = target.cred();
        if (w.euid() != 0 && w.euid() != t.uid() && w.euid() != t.suid()) {
            throw new SysException(Errno.EACCES);
        }
        if (Cgroups.live(target) && target.cgroups().in(cgroup.hierarchy()) != cgroup) {
            SubtreeControl.vetDestination(cgroup);
        }
        kernel.cgroups().attach(target, cgroup, writer);
    }

    private static String flag(boolean on) {
        return on ? "1\n" : "0\n";
    }

    /** cgroup_write_u64 callers: kstrtoull; any number but 0 sets the flag. */
    private static boolean parseFlag(String text) {
        return Kstrtox.kstrtoull(text.strip()) != 0;
    }

    /**
     * release_agent (cgroup-v1.c: cgroup_release_agent_write): CAP_SYS_ADMIN in the initial user
     * namespace; the path is kept (the agent is never run: releasing is not modelled).
     */
    private static void releaseAgent(Kernel kernel, Hierarchy hierarchy, Task writer, String text) {
        Credentials c = writer.cred();
        if (c.userNs() != kernel.initialUserNamespace() || !c.capable(Credentials.CAP_SYS_ADMIN)) {
            throw new SysException(Errno.EPERM);
        }
        hierarchy.setReleaseAgent(text.strip());
    }

    /** A write the model does not implement: ENOSYS ("Function not implemented"), never a made-up success. */
    private static void notModelled(Cgroup cgroup, Task writer, String text) {
        throw new SysException(Errno.ENOSYS);
    }
}
