package isolab.sim.process;

import isolab.sim.syscall.Errno;
import isolab.sim.syscall.SysException;

/**
 * The prctl(2) operations the model has (kernel/sys.c: prctl): dropping a capability from the
 * bounding set (security/commoncap.c: cap_prctl_drop), the signal a task gets when its parent
 * dies, and marking a task a child subreaper, which adopts orphaned descendants before the
 * namespace's init does (kernel/exit.c: find_child_reaper).
 */
public final class Prctl {

    /** CAP_SETPCAP: needed to change the bounding set. */
    public static final int CAP_SETPCAP = 8;

    private Prctl() {
    }

    /** PR_CAPBSET_DROP: EPERM without CAP_SETPCAP in the task's user namespace, EINVAL for no such capability. */
    public static void capbsetDrop(Task task, int cap) {
        Credentials c = task.cred();
        if (!c.capable(CAP_SETPCAP)) {
            throw new SysException(Errno.EPERM);
        }
        if (cap < 0 || cap > Credentials.CAP_LAST_CAP) {
            throw new SysException(Errno.EINVAL);
        }
        task.setCred(new Credentials(c.uid(), c.gid(), c.euid(), c.egid(), c.suid(), c.sgid(), c.fsuid(), c.fsgid(),
                c.groups(), c.capInheritable(), c.capPermitted(), c.capEffective(), c.capBounding() & ~(1L << cap),
                c.capAmbient(), c.userNs()));
    }

    /** PR_CAPBSET_READ: whether {@code cap} is in the bounding set; EINVAL for no such capability. */
    public static boolean capbsetRead(Task task, int cap) {
        if (cap < 0 || cap > Credentials.CAP_LAST_CAP) {
            throw new SysException(Errno.EINVAL);
        }
        return (task.cred().capBounding() & (1L << cap)) != 0;
    }

    /** PR_SET_PDEATHSIG: {@code sig} is sent to the task when its parent dies (0 clears it); EINVAL for no such signal. */
    public static void setPdeathsig(Task task, int sig) {
        if (sig < 0 || sig > Signal.NSIG_STANDARD) {
            throw new SysException(Errno.EINVAL);
        }
        task.pdeathSignal = sig;
    }

    /** PR_SET_CHILD_SUBREAPER: the task adopts its orphaned descendants (not inherited by children). */
    public static void setChildSubreaper(Task task, boolean on) {
        task.childSubreaper = on;
    }

    /** prctl(PR_SET_NAME): the task's comm, at most 15 bytes (TASK_COMM_LEN 16 with the NUL). */
    public static void setName(Task task, String name) {
        task.comm = name.length() > 15 ? name.substring(0, 15) : name;
    }
}
