package isolab.sim.fs;

import isolab.sim.namespace.UserNamespace;
import isolab.sim.process.Credentials;
import isolab.sim.syscall.Errno;
import isolab.sim.syscall.SysException;

/**
 * Changing an inode's owner (fs/open.c: chown_common; fs/attr.c: chown_ok, chgrp_ok). The new ids
 * are numbered in the caller's user namespace and must be mapped there (EINVAL). The owner may
 * give the file to a group it is in; anything else needs CAP_CHOWN, which counts only for an inode
 * whose owner and group are mapped in the caller's user namespace (capable_wrt_inode_uidgid).
 */
public final class Attr {

    /** CAP_CHOWN. */
    private static final int CAP_CHOWN = 0;

    /** S_ISUID and S_ISGID, cleared when a regular file changes owner (fs/attr.c: should_remove_suid). */
    private static final int S_ISUID = 04000;
    private static final int S_ISGID = 02000;

    private Attr() {
    }

    /** chown: {@code uid} or {@code gid} -1 leaves that id as it is. */
    public static void chown(Credentials c, Inode inode, int uid, int gid) {
        UserNamespace ns = c.userNs();
        long newUid = uid == -1 ? inode.uid() : ns.toKernel(uid, true);
        long newGid = gid == -1 ? inode.gid() : ns.toKernel(gid, false);
        if (newUid < 0 || newGid < 0) {
            throw new SysException(Errno.EINVAL);
        }
        if (inode instanceof Rendered) {
            // procfs and the other rendered files keep their owners (proc_setattr).
            throw new SysException(Errno.EPERM);
        }
        boolean privileged = c.capable(CAP_CHOWN) && ns.fromKernel(inode.uid(), true) >= 0
                && ns.fromKernel(inode.gid(), false) >= 0;
        boolean owner = inode.uid() == c.fsuid();
        boolean uidOk = newUid == inode.uid() && (owner || uid == -1) || privileged;
        boolean gidOk = newGid == inode.gid() && (owner || gid == -1)
                || owner && (newGid == c.fsgid() || c.groups().contains((int) newGid)) || privileged;
        if (!uidOk || !gidOk) {
            throw new SysException(Errno.EPERM);
        }
        if (inode.isRegular() && (uid != -1 || gid != -1)) {
            int mode = inode.mode() & 07777;
            mode &= ~S_ISUID;
            if ((mode & 010) != 0) {
                mode &= ~S_ISGID;
            }
            inode.chmod(mode);
        }
        inode.chown((int) newUid, (int) newGid);
    }
}
