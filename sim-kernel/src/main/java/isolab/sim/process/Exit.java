package isolab.sim.process;

import isolab.api.ProcessEvent;
import isolab.sim.kernel.Kernel;
import isolab.sim.namespace.PidNamespace;
import java.util.List;

/**
 * Process death (kernel/exit.c: do_exit), run by the dying task itself: close its files, tear
 * down its PID namespace if it is that namespace's init (kernel/pid_namespace.c:
 * zap_pid_ns_processes), hand its children to the nearest init (forget_original_parent), become a
 * zombie and tell the parent with SIGCHLD (exit_notify).
 */
public final class Exit {

    private Exit() {
    }

    /** Ends {@code task} with wait status {@code waitStatus}; its fiber ends when this returns. */
    public static void doExit(Kernel kernel, Task task, int waitStatus) {
        task.exiting = true;
        task.pendingSignals = 0;
        task.caughtSignals = 0;
        task.files.closeAll();
        if (task.isNamespaceInit()) {
            zapPidNamespace(kernel, task);
        }
        forgetOriginalParent(kernel, task);
        task.waitStatus = waitStatus;
        task.state = TaskState.ZOMBIE;
        int signal = waitStatus & 0x7f;
        kernel.emit(new ProcessEvent.Exited(task.pid(), signal == 0 ? (waitStatus >> 8) & 0xff : 0, signal));
        kernel.namespaces().releaseUnused(kernel);
        Task parent = task.parent;
        if (parent != null) {
            Signals.send(kernel, parent, Signal.SIGCHLD, task);
            parent.childExit.wakeAll(kernel.scheduler());
        }
        kernel.onExit(task);
    }

    /**
     * kernel/pid_namespace.c: zap_pid_ns_processes: no task may enter the namespace any more,
     * every other task in it gets SIGKILL, and the dying init reaps until none is left.
     */
    static void zapPidNamespace(Kernel kernel, Task init) {
        PidNamespace ns = init.pidNs();
        ns.markInitDead();
        for (Task other : kernel.pids().visibleIn(ns)) {
            if (other != init) {
                Signals.force(kernel, other, Signal.SIGKILL, init);
            }
        }
        while (true) {
            Task zombie = firstZombieChild(init);
            if (zombie != null) {
                Wait.release(kernel, init, zombie);
                continue;
            }
            if (!othersAlive(kernel, init, ns)) {
                return;
            }
            init.state = TaskState.SLEEPING;
            init.childExit.sleep(kernel.scheduler());
            init.state = TaskState.RUNNING;
        }
    }

    private static Task firstZombieChild(Task task) {
        for (Task child : task.children) {
            if (child.state == TaskState.ZOMBIE) {
                return child;
            }
        }
        return null;
    }

    private static boolean othersAlive(Kernel kernel, Task init, PidNamespace ns) {
        for (Task other : kernel.pids().visibleIn(ns)) {
            if (other != init && (other.state != TaskState.ZOMBIE || other.parent == init)) {
                return true;
            }
        }
        return false;
    }

    /**
     * kernel/exit.c: forget_original_parent: the children go to the nearest living ancestor that
     * is a child subreaper in the same PID namespace (find_new_reaper), else to the init of the
     * dying task's PID namespace (find_child_reaper); zombies among them are announced to their
     * new parent.
     */
    static void forgetOriginalParent(Kernel kernel, Task task) {
        if (task.children.isEmpty()) {
            return;
        }
        Task reaper = subreaper(task);
        if (reaper == null) {
            reaper = kernel.pids().initOf(task.pidNs());
        }
        if (reaper == task || reaper == null) {
            reaper = outerReaper(kernel, task.pidNs());
        }
        List<Task> orphans = List.copyOf(task.children);
        task.children.clear();
        for (Task child : orphans) {
            if (child.pdeathSignal != 0) {
                // kernel/exit.c: reparent_leader: the parent-death signal, before the new parent is known.
                Signals.send(kernel, child, child.pdeathSignal, task);
            }
            child.parent = reaper;
            reaper.children.add(child);
            kernel.emit(new ProcessEvent.Reparented(child.pid(), task.pid(), reaper.pid()));
            if (child.state == TaskState.ZOMBIE) {
                Signals.send(kernel, reaper, Signal.SIGCHLD, child);
            }
        }
        reaper.childExit.wakeAll(kernel.scheduler());
    }

    /** kernel/exit.c: find_new_reaper: the nearest living subreaper ancestor below the namespace's init. */
    private static Task subreaper(Task task) {
        for (Task up = task.parent; up != null && up.pidNs() == task.pidNs() && !up.isNamespaceInit(); up = up.parent) {
            if (up.childSubreaper && !up.exiting) {
                return up;
            }
        }
        return null;
    }

    private static Task outerReaper(Kernel kernel, PidNamespace ns) {
        for (PidNamespace up = ns.parent(); up != null; up = up.parent()) {
            Task init = kernel.pids().initOf(up);
            if (init != null && !init.exiting) {
                return init;
            }
        }
        return kernel.pids().initOf(kernel.initialPidNamespace());
    }
}
