package isolab.sim.process;

import isolab.sim.namespace.UserNamespace;
import isolab.sim.syscall.Errno;
import isolab.sim.syscall.SysException;
import java.util.ArrayList;
import java.util.List;

/**
 * Changing a task's credentials (kernel/sys.c: __sys_setresuid, __sys_setresgid, __sys_setuid,
 * __sys_setgid; kernel/groups.c: setgroups; kernel/capability.c: capset; security/commoncap.c).
 * Ids come in as the caller's user namespace numbers them: one without a mapping there is EINVAL
 * (make_kuid); -1 leaves an id unchanged. Without CAP_SETUID/CAP_SETGID in its own user namespace a
 * task may only shuffle the ids it already has (EPERM otherwise).
 */
public final class SetId {

    /** An id argument that leaves the id as it is. */
    public static final int UNCHANGED = -1;

    /** NGROUPS_MAX. */
    private static final int NGROUPS_MAX = 65536;

    /** CAP_SETPCAP: capset may raise inheritable capabilities up to the bounding set. */
    private static final int CAP_SETPCAP = 8;

    private SetId() {
    }

    /** setresuid(2). */
    public static void setresuid(Task task, int ruid, int euid, int suid) {
        Credentials old = task.cred();
        int[] k = kernelIds(old.userNs(), true, ruid, euid, suid);
        int r = ruid == UNCHANGED ? old.uid() : k[0];
        int e = euid == UNCHANGED ? old.euid() : k[1];
        int s = suid == UNCHANGED ? old.suid() : k[2];
        if (!old.capable(Credentials.CAP_SETUID)) {
            List<Integer> mine = List.of(old.uid(), old.euid(), old.suid());
            if (!mine.contains(r) || !mine.contains(e) || !mine.contains(s)) {
                throw new SysException(Errno.EPERM);
            }
        }
        task.setCred(old.withUids(r, e, s));
    }

    /** setresgid(2). */
    public static void setresgid(Task task, int rgid, int egid, int sgid) {
        Credentials old = task.cred();
        int[] k = kernelIds(old.userNs(), false, rgid, egid, sgid);
        int r = rgid == UNCHANGED ? old.gid() : k[0];
        int e = egid == UNCHANGED ? old.egid() : k[1];
        int s = sgid == UNCHANGED ? old.sgid() : k[2];
        if (!old.capable(Credentials.CAP_SETGID)) {
            List<Integer> mine = List.of(old.gid(), old.egid(), old.sgid());
            if (!mine.contains(r) || !mine.contains(e) || !mine.contains(s)) {
                throw new SysException(Errno.EPERM);
            }
        }
        task.setCred(old.withGids(r, e, s));
    }

    /** setuid(2): with CAP_SETUID all four uids, otherwise the effective one, to the real or saved uid. */
    public static void setuid(Task task, int uid) {
        Credentials old = task.cred();
        int k = kernelIds(old.userNs(), true, uid)[0];
        if (old.capable(Credentials.CAP_SETUID)) {
            task.setCred(old.withUids(k, k, k));
        } else if (k == old.uid() || k == old.suid()) {
            task.setCred(old.withUids(old.uid(), k, old.suid()));
        } else {
            throw new SysException(Errno.EPERM);
        }
    }

    /** setgid(2): with CAP_SETGID all four gids, otherwise the effective one, to the real or saved gid. */
    public static void setgid(Task task, int gid) {
        Credentials old = task.cred();
        int k = kernelIds(old.userNs(), false, gid)[0];
        if (old.capable(Credentials.CAP_SETGID)) {
            task.setCred(old.withGids(k, k, k));
        } else if (k == old.gid() || k == old.sgid()) {
            task.setCred(old.withGids(old.gid(), k, old.sgid()));
        } else {
            throw new SysException(Errno.EPERM);
        }
    }

    /**
     * setgroups(2): needs CAP_SETGID and a user namespace whose gid_map is written and whose
     * setgroups is not denied (kernel/groups.c: may_setgroups, userns_may_setgroups).
     */
    public static void setgroups(Task task, List<Integer> gids) {
        Credentials old = task.cred();
        if (gids.size() > NGROUPS_MAX) {
            throw new SysException(Errno.EINVAL);
        }
        UserNamespace ns = old.userNs();
        boolean gidMapWritten = ns.parent() == null || !ns.gidMap().isEmpty();
        if (!old.capable(Credentials.CAP_SETGID) || !gidMapWritten || !ns.setgroupsAllowed()) {
            throw new SysException(Errno.EPERM);
        }
        List<Integer> kernel = new ArrayList<>();
        for (int gid : gids) {
            kernel.add(kernelIds(ns, false, gid)[0]);
        }
        task.setCred(old.withGroups(kernel));
    }

    /**
     * capset(2) (security/commoncap.c: cap_capset): the new permitted set within the old one, the
     * effective set within the new permitted one, the inheritable set within the old inheritable
     * and permitted sets (the bounding set with CAP_SETPCAP) and always within the bounding set.
     */
    public static void capset(Task task, long inheritable, long permitted, long effective) {
        Credentials old = task.cred();
        long inheritableLimit = old.capInheritable()
                | (old.capable(CAP_SETPCAP) ? old.capBounding() : old.capPermitted());
        if ((inheritable & ~inheritableLimit) != 0 || (inheritable & ~(old.capInheritable() | old.capBounding())) != 0
                || (permitted & ~old.capPermitted()) != 0 || (effective & ~permitted) != 0) {
            throw new SysException(Errno.EPERM);
        }
        task.setCred(old.withCaps(inheritable, permitted, effective));
    }

    /**
     * prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_RAISE): EINVAL for no such capability, EPERM unless it
     * is both permitted and inheritable (kernel/sys.c, security/commoncap.c: cap_task_prctl).
     */
    public static void ambientRaise(Task task, int cap) {
        Credentials old = task.cred();
        if (cap < 0 || cap > Credentials.CAP_LAST_CAP) {
            throw new SysException(Errno.EINVAL);
        }
        long bit = 1L << cap;
        if ((old.capPermitted() & bit) == 0 || (old.capInheritable() & bit) == 0) {
            throw new SysException(Errno.EPERM);
        }
        task.setCred(old.withAmbient(old.capAmbient() | bit));
    }

    /** prctl(PR_SET_KEEPCAPS): keep the permitted set when no uid stays root (until the next execve). */
    public static void keepCaps(Task task, boolean keep) {
        Credentials old = task.cred();
        int bits = keep ? old.securebits() | Credentials.SECBIT_KEEP_CAPS : old.securebits() & ~Credentials.SECBIT_KEEP_CAPS;
        task.setCred(old.withSecurebits(bits));
    }

    /** make_kuid/make_kgid for each id but -1; EINVAL for an id the namespace does not map. */
    private static int[] kernelIds(UserNamespace ns, boolean uid, int... ids) {
        int[] k = new int[ids.length];
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] == UNCHANGED) {
                k[i] = UNCHANGED;
                continue;
            }
            long kid = ids[i] < 0 ? -1 : ns.toKernel(ids[i], uid);
            if (kid < 0) {
                throw new SysException(Errno.EINVAL);
            }
            k[i] = (int) kid;
        }
        return k;
    }
}
