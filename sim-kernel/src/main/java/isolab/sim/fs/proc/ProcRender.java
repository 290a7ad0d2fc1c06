package isolab.sim.fs.proc;

import isolab.sim.determinism.Clock;
import isolab.sim.fs.Directory;
import isolab.sim.fs.Mount;
import isolab.sim.fs.Namei;
import isolab.sim.fs.OpenFile;
import isolab.sim.fs.pipe.Pipe;
import isolab.sim.kernel.Kernel;
import isolab.sim.namespace.PidNamespace;
import isolab.sim.process.Credentials;
import isolab.sim.process.Task;
import isolab.sim.tty.Tty;
import java.util.ArrayList;
import java.util.List;

/**
 * The text of procfs files, rendered from the model in Linux's formats (fs/proc/array.c,
 * fs/proc_namespace.c, kernel/cgroup/cgroup.c: proc_cgroup_show). Memory figures (Vm* lines,
 * RSS) are not modelled in this slice and are left out or shown as 0.
 */
public final class ProcRender {

    private ProcRender() {
    }

    /** /proc/PID/status as read through a procfs of {@code ns} (fs/proc/array.c: proc_pid_status). */
    static String status(Kernel kernel, Task task, PidNamespace ns, isolab.sim.fs.Caller reader) {
        Credentials c = task.cred();
        var view = reader instanceof Task r ? r.cred().userNs() : kernel.initialUserNamespace();
        Task parent = task.parent();
        StringBuilder s = new StringBuilder();
        s.append("Name:\t").append(task.comm()).append('\n');
        s.append("Umask:\t").append(String.format("%04o", task.umask())).append('\n');
        s.append("State:\t").append(task.state().statusText()).append('\n');
        int nr = task.pidIn(ns);
        s.append("Tgid:\t").append(nr).append('\n');
        s.append("Ngid:\t0\n");
        s.append("Pid:\t").append(nr).append('\n');
        s.append("PPid:\t").append(parent == null ? 0 : parent.pidIn(ns)).append('\n');
        s.append("TracerPid:\t0\n");
        // fs/proc/array.c: task_state shows ids as the reader's user namespace sees them.
        s.append("Uid:\t").append(view.shown(c.uid(), true)).append('\t').append(view.shown(c.euid(), true)).append('\t')
                .append(view.shown(c.suid(), true)).append('\t').append(view.shown(c.fsuid(), true)).append('\n');
        s.append("Gid:\t").append(view.shown(c.gid(), false)).append('\t').append(view.shown(c.egid(), false)).append('\t')
                .append(view.shown(c.sgid(), false)).append('\t').append(view.shown(c.fsgid(), false)).append('\n');
        s.append("FDSize:\t").append(fdSize(task)).append('\n');
        s.append("Groups:\t");
        for (int i = 0; i < c.groups().size(); i++) {
            s.append(i == 0 ? "" : " ").append(c.groups().get(i));
        }
        s.append(" \n");
        s.append("NStgid:\t").append(levels(kernel, task.pid(), task, ns)).append('\n');
        s.append("NSpid:\t").append(levels(kernel, task.pid(), task, ns)).append('\n');
        s.append("NSpgid:\t").append(levels(kernel, task.pgid(), task, ns)).append('\n');
        s.append("NSsid:\t").append(levels(kernel, task.sid(), task, ns)).append('\n');
        s.append("Kthread:\t0\n");
        s.append("Threads:\t1\n");
        s.append("SigQ:\t").append(Long.bitCount(task.pendingSignals())).append("/96365\n");
        s.append("SigPnd:\t0000000000000000\n");
        s.append("ShdPnd:\t").append(String.format("%016x", task.pendingSignals())).append('\n');
        s.append("SigBlk:\t0000000000000000\n");
        s.append("SigIgn:\t").append(String.format("%016x", task.ignoredSignals())).append('\n');
        s.append("SigCgt:\t").append(String.format("%016x", task.caughtSignals())).append('\n');
        s.append("CapInh:\t").append(String.format("%016x", c.capInheritable())).append('\n');
        s.append("CapPrm:\t").append(String.format("%016x", c.capPermitted())).append('\n');
        s.append("CapEff:\t").append(String.format("%016x", c.capEffective())).append('\n');
        s.append("CapBnd:\t").append(String.format("%016x", c.capBounding())).append('\n');
        s.append("CapAmb:\t").append(String.format("%016x", c.capAmbient())).append('\n');
        s.append("NoNewPrivs:\t0\n");
        s.append("Seccomp:\t0\n");
        s.append("Seccomp_filters:\t0\n");
        s.append("Cpus_allowed:\t3\n");
        s.append("Cpus_allowed_list:\t0-1\n");
        s.append("voluntary_ctxt_switches:\t0\n");
        s.append("nonvoluntary_ctxt_switches:\t0\n");
        return s.toString();
    }

