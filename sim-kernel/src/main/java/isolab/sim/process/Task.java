package isolab.sim.process;

import isolab.sim.fs.FdTable;
import isolab.sim.fs.IoContext;
import isolab.sim.fs.Path;
import isolab.sim.kernel.Kernel;
import isolab.sim.namespace.NsProxy;
import isolab.sim.namespace.PidNamespace;
import isolab.sim.sched.Fiber;
import isolab.sim.sched.Scheduler;
import isolab.sim.sched.WaitQueue;
import isolab.sim.syscall.Errno;
import isolab.sim.syscall.SysException;
import isolab.sim.tty.Tty;
import java.util.ArrayList;
import java.util.List;

/**
 * A task (include/linux/sched.h: struct task_struct): one process of the simulated machine, with
 * its PIDs, family, program, credentials, namespaces, files and signals. There are no threads: a
 * task is a thread group of one, so its TGID is its PID. It runs as one {@link Fiber}.
 */
public final class Task implements IoContext {

    final Kernel kernel;
    private final int pid;
    private final PidNamespace pidNs;
    private final int[] nsPids;
    private final long startTick;

    Task parent;
    final List<Task> children = new ArrayList<>();
    String comm;
    List<String> argv;
    List<String> environ;
    TaskState state = TaskState.RUNNING;
    int waitStatus;
    boolean exiting;
    Credentials cred;
    NsProxy nsproxy;
    isolab.sim.cgroup.CssSet cgroups;
    Path root;
    Path cwd;
    FdTable files;
    int umask = 022;
    long pendingSignals;
    long ignoredSignals;
    long caughtSignals;
    int pgid;
    int sid;
    Tty tty;
    Fiber fiber;
    final WaitQueue childExit = new WaitQueue();
    final WaitQueue stopWait = new WaitQueue();
    boolean readingCommand;
    int stopSignal;
    boolean stopReported = true;
    int promptStatus;
    String exe = "";
    /** prctl(PR_SET_CHILD_SUBREAPER): orphaned descendants come here before the namespace's init. */
    boolean childSubreaper;
    /** prctl(PR_SET_PDEATHSIG): the signal this task gets when its parent dies (0: none). */
    int pdeathSignal;

    Task(Kernel kernel, int pid, PidNamespace pidNs, int[] nsPids, long startTick) {
        this.kernel = kernel;
        this.pid = pid;
        this.pidNs = pidNs;
        this.nsPids = nsPids.clone();
        this.startTick = startTick;
    }

    /** The PID in the machine's initial PID namespace. */
    public int pid() {
        return pid;
    }

    /** The PID namespace the task belongs to (the innermost one it has a PID in). */
    public PidNamespace pidNs() {
        return pidNs;
    }

    /** The task's PID as seen from {@code ns}, or 0 if it is not visible there (pid_nr_ns). */
    public int pidIn(PidNamespace ns) {
        if (ns.level() > pidNs.level()) {
            return 0;
        }
        PidNamespace at = pidNs;
        while (at.level() > ns.level()) {
            at = at.parent();
        }
        return at == ns ? nsPids[ns.level()] : 0;
    }

    /** The PIDs at every level, outermost first (NSpid). */
    public List<Integer> nsPids() {
        List<Integer> list = new ArrayList<>();
        for (int nr : nsPids) {
            list.add(nr);
        }
        return list;
    }

    /** Whether the task adopts its orphaned descendants (prctl PR_SET_CHILD_SUBREAPER). */
    public boolean childSubreaper() {
        return childSubreaper;
    }

    /** Whether the task is PID 1 of its own namespace. */
    public boolean isNamespaceInit() {
        return nsPids[nsPids.length - 1] == 1;
    }

    /** The parent, or null for the machine's init. */
    public Task parent() {
        return parent;
    }

    /** The children, oldest first. */
    public List<Task> children() {
        return List.copyOf(children);
    }

    /** The command name, at most 15 characters (TASK_COMM_LEN - 1). */
    public String comm() {
        return comm;
    }

    /** The arguments of the current program; empty for a zombie. */
    public List<String> argv() {
        return state == TaskState.ZOMBIE ? List.of() : argv;
    }

    /** The absolute path of the running program's file (/proc/PID/exe). */
    public String exe() {
        return exe;
    }

    /** Records the path of the program file just exec'd. */
    public void setExe(String exe) {
        this.exe = exe;
    }

    /** The environment of the current program. */
    public List<String> environ() {
        return environ;
    }

