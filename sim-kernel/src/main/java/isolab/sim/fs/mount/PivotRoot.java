package isolab.sim.fs.mount;

import isolab.api.MountEvent;
import isolab.sim.fs.Mount;
import isolab.sim.fs.MountTable;
import isolab.sim.fs.Path;
import isolab.sim.kernel.Kernel;
import isolab.sim.process.Task;
import isolab.sim.syscall.Errno;
import isolab.sim.syscall.SysException;

/**
 * pivot_root(2) (fs/namespace.c): the mount at {@code new_root} becomes the namespace's root and
 * the old root is hung on {@code put_old}, which must be at or below {@code new_root}; every task
 * whose root or working directory was the old root moves to the new one.
 */
public final class PivotRoot {

    private PivotRoot() {
    }

    /**
     * Pivots {@code caller}'s mount namespace from its root to {@code newRoot}, putting the old root
     * on {@code putOld}: EINVAL if a mount involved is shared, either path is not a mount point
     * where it must be, or {@code putOld} is not under {@code newRoot}; EBUSY if either is on the
     * current root mount itself.
     */
    public static void pivot(Kernel kernel, Task caller, Path newRoot, Path putOld) {
        Path root = caller.root();
        Mount newMnt = newRoot.mnt();
        Mount rootMnt = root.mnt();
        Mount oldMnt = putOld.mnt();
        MountTable ns = caller.nsproxy().mnt().mounts();
        if (oldMnt.isShared() || !newMnt.isRoot() && newMnt.parent().isShared()) {
            throw new SysException(Errno.EINVAL);
        }
        if (rootMnt.ns() != ns || newMnt.ns() != ns) {
            throw new SysException(Errno.EINVAL);
        }
        if (newMnt == rootMnt || oldMnt == rootMnt) {
            throw new SysException(Errno.EBUSY); // "loop, on the same file system"
        }
        if (!root.isMountRoot() || !newRoot.isMountRoot() || newMnt.isRoot()) {
            throw new SysException(Errno.EINVAL);
        }
        if (!reachable(putOld, newRoot) || !reachable(newRoot, root)) {
            throw new SysException(Errno.EINVAL);
        }
        newMnt.detachFromParent();
        rootMnt.attach(oldMnt, putOld.inode());
        ns.setRoot(newMnt);
        Path newTop = new Path(newMnt, newMnt.root());
        for (Task t : kernel.pids().all()) {
            if (same(t.root(), root)) {
                t.setRoot(newTop);
            }
            if (same(t.cwd(), root)) {
                t.setCwd(newTop);
            }
        }
        kernel.emit(new MountEvent.Mounted(ns.nsInode(), rootMnt.id(), rootMnt.sb().fsType(), rootMnt.sb().source(),
                MountPoints.fromTreeRoot(rootMnt), false));
        kernel.emit(new MountEvent.Mounted(ns.nsInode(), newMnt.id(), newMnt.sb().fsType(), newMnt.sb().source(), "/", false));
    }

    /** fs/namespace.c: is_path_reachable: whether {@code path} lies at or below {@code top}, crossing mounts upwards. */
    static boolean reachable(Path path, Path top) {
        Mount m = path.mnt();
        isolab.sim.fs.Inode at = path.inode();
        int guard = 0;
        while (m != top.mnt() && !m.isRoot() && ++guard < 4096) {
            at = CloneTree.anchor(m);
            m = m.parent();
        }
        return m == top.mnt() && Propagation.isSubdir(at, top.inode());
    }

    private static boolean same(Path a, Path b) {
        return a != null && a.mnt() == b.mnt() && a.inode() == b.inode();
    }
}