    private static int fdSize(Task task) {
        return task.files() == null ? 64 : task.files().capacity();
    }

    /** The PIDs of the process (group, session) whose leader has initial PID {@code pid}, from {@code ns} inwards. */
    private static String levels(Kernel kernel, int pid, Task task, PidNamespace ns) {
        Task leader = kernel.pids().byPid(pid);
        List<String> out = new ArrayList<>();
        List<PidNamespace> chain = new ArrayList<>();
        for (PidNamespace p = task.pidNs(); p != null && p.level() >= ns.level(); p = p.parent()) {
            chain.add(0, p);
        }
        for (PidNamespace p : chain) {
            out.add(String.valueOf(leader == null ? 0 : leader.pidIn(p)));
        }
        return String.join("\t", out);
    }

    /** /proc/PID/stat (fs/proc/array.c: do_task_stat); memory fields are 0. */
    static String stat(Kernel kernel, Task task, PidNamespace ns) {
        Task parent = task.parent();
        int ppid = parent == null ? 0 : parent.pidIn(ns);
        Task pgrp = kernel.pids().byPid(task.pgid());
        Task session = kernel.pids().byPid(task.sid());
        Tty tty = task.tty();
        int ttyNr = tty == null ? 0 : (136 << 8) | tty.index();
        Task fg = tty == null ? null : kernel.pids().byPid(tty.foregroundPgrp());
        int tpgid = tty == null ? -1 : fg == null ? 0 : fg.pidIn(ns);
        long start = task.startTick() * Clock.USER_HZ / Clock.TICKS_PER_SECOND;
        String[] f = new String[52];
        java.util.Arrays.fill(f, "0");
        f[0] = String.valueOf(task.pidIn(ns));
        f[1] = "(" + task.comm() + ")";
        f[2] = String.valueOf(task.state().letter());
        f[3] = String.valueOf(ppid);
        f[4] = String.valueOf(pgrp == null ? 0 : pgrp.pidIn(ns));
        f[5] = String.valueOf(session == null ? 0 : session.pidIn(ns));
        f[6] = String.valueOf(ttyNr);
        f[7] = String.valueOf(tpgid);
        f[8] = "4194304";
        f[17] = "20";
        f[19] = "1";
        f[21] = String.valueOf(start);
        f[24] = "18446744073709551615";
        f[37] = "17";
        return String.join(" ", f) + "\n";
    }

    /** /proc/PID/cmdline: the arguments, each ended by a NUL. */
    static String cmdline(Task task) {
        StringBuilder s = new StringBuilder();
        for (String arg : task.argv()) {
            s.append(arg).append('\0');
        }
        return s.toString();
    }

    /** /proc/PID/environ. */
    static String environ(Task task) {
        StringBuilder s = new StringBuilder();
        for (String var : task.environ()) {
            s.append(var).append('\0');
        }
        return s.toString();
    }

    /** /proc/PID/exe's target. */
    static String exe(Task task) {
        return task.exe().isEmpty() ? null : task.exe();
    }

    /** /proc/PID/cwd or root, as seen by the reader. */
    static String pathOf(Kernel kernel, Task task, isolab.sim.fs.Caller reader, boolean cwd) {
        if (task.root() == null) {
            return null;
        }
        Task who = reader instanceof Task t ? t : task;
        Namei.Context ctx = new Namei.Context(who.root(), who.cwd(), who.nsproxy().mnt().mounts(), who);
        return Namei.pathOf(ctx, cwd ? task.cwd() : task.root());
    }

    /** /proc/PID/fd/N's target. */
    static String fdTarget(Kernel kernel, Task task, int fd) {
        if (!task.files().isOpen(fd)) {
            return null;
        }
        OpenFile file = task.files().get(fd);
        if (file instanceof Pipe.End end) {
            return "pipe:[" + end.pipe().ino() + "]";
        }
        if (file instanceof Tty.TtyFile tf) {
            return "/dev/" + tf.tty().name();
        }
        if (file.path() == null) {
            return "anon_inode:[unknown]";
        }
        if (!(file.path().inode() instanceof isolab.sim.fs.Directory) && file.name() != null) {
            return file.name();
        }
        Namei.Context ctx = new Namei.Context(task.root(), task.cwd(), task.nsproxy().mnt().mounts(), task);
        String path = Namei.pathOf(ctx, file.path());
        return path == null ? "/" : path;
    }

