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
        UserNamespace userNs, int securebits) {

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

    /** SECBIT_KEEP_CAPS (include/uapi/linux/securebits.h): keep permitted capabilities across a uid change. */
    public static final int SECBIT_KEEP_CAPS = 1 << 4;

    public Credentials {
        groups = List.copyOf(groups);
    }

    /** Credentials without securebits set (the form callers used before securebits were modelled). */
    public Credentials(int uid, int gid, int euid, int egid, int suid, int sgid, int fsuid, int fsgid, List<Integer> groups,
            long capInheritable, long capPermitted, long capEffective, long capBounding, long capAmbient,
            UserNamespace userNs) {
        this(uid, gid, euid, egid, suid, sgid, fsuid, fsgid, groups, capInheritable, capPermitted, capEffective,
                capBounding, capAmbient, userNs, 0);
    }

    /** Root with the machine's capability sets, in {@code userNs}. */
    public static Credentials root(UserNamespace userNs) {
        return new Credentials(0, 0, 0, 0, 0, 0, 0, 0, List.of(), 0, MACHINE_ROOT_CAPS, MACHINE_ROOT_CAPS,
                MACHINE_ROOT_CAPS, 0, userNs, 0);
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
                CAP_FULL_SET, 0, ns, securebits);
    }

    /**
     * The capability sets after execve of a program without file capabilities
     * (security/commoncap.c: cap_bprm_creds_from_file, handle_privileged_root): a real or
     * effective uid 0 of the user namespace gets the bounding and inheritable sets as permitted,
     * and an effective uid 0 has them effective too; the ambient set is added to the permitted
     * set and is all that a non-root program has effective. Keep-caps ends here.
     */
    public Credentials afterExec() {
        long root = userNs.toKernel(0, true);
        boolean effectiveRoot = root >= 0 && euid == root;
        boolean realRoot = root >= 0 && uid == root;
        long permitted = (effectiveRoot || realRoot ? capBounding | capInheritable : 0) | capAmbient;
        long effective = effectiveRoot ? permitted : capAmbient;
        return new Credentials(uid, gid, euid, egid, suid, sgid, fsuid, fsgid, groups, capInheritable, permitted, effective,
                capBounding, capAmbient, userNs, securebits & ~SECBIT_KEEP_CAPS);
    }

    /** A new ambient set (prctl PR_CAP_AMBIENT; the caller checked it lies in the permitted and inheritable sets). */
    public Credentials withAmbient(long ambient) {
        return new Credentials(uid, gid, euid, egid, suid, sgid, fsuid, fsgid, groups, capInheritable, capPermitted,
                capEffective, capBounding, ambient, userNs, securebits);
    }

    /**
     * New user ids (kernel ids; the caller checked permission), with the capability fixup of
     * security/commoncap.c: cap_emulate_setxuid: leaving root (uid 0 of the credentials' user
     * namespace) in all of real, effective and saved clears the permitted and effective sets unless
     * SECBIT_KEEP_CAPS; an effective uid leaving root clears the effective set, one becoming root
     * gets the permitted set as effective. fsuid follows euid.
     */
    public Credentials withUids(int newUid, int newEuid, int newSuid) {
        long root = userNs.toKernel(0, true);
        boolean wasRoot = uid == root || euid == root || suid == root;
        boolean staysRoot = newUid == root || newEuid == root || newSuid == root;
        long prm = capPermitted;
        long eff = capEffective;
        long amb = capAmbient;
        if (wasRoot && !staysRoot) {
            if ((securebits & SECBIT_KEEP_CAPS) == 0) {
                prm = 0;
                eff = 0;
            }
            amb = 0;
        }
        if (euid == root && newEuid != root) {
            eff = 0;
        }
        if (euid != root && newEuid == root) {
            eff = prm;
        }
        return new Credentials(newUid, gid, newEuid, egid, newSuid, sgid, newEuid, fsgid, groups, capInheritable, prm, eff,
                capBounding, amb, userNs, securebits);
    }

    /** New group ids (kernel ids; the caller checked permission); fsgid follows egid. */
    public Credentials withGids(int newGid, int newEgid, int newSgid) {
        return new Credentials(uid, newGid, euid, newEgid, suid, newSgid, fsuid, newEgid, groups, capInheritable,
                capPermitted, capEffective, capBounding, capAmbient, userNs, securebits);
    }

    /** New supplementary groups (kernel ids, sorted as groups_sort does). */
    public Credentials withGroups(List<Integer> newGroups) {
        List<Integer> sorted = new java.util.ArrayList<>(newGroups);
        sorted.sort(null);
        return new Credentials(uid, gid, euid, egid, suid, sgid, fsuid, fsgid, sorted, capInheritable, capPermitted,
                capEffective, capBounding, capAmbient, userNs, securebits);
    }

    /** New inheritable, permitted and effective sets (capset(2); the caller checked the rules). */
    public Credentials withCaps(long inheritable, long permitted, long effective) {
        return new Credentials(uid, gid, euid, egid, suid, sgid, fsuid, fsgid, groups, inheritable, permitted, effective,
                capBounding, capAmbient & permitted & inheritable, userNs, securebits);
    }

    /** New securebits (prctl PR_SET_KEEPCAPS, PR_SET_SECUREBITS). */
    public Credentials withSecurebits(int bits) {
        return new Credentials(uid, gid, euid, egid, suid, sgid, fsuid, fsgid, groups, capInheritable, capPermitted,
                capEffective, capBounding, capAmbient, userNs, bits);
    }

    /** These credentials in another user namespace with every capability there (userns_install: set_cred_user_ns). */
    public Credentials enteringUserNamespace(UserNamespace ns) {
        return new Credentials(uid, gid, euid, egid, suid, sgid, fsuid, fsgid, groups, 0, CAP_FULL_SET, CAP_FULL_SET,
                CAP_FULL_SET, 0, ns, securebits);
    }
}
