package isolab.sim.process;

import isolab.api.ProcessEvent;
import isolab.sim.kernel.Kernel;
import isolab.sim.syscall.Errno;
import isolab.sim.syscall.SysException;

/**
 * Waiting for children (kernel/exit.c: do_wait, release_task): find a zombie child that matches,
 * reap it - free its PIDs at every level and forget it - and report its status.
 */
public final class Wait {

    /** waitpid(2) option: do not sleep. */
    public static final int WNOHANG = 1;

    /** waitpid(2) option: also report children that stopped. */
    public static final int WUNTRACED = 2;

    /** What wait reported: the child's PID in the caller's namespace and its wait status; PID 0 for none yet. */
    public record Reaped(int pid, int status) {
    }

    private Wait() {
    }

    /**
     * Waits for a child of {@code task}: {@code pid} -1 for any, a positive PID in the caller's
     * namespace for that one. ECHILD if there is no such child.
     */
    public static Reaped wait4(Kernel kernel, Task task, int pid, int options) {
        while (true) {
            boolean any = false;
            for (Task child : task.children) {
                if (pid > 0 && child.pidIn(task.pidNs()) != pid) {
                    continue;
                }
                any = true;
                if (child.state == TaskState.ZOMBIE) {
                    int nr = child.pidIn(task.pidNs());
                    int status = child.waitStatus;
                    release(kernel, task, child);
                    return new Reaped(nr, status);
                }
                if ((options & WUNTRACED) != 0 && child.state == TaskState.STOPPED && !child.stopReported) {
                    child.stopReported = true;
                    return new Reaped(child.pidIn(task.pidNs()), (child.stopSignal << 8) | 0x7f);
                }
            }
            if (!any) {
                throw new SysException(Errno.ECHILD);
            }
            if ((options & WNOHANG) != 0) {
                return new Reaped(0, 0);
            }
            task.sleepOn(task.childExit);
        }
    }

    /** Reaps zombie {@code child} of {@code parent} (release_task). */
    static void release(Kernel kernel, Task parent, Task child) {
        parent.children.remove(child);
        child.state = TaskState.DEAD;
        kernel.pids().remove(child);
        kernel.emit(new ProcessEvent.Reaped(child.pid(), parent.pid()));
        kernel.namespaces().releaseUnused(kernel);
    }
}
