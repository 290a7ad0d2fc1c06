package isolab.sim.process;

/**
 * ptrace access checks (kernel/ptrace.c: __ptrace_may_access), as procfs applies them to
 * /proc/PID/ns/* (PTRACE_MODE_READ_FSCREDS): a task may look at itself, at a task whose real,
 * effective and saved ids all equal its own filesystem ids, or at any task with CAP_SYS_PTRACE
 * over the target's user namespace.
 *
 * <p>Simplifies: no dumpable flag, no Yama or other LSM restrictions.
 */
public final class Ptrace {

    /** CAP_SYS_PTRACE. */
    public static final int CAP_SYS_PTRACE = 19;

    private Ptrace() {
    }

    /** PTRACE_MODE_READ_FSCREDS: whether {@code caller} may inspect {@code target}. */
    public static boolean mayRead(Task caller, Task target) {
        if (caller == target) {
            return true;
        }
        Credentials c = caller.cred();
        Credentials t = target.cred();
        boolean sameIds = c.fsuid() == t.uid() && c.fsuid() == t.euid() && c.fsuid() == t.suid()
                && c.fsgid() == t.gid() && c.fsgid() == t.egid() && c.fsgid() == t.sgid();
        return sameIds || c.capableIn(t.userNs(), CAP_SYS_PTRACE);
    }
}
