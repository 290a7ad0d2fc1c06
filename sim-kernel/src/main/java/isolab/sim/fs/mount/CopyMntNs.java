package isolab.sim.fs.mount;

import isolab.sim.fs.Mount;
import isolab.sim.fs.MountTable;
import isolab.sim.fs.Path;
import isolab.sim.kernel.Kernel;
import java.util.ArrayList;
import java.util.List;

/**
 * A new mount namespace's mounts (fs/namespace.c: copy_mnt_ns): a copy of the whole tree, made
 * depth first so that the copy lists its mounts in tree order. The copies keep their originals'
 * propagation: a shared mount's copy is its peer, a slave's copy a slave of the same master
 * (unless the new namespace belongs to a new user namespace: then shared mounts give slaves).
 */
public final class CopyMntNs {

    private final List<Mount> originals;
    private final List<Mount> copies;

    private CopyMntNs(List<Mount> originals, List<Mount> copies) {
        this.originals = originals;
        this.copies = copies;
    }

    /** Copies the tree of {@code from} into the empty table {@code to}. */
    public static CopyMntNs copy(Kernel kernel, MountTable from, MountTable to, boolean newUserNs) {
        to.setRootfsId(kernel.nextMountId()); // the copy of the hidden rootfs comes first
        int flags = CloneTree.CL_COPY_UNBINDABLE | (newUserNs ? CloneTree.CL_SHARED_TO_SLAVE : 0);
        List<Mount> made = new ArrayList<>();
        Mount root = from.root();
        CloneTree.copyTree(kernel, root, root.root(), CloneTree.rootNameOf(root), flags, made);
        for (Mount m : made) {
            to.add(m);
        }
        to.setRoot(made.get(0));
        return new CopyMntNs(CloneTree.subtree(root), made);
    }

    /** {@code path} moved to the copy of its mount (copy_mnt_ns moves the caller's root and cwd); unchanged if not copied. */
    public Path translate(Path path) {
        if (path == null) {
            return null;
        }
        int at = originals.indexOf(path.mnt());
        return at < 0 ? path : new Path(copies.get(at), path.inode());
    }
}
