package isolab.sim.process;

import isolab.api.ProcessEvent;
import isolab.sim.kernel.Kernel;
import isolab.sim.namespace.PidNamespace;
import isolab.sim.syscall.Errno;
import isolab.sim.syscall.SysException;
import java.util.ArrayList;
import java.util.List;

/**
 * Sending signals (kernel/signal.c): kill(2)'s target selection and permission check, and the
 * rules that decide whether a signal is delivered - a namespace init ignores signals it has no
 * handler for, except SIGKILL and SIGSTOP sent from an ancestor namespace (sig_task_ignored,
 * SIGNAL_UNKILLABLE).
 */
public final class Signals {

    private Signals() {
    }

    /**
     * kill(2) from {@code sender}: {@code pid} > 0 one process, 0 the sender's process group,
     * -1 every process the sender may signal but itself and its init, < -1 the group -pid.
     */
    public static void kill(Kernel kernel, Task sender, int pid, int sig) {
        List<Task> targets = targets(kernel, sender, pid);
        if (targets.isEmpty()) {
            throw new SysException(Errno.ESRCH);
        }
        // kernel/signal.c: check_kill_permission -> valid_signal, after the target was found.
        if (sig < 0 || sig > Signal.NSIG_STANDARD) {
            throw new SysException(Errno.EINVAL);
        }
        boolean permitted = false;
        for (Task target : targets) {
            if (!mayKill(sender, target)) {
                continue;
            }
            permitted = true;
            if (sig != 0) {
                send(kernel, target, sig, sender);
            }
        }
        if (!permitted) {
            throw new SysException(Errno.EPERM);
        }
    }

    private static List<Task> targets(Kernel kernel, Task sender, int pid) {
        PidNamespace ns = sender.pidNs();
        List<Task> targets = new ArrayList<>();
        if (pid > 0) {
            Task t = kernel.pids().find(ns, pid);
            if (t != null) {
                targets.add(t);
            }
        } else if (pid == -1) {
            for (Task t : kernel.pids().visibleIn(ns)) {
                if (t != sender && t.pidIn(ns) != 1 && t.state != TaskState.DEAD) {
                    targets.add(t);
                }
            }
        } else {
            int pgid = pid == 0 ? sender.pgid : groupLeaderPid(kernel, ns, -pid);
            for (Task t : kernel.pids().visibleIn(ns)) {
                if (t.pgid == pgid && pgid != 0) {
                    targets.add(t);
                }
            }
        }
        return targets;
    }

    private static int groupLeaderPid(Kernel kernel, PidNamespace ns, int nr) {
        Task leader = kernel.pids().find(ns, nr);
        return leader == null ? 0 : leader.pid();
    }

    private static boolean mayKill(Task sender, Task target) {
        Credentials c = sender.cred();
        Credentials t = target.cred();
        return c.capableIn(t.userNs(), Credentials.CAP_KILL) || c.euid() == t.suid() || c.euid() == t.uid()
                || c.uid() == t.suid() || c.uid() == t.uid();
    }

    /** Delivers {@code sig} to {@code target} from {@code sender} (send_signal), by the rules above. */
    public static void send(Kernel kernel, Task target, int sig, Task sender) {
        boolean delivered = deliverable(target, sig, sender);
        if (sig != Signal.SIGCHLD) {
            kernel.emit(new ProcessEvent.Signalled(target.pid(), sender == null ? 0 : sender.pid(), sig, delivered));
        }
        if (delivered) {
            post(kernel, target, sig);
        }
    }

    /** Delivers {@code sig} unconditionally (the kernel's own SIGKILL, as in zap_pid_ns_processes). */
    public static void force(Kernel kernel, Task target, int sig, Task sender) {
        if (target.state == TaskState.ZOMBIE || target.state == TaskState.DEAD || target.exiting) {
            return;
        }
        kernel.emit(new ProcessEvent.Signalled(target.pid(), sender.pid(), sig, true));
        post(kernel, target, sig);
    }

    private static boolean deliverable(Task target, int sig, Task sender) {
        if (target.state == TaskState.ZOMBIE || target.state == TaskState.DEAD || target.exiting) {
            return false;
        }
        long bit = Signal.bit(sig);
        boolean caught = (target.caughtSignals & bit) != 0;
        if (target.isNamespaceInit() && sig != 0) {
            // kernel/signal.c: sig_task_ignored: an init is unkillable from inside its namespace.
            boolean fromOutside = sender != null && sender.pidIn(target.pidNs()) == 0;
            boolean forcible = sig == Signal.SIGKILL || sig == Signal.SIGSTOP;
            if (!caught && !(fromOutside && forcible)) {
                return false;
            }
        }
        if (sig == Signal.SIGKILL || sig == Signal.SIGSTOP || sig == Signal.SIGCONT) {
            return true;
        }
        if ((target.ignoredSignals & bit) != 0) {
            return false;
        }
        return caught || !Signal.ignoredByDefault(sig);
    }

    private static void post(Kernel kernel, Task target, int sig) {
        if (sig == Signal.SIGCONT) {
            target.pendingSignals &= ~(Signal.bit(Signal.SIGSTOP) | Signal.bit(Signal.SIGTSTP)
                    | Signal.bit(Signal.SIGTTIN) | Signal.bit(Signal.SIGTTOU));
            target.resume();
            if ((target.caughtSignals & Signal.bit(sig)) == 0) {
                return;
            }
        }
        target.pendingSignals |= Signal.bit(sig);
        boolean wakes = sig == Signal.SIGKILL || (target.caughtSignals & Signal.bit(sig)) != 0
                || !Signal.ignoredByDefault(sig);
        if (wakes && target.state != TaskState.STOPPED) {
            kernel.scheduler().wake(target.fiber);
        } else if (sig == Signal.SIGKILL) {
            kernel.scheduler().wake(target.fiber);
        }
    }
}