    /** One mount as its namespace shows it to {@code task}; null if outside the task's root. */
    private static String mountPoint(Task task, Mount m) {
        Namei.Context ctx = new Namei.Context(task.root(), task.cwd(), task.nsproxy().mnt().mounts(), task);
        return isolab.sim.fs.mount.MountPoints.seenFrom(ctx, m);
    }

    /** mountinfo's root field: a filesystem's own show_path (cgroupfs: relative to the reader's cgroup namespace), else the mount's root path. */
    private static String rootShown(Mount m, Task reader) {
        String shown = isolab.sim.fs.cgroupfs.CgroupFs.showPath(m, reader);
        return escape(shown != null ? shown : m.rootPath());
    }

    /** /proc/PID/net/dev (net/core/net-procfs.c: dev_seq_show): the counters of each device of the task's namespace. */
    static String netDev(Task task) {
        StringBuilder s = new StringBuilder("Inter-|   Receive                                                |  Transmit\n"
                + " face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed\n");
        if (task.nsproxy() == null) {
            return s.toString();
        }
        var stack = ((isolab.sim.namespace.NetNamespace) task.nsproxy().net()).stack();
        for (var d : stack.devices()) {
            s.append(String.format("%6s:%8d %7d %4d %4d %4d %5d %10d %9d %8d %7d %4d %4d %4d %5d %7d %10d%n", d.name(),
                    d.rxBytes(), d.rxPackets(), 0, 0, 0, 0, 0, 0, d.txBytes(), d.txPackets(), 0, d.txDropped(), 0, 0, 0, 0));
        }
        return s.toString();
    }

    /** /proc/PID/mountinfo (fs/proc_namespace.c: show_mountinfo). */
    static String mountinfo(Kernel kernel, Task task, isolab.sim.fs.Caller reader) {
        Task viewer = reader instanceof Task t ? t : task;
        StringBuilder s = new StringBuilder();
        var table = task.nsproxy().mnt().mounts();
        for (Mount m : table.mounts()) {
            String point = mountPoint(task, m);
            if (point == null) {
                continue;
            }
            // A namespace's root sits on a mount outside it (the rootfs it was pivoted from, or
            // its copy): mountinfo names that parent, which no line lists (measured).
            s.append(m.id()).append(' ').append(m.isRoot() ? table.rootfsId() : m.parent().id()).append(' ')
                    .append(m.sb().device()).append(' ').append(rootShown(m, viewer)).append(' ').append(escape(point))
                    .append(' ').append(m.options());
            if (!m.propagation().isEmpty()) {
                s.append(' ').append(m.propagation());
            }
            s.append(" - ").append(m.sb().fsType()).append(' ').append(m.sb().source()).append(' ')
                    .append(m.sb().superOptions()).append('\n');
        }
        return s.toString();
    }

    /** /proc/PID/mounts (fs/proc_namespace.c: show_vfsmnt). */
    static String mounts(Kernel kernel, Task task) {
        StringBuilder s = new StringBuilder();
        for (Mount m : task.nsproxy().mnt().mounts().mounts()) {
            String point = mountPoint(task, m);
            if (point == null) {
                continue;
            }
            s.append(m.sb().source()).append(' ').append(escape(point)).append(' ').append(m.sb().fsType()).append(' ')
                    .append(combinedOptions(m)).append(" 0 0\n");
        }
        return s.toString();
    }

    /** The options column of /proc/mounts: mount flags, then the superblock's own options. */
    public static String combinedOptions(Mount m) {
        String superOptions = m.sb().superOptions();
        int comma = superOptions.indexOf(',');
        // fs/proc_namespace.c: show_vfsmnt: "ro" if the mount or its superblock is read-only.
        String options = m.sb().readOnly() && m.options().startsWith("rw") ? "ro" + m.options().substring(2) : m.options();
        return comma < 0 ? options : options + superOptions.substring(comma);
    }

    private static String escape(String path) {
        return path.replace("\\", "\\134").replace(" ", "\\040").replace("\t", "\\011").replace("\n", "\\012");
    }