    public TaskState state() {
        return state;
    }

    /** The status wait(2) will report, once a zombie. */
    public int waitStatus() {
        return waitStatus;
    }

    public Credentials cred() {
        return cred;
    }

    public void setCred(Credentials cred) {
        this.cred = cred;
    }

    /** The cgroups the task is in, one per hierarchy (task->cgroups). */
    public isolab.sim.cgroup.CssSet cgroups() {
        return cgroups;
    }

    /** Moves the task to other cgroups (cgroup_attach_task; the cgroup core checks the rules). */
    public void setCgroups(isolab.sim.cgroup.CssSet cgroups) {
        this.cgroups = cgroups;
    }

    /** Whether the task has begun to exit (PF_EXITING). */
    public boolean exiting() {
        return exiting;
    }

    public NsProxy nsproxy() {
        return nsproxy;
    }

    public void setNsproxy(NsProxy nsproxy) {
        this.nsproxy = nsproxy;
    }

    public Path root() {
        return root;
    }

    public void setRoot(Path root) {
        this.root = root;
    }

    public Path cwd() {
        return cwd;
    }

    public void setCwd(Path cwd) {
        this.cwd = cwd;
    }

    public FdTable files() {
        return files;
    }

    public int umask() {
        return umask;
    }

    public void setUmask(int umask) {
        this.umask = umask & 0777;
    }

    /** The process group, as a PID of the initial namespace. */
    public int pgid() {
        return pgid;
    }

    public void setPgid(int pgid) {
        this.pgid = pgid;
    }

    /** The session, as a PID of the initial namespace. */
    public int sid() {
        return sid;
    }

    public void setSid(int sid) {
        this.sid = sid;
    }

    /** The controlling terminal, or null. */
    public Tty tty() {
        return tty;
    }

    public void setTty(Tty tty) {
        this.tty = tty;
    }

    /** Virtual time the task was created, in ticks. */
    public long startTick() {
        return startTick;
    }

    /** The machine the task runs on. */
    public Kernel kernel() {
        return kernel;
    }

    /** Signals waiting to be delivered, as a mask. */
    public long pendingSignals() {
        return pendingSignals;
    }

    /** Signals set to SIG_IGN, as a mask. */
    public long ignoredSignals() {
        return ignoredSignals;
    }

    /** Signals the program handles itself, as a mask. */
    public long caughtSignals() {
        return caughtSignals;
    }

    /** Sets the disposition of {@code sig}: default, ignore, or caught by the program (sigaction). */
    public void setDisposition(int sig, boolean ignore, boolean catchIt) {
        long bit = Signal.bit(sig);
        ignoredSignals = ignore ? ignoredSignals | bit : ignoredSignals & ~bit;
        caughtSignals = catchIt ? caughtSignals | bit : caughtSignals & ~bit;
        if (ignore) {
            pendingSignals &= ~bit;
        }
    }

    /** Takes the caught signals that are pending, clearing them; the program handles them. */
    public long takeCaughtSignals() {
        long taken = pendingSignals & caughtSignals;
        pendingSignals &= ~taken;
        return taken;
    }

    /** Whether the task is sleeping in a read of a terminal for its next command (a shell's prompt). */
    public boolean readingCommand() {
        return readingCommand;
    }

    public void setReadingCommand(boolean readingCommand) {
        this.readingCommand = readingCommand;
    }

    /** The {@code $?} a shell reported when it last started reading a command line. */
    public int promptStatus() {
        return promptStatus;
    }

    public void setPromptStatus(int status) {
        this.promptStatus = status;
    }

    /** The fiber that runs the task. */
    public Fiber fiber() {
        return fiber;
    }

    /**
     * Acts on pending signals at a safe point (kernel/signal.c: get_signal): a fatal one ends the
     * task here, a stop signal stops it until SIGCONT, ignored ones are dropped; caught ones stay
     * pending for the program.
     */
    public void checkSignals() {
        while (true) {
            long actionable = pendingSignals & ~caughtSignals;
            if (actionable == 0) {
                return;
            }
            int sig = Long.numberOfTrailingZeros(actionable) + 1;
            if ((actionable & Signal.bit(Signal.SIGKILL)) != 0) {
                sig = Signal.SIGKILL;
            }
            pendingSignals &= ~Signal.bit(sig);
            if (Signal.ignoredByDefault(sig) || (ignoredSignals & Signal.bit(sig)) != 0) {
                continue;
            }
            if (Signal.stopsByDefault(sig)) {
                stop(sig);
                continue;
            }
            throw new TaskExit(Signal.dumpsCore(sig) ? sig | 0x80 : sig);
        }
    }

