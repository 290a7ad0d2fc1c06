package isolab.sim.fs.mount;

import isolab.api.MountEvent;
import isolab.sim.fs.Directory;
import isolab.sim.fs.Inode;
import isolab.sim.fs.Mount;
import isolab.sim.fs.MountTable;
import isolab.sim.kernel.Kernel;
import java.util.List;

/**
 * Attaching a tree of new mounts to a namespace (fs/namespace.c: graft_tree,
 * attach_recursive_mnt): under a shared mount the tree becomes shared and a copy of it is
 * attached at every mount that receives propagation from there.
 */
public final class Graft {

    private Graft() {
    }

    /**
     * Attaches the unattached tree {@code source} on {@code mountpoint} of {@code dest} (for a file
     * mount point: the file {@code mpName} in {@code mpDir}), then the propagated copies; every mount
     * of it joins the namespace of the mount it hangs on and is announced.
     */
    public static void attach(Kernel kernel, Mount source, Mount dest, Inode mountpoint, Directory mpDir, String mpName) {
        List<Mount> tree = CloneTree.subtree(source);
        List<Mount> copies = propagateUnder(kernel, dest, tree, mountpoint, mpDir, mpName, source);
        source.attach(dest, mountpoint, mpDir, mpName);
        commit(kernel, dest.ns(), tree, false);
        for (Mount copy : copies) {
            commit(kernel, copy.parent().ns(), List.of(copy), true);
        }
    }

    /**
     * Under a shared {@code dest}, every mount of {@code tree} not yet shared starts a peer group and
     * copies of {@code source} propagate to dest's peers and slaves; returns the copies (none under
     * a mount that is not shared).
     */
    private static List<Mount> propagateUnder(Kernel kernel, Mount dest, List<Mount> tree, Inode mountpoint,
            Directory mpDir, String mpName, Mount source) {
        if (!dest.isShared()) {
            return List.of();
        }
        for (Mount p : tree) {
            if (!p.isShared()) {
                p.startPeerGroup(kernel.groupIds().allocate());
            }
        }
        return Propagation.propagate(kernel, dest, mountpoint, mpDir, mpName, source);
    }

    /**
     * fs/namespace.c: attach_recursive_mnt with a moved tree: {@code mnt} leaves its place and
     * hangs on {@code mountpoint} of {@code dest}, keeping its place in the namespace's list;
     * under a shared mount it becomes shared and copies of it propagate.
     */
    public static void move(Kernel kernel, Mount mnt, Mount dest, Inode mountpoint, Directory mpDir, String mpName) {
        List<Mount> tree = CloneTree.subtree(mnt);
        String from = MountPoints.fromTreeRoot(mnt);
        List<Mount> copies = propagateUnder(kernel, dest, tree, mountpoint, mpDir, mpName, mnt);
        mnt.attach(dest, mountpoint, mpDir, mpName);
        MountTable ns = dest.ns();
        kernel.emit(new MountEvent.Unmounted(ns.nsInode(), mnt.id(), from, false));
        kernel.emit(new MountEvent.Mounted(ns.nsInode(), mnt.id(), mnt.sb().fsType(), mnt.sb().source(),
                MountPoints.fromTreeRoot(mnt), false));
        for (Mount copy : copies) {
            commit(kernel, copy.parent().ns(), List.of(copy), true);
        }
    }

    /** Puts {@code mounts} into {@code ns} in order and announces each. */
    static void commit(Kernel kernel, MountTable ns, List<Mount> mounts, boolean propagated) {
        for (Mount m : mounts) {
            ns.add(m);
            kernel.emit(new MountEvent.Mounted(ns.nsInode(), m.id(), m.sb().fsType(), m.sb().source(),
                    MountPoints.fromTreeRoot(m), propagated));
        }
    }
}
