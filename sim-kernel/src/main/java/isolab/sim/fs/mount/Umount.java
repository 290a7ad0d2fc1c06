package isolab.sim.fs.mount;

import isolab.api.MountEvent;
import isolab.sim.fs.Mount;
import isolab.sim.fs.MountTable;
import isolab.sim.fs.OpenFile;
import isolab.sim.kernel.Kernel;
import isolab.sim.process.Task;
import isolab.sim.process.TaskState;
import isolab.sim.syscall.Errno;
import isolab.sim.syscall.SysException;
import java.util.ArrayList;
import java.util.List;

/**
 * Unmounting (fs/namespace.c: do_umount, umount_tree; fs/pnode.c: propagate_mount_busy,
 * propagate_umount): a mount in use is busy unless detached lazily; an unmount propagates to the
 * same mount point under every mount that receives propagation from the parent.
 */
public final class Umount {

    private Umount() {
    }

    /** umount2(2) of the mount {@code mnt}: EBUSY if it or a propagated copy is in use, unless {@code detach}. */
    public static void umount(Kernel kernel, Mount mnt, boolean detach) {
        if (!detach && busy(kernel, mnt)) {
            throw new SysException(Errno.EBUSY);
        }
        umountTree(kernel, mnt, true);
    }

    /**
     * fs/pnode.c: propagate_mount_busy(mnt, 2): whether {@code mnt} has submounts or users, or a
     * mount that would be unmounted with it by propagation has users.
     */
    static boolean busy(Kernel kernel, Mount mnt) {
        if (!CloneTree.subtree(mnt).equals(List.of(mnt)) || inUse(kernel, mnt)) {
            return true;
        }
        if (mnt.isRoot()) {
            return false;
        }
        for (Mount m : Propagation.receivers(mnt.parent())) {
            Mount child = Propagation.topOn(m, mnt.mountpoint());
            if (child == null || child.children().stream().anyMatch(c -> c.ns() != null)) {
                continue;
            }
            if (inUse(kernel, child)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a task's root or working directory, or an open file, is on {@code mnt} (a reference beyond the tree's). */
    static boolean inUse(Kernel kernel, Mount mnt) {
        for (Task t : kernel.pids().all()) {
            if (t.state() == TaskState.ZOMBIE || t.state() == TaskState.DEAD) {
                continue;
            }
            if (t.root() != null && t.root().mnt() == mnt || t.cwd() != null && t.cwd().mnt() == mnt) {
                return true;
            }
            for (int fd : t.files().fds()) {
                OpenFile f = t.files().get(fd);
                if (f.path() != null && f.path().mnt() == mnt) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * fs/namespace.c: umount_tree: takes {@code mnt} and every mount below it out of their
     * namespace (with {@code propagate}, also the mounts propagation takes with them); each becomes
     * private and leaves its parent, but a lazily unmounted tree keeps its own shape for the
     * processes still inside it.
     */
    public static void umountTree(Kernel kernel, Mount mnt, boolean propagate) {
        List<Mount> set = CloneTree.subtree(mnt);
        List<Mount> propagated = new ArrayList<>();
        if (propagate) {
            for (Mount c : Propagation.umountCandidates(set)) {
                for (Mount m : CloneTree.subtree(c)) {
                    if (!set.contains(m) && !propagated.contains(m)) {
                        propagated.add(m);
                    }
                }
            }
        }
        List<Mount> all = new ArrayList<>(set);
        all.addAll(propagated);
        List<String> where = new ArrayList<>();
        for (Mount p : all) {
            where.add(MountPoints.fromTreeRoot(p));
        }
        for (int i = 0; i < all.size(); i++) {
            Mount p = all.get(i);
            MountTable ns = p.ns();
            if (ns == null) {
                continue;
            }
            ns.remove(p);
            if (propagate) {
                kernel.emit(new MountEvent.Unmounted(ns.nsInode(), p.id(), where.get(i), propagated.contains(p)));
            }
        }
        for (Mount p : all) {
            if (!p.isRoot() && !all.contains(p.parent())) {
                p.detachFromParent();
            }
            Propagation.change(kernel, p, Propagation.Type.PRIVATE);
        }
    }
}