    private void stop(int sig) {
        state = TaskState.STOPPED;
        stopSignal = sig;
        stopReported = false;
        if (parent != null) {
            Signals.send(kernel, parent, Signal.SIGCHLD, this);
            parent.childExit.wakeAll(kernel.scheduler());
        }
        while (state == TaskState.STOPPED) {
            if ((pendingSignals & Signal.bit(Signal.SIGKILL)) != 0) {
                state = TaskState.RUNNING;
                break;
            }
            kernel.scheduler().block();
        }
        checkSignals();
    }

    /** Continues a stopped task (SIGCONT). */
    void resume() {
        if (state == TaskState.STOPPED) {
            state = TaskState.RUNNING;
            kernel.scheduler().wake(fiber);
        }
    }

    /** Whether a signal the program catches is pending (it interrupts sleeps with EINTR). */
    public boolean caughtSignalPending() {
        return (pendingSignals & caughtSignals) != 0;
    }

    @Override
    public void sleepOn(WaitQueue queue) {
        checkSignals();
        if (caughtSignalPending()) {
            throw new SysException(Errno.EINTR);
        }
        state = TaskState.SLEEPING;
        try {
            queue.sleep(kernel.scheduler());
        } finally {
            state = TaskState.RUNNING;
        }
        checkSignals();
        if (caughtSignalPending()) {
            throw new SysException(Errno.EINTR);
        }
    }

    /**
     * Sleeps on {@code queue} in state D (TASK_KILLABLE, as mem_cgroup_oom_synchronize does)
     * until woken; only SIGKILL interrupts it, ending the task.
     */
    public void sleepKillable(WaitQueue queue) {
        checkSignals();
        state = TaskState.DISK_SLEEP;
        try {
            queue.sleep(kernel.scheduler());
        } finally {
            state = TaskState.RUNNING;
        }
        if ((pendingSignals & Signal.bit(Signal.SIGKILL)) != 0) {
            checkSignals();
        }
    }

    @Override
    public void pageCacheRead(isolab.sim.fs.RegularFile file, long offset, int length) {
        file.mapping().read(kernel.memory(), this, offset, length);
    }

    @Override
    public void shmemWrite(isolab.sim.fs.RegularFile file, long offset, int length) {
        file.mapping().shmemWrite(kernel.memory(), this, offset, length);
    }

    @Override
    public void shmemRead(isolab.sim.fs.RegularFile file, long offset, int length) {
        file.mapping().shmemRead(kernel.memory(), this, offset, length);
    }

    /** Sleeps until one of the task's children exits or a child is reparented to it. */
    public void sleepOnChildren() {
        sleepOn(childExit);
    }

    /**
     * Sleeps until virtual time {@code tick}; EINTR if a caught signal comes first. A stop and
     * continue in between does not end the sleep early (the kernel restarts nanosleep).
     */
    public void sleepUntil(long tick) {
        while (kernel.clock().nowTicks() < tick) {
            checkSignals();
            if (caughtSignalPending()) {
                throw new SysException(Errno.EINTR);
            }
            state = TaskState.SLEEPING;
            try {
                kernel.scheduler().sleepUntil(tick);
            } finally {
                state = TaskState.RUNNING;
            }
        }
        checkSignals();
    }

    @Override
    public void checkTerminalRead(Object terminal, int foregroundPgrp) {
        if (terminal != tty || foregroundPgrp == 0 || foregroundPgrp == pgid) {
            return;
        }
        long ttin = Signal.bit(Signal.SIGTTIN);
        if ((ignoredSignals & ttin) != 0) {
            throw new SysException(Errno.EIO);
        }
        for (Task member : kernel.pids().all()) {
            if (member.pgid == pgid) {
                Signals.send(kernel, member, Signal.SIGTTIN, this);
            }
        }
        checkSignals();
        if (caughtSignalPending()) {
            throw new SysException(Errno.EINTR);
        }
    }

    @Override
    public void raiseSigpipe() {
        Signals.send(kernel, this, Signal.SIGPIPE, this);
    }

    @Override
    public Scheduler scheduler() {
        return kernel.scheduler();
    }

    @Override
    public long nowTicks() {
        return kernel.clock().nowTicks();
    }

    @Override
    public int euid() {
        return cred.euid();
    }

    @Override
    public String toString() {
        return comm + "[" + pid + "]";
    }
}
