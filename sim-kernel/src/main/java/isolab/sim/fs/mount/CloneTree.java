package isolab.sim.fs.mount;

import isolab.sim.fs.Inode;
import isolab.sim.fs.Mount;
import isolab.sim.kernel.Kernel;
import isolab.sim.syscall.Errno;
import isolab.sim.syscall.SysException;
import java.util.ArrayList;
import java.util.List;

/**
 * Copies of mounts and mount trees (fs/namespace.c: clone_mnt, copy_tree): what a bind mount, a
 * new mount namespace and a propagated mount are made of. The CL_* flags choose how a copy relates
 * to its original in the propagation graph.
 */
public final class CloneTree {

    /** fs/pnode.h: the copy is a slave of the original. */
    public static final int CL_SLAVE = 0x02;
    /** Unbindable mounts are copied too (a new namespace), not skipped. */
    public static final int CL_COPY_UNBINDABLE = 0x04;
    /** The copy is shared: a peer of the original, or the first of a new group. */
    public static final int CL_MAKE_SHARED = 0x08;
    /** The copy is private. */
    public static final int CL_PRIVATE = 0x10;
    /** A shared original gives a slave copy (a namespace copied into a new user namespace). */
    public static final int CL_SHARED_TO_SLAVE = 0x20;

    private CloneTree() {
    }

    /**
     * fs/namespace.c: clone_mnt: a new, unattached mount of {@code old}'s filesystem showing
     * {@code root}, with {@code old}'s options, related to {@code old} as {@code flags} say.
     */
    public static Mount cloneMount(Kernel kernel, Mount old, Inode root, String rootName, int flags) {
        Mount mnt = new Mount(kernel.nextMountId(), old.sb(), root, rootName, null, null, old.options());
        if ((flags & CL_SLAVE) != 0 || (flags & CL_SHARED_TO_SLAVE) != 0 && old.isShared()) {
            mnt.setMaster(old);
        } else if ((flags & CL_PRIVATE) == 0) {
            if (old.isShared()) {
                mnt.joinPeersOf(old);
            }
            if (old.isSlave()) {
                mnt.setMasterAfter(old.master(), old);
            }
        }
        if ((flags & CL_MAKE_SHARED) != 0 && !mnt.isShared()) {
            mnt.startPeerGroup(kernel.groupIds().allocate());
        }
        mnt.setUnbindable(old.unbindable());
        return mnt;
    }

    /** A copy of {@code old} showing its own root. */
    public static Mount cloneMount(Kernel kernel, Mount old, int flags) {
        return cloneMount(kernel, old, old.root(), rootNameOf(old), flags);
    }

    /**
     * fs/namespace.c: copy_tree: a copy of {@code mnt} showing {@code root}, with copies of every
     * mount below it whose mount point lies under {@code root}, hung as the originals hang; EINVAL
     * for an unbindable {@code mnt} unless CL_COPY_UNBINDABLE, whose unbindable submounts are skipped.
     */
    public static Mount copyTree(Kernel kernel, Mount mnt, Inode root, int flags) {
        return copyTree(kernel, mnt, root, root == mnt.root() ? rootNameOf(mnt) : null, flags, new ArrayList<>());
    }

    /**
     * Like {@link #copyTree(Kernel, Mount, Inode, int)} for a root named {@code rootName} (a file;
     * null for a directory), listing every copy made, in the order made.
     */
    public static Mount copyTree(Kernel kernel, Mount mnt, Inode root, String rootName, int flags, List<Mount> made) {
        if ((flags & CL_COPY_UNBINDABLE) == 0 && mnt.unbindable()) {
            throw new SysException(Errno.EINVAL);
        }
        Mount res = cloneMount(kernel, mnt, root, rootName, flags);
        made.add(res);
        for (Mount child : mnt.children()) {
            if (child.ns() != mnt.ns() || !Propagation.isSubdir(anchor(child), root)) {
                continue;
            }
            copySubtree(kernel, child, res, flags, made);
        }
        return res;
    }

    private static void copySubtree(Kernel kernel, Mount s, Mount parentCopy, int flags, List<Mount> made) {
        if ((flags & CL_COPY_UNBINDABLE) == 0 && s.unbindable()) {
            return;
        }
        Mount q = cloneMount(kernel, s, flags);
        made.add(q);
        q.attach(parentCopy, s.mountpoint(), s.mountpointDir(), s.mountpointName());
        for (Mount child : s.children()) {
            if (child.ns() == s.ns()) {
                copySubtree(kernel, child, q, flags, made);
            }
        }
    }

    /** The directory a mount hangs on: its mount point, or the directory holding a file mount point. */
    static Inode anchor(Mount m) {
        return m.mountpointDir() != null ? m.mountpointDir() : m.mountpoint();
    }

    /** The fixed root name of a file mount (null for directories, whose path is computed). */
    static String rootNameOf(Mount m) {
        return m.root() instanceof isolab.sim.fs.Directory ? null : m.rootPath();
    }

    /**
     * Every mount of the tree under {@code top} in {@code top}'s namespace, {@code top} first, depth
     * first in attach order (next_mnt).
     */
    public static List<Mount> subtree(Mount top) {
        List<Mount> out = new ArrayList<>();
        collect(top, top.ns(), out);
        return out;
    }

    private static void collect(Mount m, Object ns, List<Mount> out) {
        out.add(m);
        for (Mount child : m.children()) {
            if (child.ns() == ns) {
                collect(child, ns, out);
            }
        }
    }
}
