package isolab.sim.process;

import isolab.sim.namespace.UserNamespace;
import java.util.List;

/**
 * A task's credentials (include/linux/cred.h): user and group ids, supplementary groups, the five
 * capability sets, and the user namespace they are interpreted in. Immutable: changes make a
 * new record, as commit_creds(9) installs a new struct cred.
 */
public record Credentials(
        int uid, int gid, int euid, int egid, int suid, int sgid, int fsuid, int fsgid, List<Integer> groups,
        long capInheritable, long capPermitted, long capEffective, long capBounding, long capAmbient,
        UserNamespace userNs) {

    /** CAP_LAST_CAP on Linux 6.18: CAP_CHECKPOINT_RESTORE (40). */
    public static final int CAP_LAST_CAP = 40;

    /** Every capability up to CAP_LAST_CAP. */
    public static final long CAP_FULL_SET = (1L << (CAP_LAST_CAP + 1)) - 1;

    /** CAP_SYS_RESOURCE, which the lab machines' root lacks (measured: CapBnd 000001fffeffffff). */
    public static final int CAP_SYS_RESOURCE = 24;

    /** CAP_SYS_ADMIN: mount, sethostname, unshare and setns of most namespaces. */
    public static final int CAP_SYS_ADMIN = 21;

    /** CAP_KILL: signal any process. */
    public static final int CAP_KILL = 5;

    /** The capability sets root has on the lab machine. */
    public static final long MACHINE_ROOT_CAPS = CAP_FULL_SET & ~(1L << CAP_SYS_RESOURCE);

    public Credentials {
        groups = List.copyOf(groups);
    }

    /** Root with the machine's capability sets, in {@code userNs}. */
    public static Credentials root(UserNamespace userNs) {
        return new Credentials(0, 0, 0, 0, 0, 0, 0, 0, List.of(), 0, MACHINE_ROOT_CAPS, MACHINE_ROOT_CAPS,
                MACHINE_ROOT_CAPS, 0, userNs);
    }

    /** CAP_DAC_OVERRIDE: bypass file permission checks. */
    public static final int CAP_DAC_OVERRIDE = 1;

    /** CAP_SETUID: write arbitrary uid maps. */
    public static final int CAP_SETUID = 7;

    /** CAP_SETGID: write arbitrary gid maps. */
    public static final int CAP_SETGID = 6;

    /** CAP_SYS_CHROOT. */
    public static final int CAP_SYS_CHROOT = 18;

    /** Whether the effective set holds capability {@code cap} (in the credentials' own user namespace). */
    public boolean capable(int cap) {
        return capableIn(userNs, cap);
    }

    /**
     * Whether these credentials have {@code cap} over namespace {@code target}
     * (security/commoncap.c: cap_capable): in their own user namespace per the effective set;
     * in a descendant they own, all capabilities; elsewhere none.
     */
    public boolean capableIn(UserNamespace target, int cap) {
        for (UserNamespace ns = target; ns != null; ns = ns.parent()) {
            if (ns == userNs) {
                return (capEffective & (1L << cap)) != 0;
            }
            if (ns.level() <= userNs.level()) {
                return false;
            }
            if (ns.parent() == userNs && ns.ownerKuid() == euid) {
                return true;
            }
        }
        return false;
    }

    /** These credentials in a new user namespace, with every capability there (set_cred_user_ns). */
    public Credentials inNewUserNamespace(UserNamespace ns) {
        return new Credentials(uid, gid, euid, egid, suid, sgid, fsuid, fsgid, groups, 0, CAP_FULL_SET, CAP_FULL_SET,
                CAP_FULL_SET, 0, ns);
    }

    /**
     * The capability sets after execve (security/commoncap.c: cap_bprm_creds_from_file): root in
     * its user namespace gets the bounding set, anyone else none.
     */
    public Credentials afterExec() {
        boolean root = userNs.fromKernel(euid, true) == 0;
        long caps = root ? capBounding : 0;
        return new Credentials(uid, gid, euid, egid, suid, sgid, fsuid, fsgid, groups, 0, caps, caps, capBounding, 0,
                userNs);
    }
}
