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

    /** Whether the effective set holds capability {@code cap}. */
    public boolean capable(int cap) {
        return (capEffective & (1L << cap)) != 0;
    }
}
