package isolab.sim.process;

import isolab.api.NamespaceType;
import isolab.api.ProcessEvent;
import isolab.sim.kernel.Kernel;
import isolab.sim.namespace.NsProxy;
import isolab.sim.namespace.PidNamespace;
import isolab.sim.syscall.Errno;
import isolab.sim.syscall.SysException;
import java.util.function.ToIntFunction;

/**
 * Process creation (kernel/fork.c: copy_process). The child is a copy of the parent - credentials,
 * namespaces (new ones if asked), root and cwd, file table, signal dispositions, process group,
 * session and terminal - with new PIDs, one per PID namespace level, allocated innermost first
 * (kernel/pid.c: alloc_pid). The child starts runnable behind every task already runnable.
 */
public final class Fork {

    private Fork() {
    }

    /**
     * Creates a child of {@code parent} that runs {@code body} and exits with what it returns.
     * {@code cloneFlags} may hold CLONE_NEW* flags, which give the child new namespaces.
     */
    public static Task clone(Kernel kernel, Task parent, int cloneFlags, ToIntFunction<Task> body) {
        NsProxy ns = parent.nsproxy.forChild();
        Credentials cred = parent.cred;
        if ((cloneFlags & NamespaceType.USER.cloneFlag()) != 0) {
            cred = cred.inNewUserNamespace(kernel.namespaces().newUserNamespace(parent));
        }
        if (cloneFlags != 0) {
            ns = kernel.namespaces().copy(parent, ns, cloneFlags, true, cred.userNs());
        }
        PidNamespace pidNs = ns.pidForChildren();
        if ((cloneFlags & NamespaceType.PID.cloneFlag()) != 0 && pidNs.hasInit()) {
            throw new IllegalStateException("a fresh PID namespace already has tasks");
        }
        int[] nsPids = allocatePids(pidNs);
        try {
            kernel.cgroups().canFork(parent);   // kernel/fork.c: cgroup_can_fork, after alloc_pid
        } catch (SysException refused) {
            freePids(pidNs, nsPids);            // the numbers go back; the cursors have moved on
            throw refused;
        }
        Task child = new Task(kernel, nsPids[0], pidNs, nsPids, kernel.clock().nowTicks());
        child.parent = parent;
        child.comm = parent.comm;
        child.argv = parent.argv;
        child.environ = parent.environ;
        child.cred = cred;
        child.nsproxy = ns;
        child.cgroups = parent.cgroups;   // kernel/cgroup/cgroup.c: cgroup_post_fork: the parent's css_set
        child.root = cloneFlags != 0 ? kernel.namespaces().translate(parent.root) : parent.root;
        child.cwd = cloneFlags != 0 ? kernel.namespaces().translate(parent.cwd) : parent.cwd;
        child.files = parent.files.copy();
        child.umask = parent.umask;
        child.ignoredSignals = parent.ignoredSignals;
        child.caughtSignals = parent.caughtSignals;
        child.pgid = parent.pgid;
        child.sid = parent.sid;
        child.tty = parent.tty;
        if (ns.time() instanceof isolab.sim.namespace.TimeNamespace tn) {
            tn.markEntered();
        }
        parent.children.add(child);
        kernel.pids().add(child);
        kernel.emit(new ProcessEvent.Forked(child.pid(), parent.pid(), child.comm, child.nsPids()));
        start(kernel, child, body);
        return child;
    }

    /** Creates the machine's first task, PID 1 of the initial namespace; it has no parent. */
    public static Task first(Kernel kernel, NsProxy ns, Credentials cred, isolab.sim.fs.Path root,
            String comm, java.util.List<String> argv, ToIntFunction<Task> body) {
        PidNamespace pidNs = ns.pidForChildren();
        int[] nsPids = allocatePids(pidNs);
        Task init = new Task(kernel, nsPids[0], pidNs, nsPids, kernel.clock().nowTicks());
        init.comm = comm;
        init.argv = java.util.List.copyOf(argv);
        init.environ = java.util.List.of();
        init.cred = cred;
        init.nsproxy = ns;
        init.cgroups = kernel.cgroups().initial();
        init.root = root;
        init.cwd = root;
        init.files = new isolab.sim.fs.FdTable();
        init.pgid = init.pid();
        init.sid = init.pid();
        kernel.pids().add(init);
        start(kernel, init, body);
        return init;
    }

    /**
     * kernel/pid.c: alloc_pid: a number in every level, innermost first; then, if the namespace
     * no longer takes tasks (its init died: PIDNS_ADDING cleared), the numbers are given back and
     * the fork fails with ENOMEM - but the cyclic cursors have moved on, so the next PID in the
     * machine's namespace skips one (measured: a refused fork costs the machine a PID).
     */
    private static int[] allocatePids(PidNamespace innermost) {
        int[] nsPids = new int[innermost.level() + 1];
        PidNamespace ns = innermost;
        try {
            for (; ns != null; ns = ns.parent()) {
                nsPids[ns.level()] = ns.allocate();
            }
            if (innermost.initDead()) {
                throw new SysException(Errno.ENOMEM);
            }
        } catch (SysException failed) {
            for (PidNamespace undo = innermost; undo != ns; undo = undo.parent()) {
                undo.free(nsPids[undo.level()]);
            }
            throw failed;
        }
        return nsPids;
    }

    /** free_pid: gives back the numbers of a child that will not be made. */
    private static void freePids(PidNamespace innermost, int[] nsPids) {
        for (PidNamespace ns = innermost; ns != null; ns = ns.parent()) {
            ns.free(nsPids[ns.level()]);
        }
    }

    private static void start(Kernel kernel, Task task, ToIntFunction<Task> body) {
        task.fiber = kernel.scheduler().create(task.comm + "-" + task.pid(), () -> {
            int status;
            try {
                task.checkSignals();
                status = (body.applyAsInt(task) & 0xff) << 8;
            } catch (TaskExit exit) {
                status = exit.waitStatus();
            } catch (StackOverflowError overflow) {
                // Unbounded recursion in a program (f() { f; }; f): its stack is exhausted, and a
                // C program dies of SIGSEGV there.
                status = Signal.SIGSEGV;
            }
            Exit.doExit(kernel, task, status);
        });
        kernel.scheduler().wake(task.fiber);
    }

    /** Rejects clone flags this model does not implement. */
    static void checkFlags(int cloneFlags) {
        int known = 0;
        for (NamespaceType type : NamespaceType.values()) {
            known |= type.cloneFlag();
        }
        if ((cloneFlags & ~known) != 0) {
            throw new SysException(Errno.EINVAL);
        }
    }
}