    /**
     * /proc/PID/cgroup (kernel/cgroup/cgroup.c: proc_cgroup_show): one line per hierarchy, newest
     * first, {@code id:controllers:path}, the path relative to the reader's cgroup namespace (with
     * {@code /..} above its root). On a v1 hierarchy an exiting task shows {@code /}; on the default
     * hierarchy it keeps its cgroup, {@code (deleted)} once that is removed.
     */
    static String cgroup(Kernel kernel, Task task, isolab.sim.fs.Caller reader) {
        Task viewer = reader instanceof Task t ? t : task;
        var ns = (isolab.sim.namespace.CgroupNamespace) viewer.nsproxy().cgroup();
        StringBuilder s = new StringBuilder();
        for (isolab.sim.cgroup.Hierarchy h : kernel.cgroups().hierarchies()) {
            isolab.sim.cgroup.Cgroup c = task.cgroups().in(h);
            s.append(h.id()).append(':').append(h.procName()).append(':');
            if (h.isDefault() || isolab.sim.cgroup.Cgroups.live(task)) {
                s.append(isolab.sim.cgroup.Cgroups.pathFrom(ns.root(h), c));
            } else {
                s.append('/');
            }
            if (h.isDefault() && c.isDead()) {
                s.append(" (deleted)");
            }
            s.append('\n');
        }
        return s.toString();
    }

    /** /proc/cgroups (kernel/cgroup/cgroup-v1.c: proc_cgroupstats_show). */
    static String cgroups(Kernel kernel) {
        StringBuilder s = new StringBuilder("#subsys_name\thierarchy\tnum_cgroups\tenabled\n");
        for (String name : isolab.sim.cgroup.Subsys.ALL) {
            isolab.sim.cgroup.Hierarchy h = kernel.cgroups().hierarchyOf(name);
            s.append(name).append('\t').append(h.id()).append('\t').append(h.liveCgroups()).append("\t1\n");
        }
        return s.toString();
    }

    /** /proc/stat: CPU times (zero: CPU time is not modelled yet) and the boot time. */
    static String stat(Kernel kernel) {
        StringBuilder s = new StringBuilder();
        s.append("cpu  0 0 0 0 0 0 0 0 0 0\ncpu0 0 0 0 0 0 0 0 0 0 0\ncpu1 0 0 0 0 0 0 0 0 0 0\n");
        s.append("intr 0\nctxt 0\nbtime ").append(Clock.BOOT_EPOCH_SECONDS).append('\n');
        s.append("processes ").append(kernel.pids().all().size()).append('\n');
        s.append("procs_running 1\nprocs_blocked 0\nsoftirq 0 0 0 0 0 0 0 0 0 0 0\n");
        return s.toString();
    }

    static String filesystems() {
        return isolab.sim.fs.mount.FileSystems.proc();
    }

    static String loadavg(Kernel kernel, PidNamespace ns) {
        int total = kernel.pids().all().size();
        int lastPid = ns.pidsInUse().isEmpty() ? 0 : ns.pidsInUse().last();
        return "0.00 0.00 0.00 1/" + total + " " + lastPid + "\n";
    }

    /** /proc/PID/timens_offsets of the task's time namespace for children (proc_timens_show_offsets). */
    static String timensOffsets(Task task) {
        var ns = (isolab.sim.namespace.TimeNamespace) task.nsproxy().timeForChildren();
        return String.format("%-10s %10d %9d%n%-10s %10d %9d%n", "monotonic", ns.monotonicSeconds(), ns.monotonicNanos(),
                "boottime", ns.boottimeSeconds(), ns.boottimeNanos());
    }

    /** /proc/uptime: CLOCK_BOOTTIME in the reader's time namespace; idle time is not offset. */
    static String uptime(Kernel kernel, isolab.sim.fs.Caller reader) {
        long offset = reader instanceof Task t && t.nsproxy().time() instanceof isolab.sim.namespace.TimeNamespace tn
                ? tn.boottimeOffsetMillis() : 0;
        long idleTicks = kernel.clock().nowTicks() / 10;
        long ticks = kernel.clock().nowTicks() + offset;
        long centis = ticks / 10;
        long idle = idleTicks * 2;
        return String.format("%d.%02d %d.%02d%n", centis / 100, centis % 100, idle / 100, idle % 100);
    }

    static String version() {
        return "Linux version " + Kernel.RELEASE + " (isolab@isolab) (isolab simulated kernel) " + Kernel.VERSION + "\n";
    }
}
