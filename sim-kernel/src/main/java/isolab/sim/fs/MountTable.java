package isolab.sim.fs;

import java.util.ArrayList;
import java.util.List;

/**
 * The mounts of one mount namespace (fs/mount.h: struct mnt_namespace), in the order mountinfo
 * lists them: the order they were made in (Linux keeps them in a tree sorted by their unique id).
 * The namespace's root mount sits on a hidden rootfs mount that no line lists but whose id
 * mountinfo gives as the root's parent.
 */
public final class MountTable {

    private final List<Mount> mounts = new ArrayList<>();
    private final long nsInode;
    private int rootfsId;
    private Mount root;

    /** An empty table for the mount namespace with nsfs inode {@code nsInode}. */
    public MountTable(long nsInode) {
        this.nsInode = nsInode;
    }

    public MountTable() {
        this(0);
    }

    /** The inode of the namespace, as events name it. */
    public long nsInode() {
        return nsInode;
    }

    /** The id of the hidden rootfs mount the namespace's root sits on. */
    public int rootfsId() {
        return rootfsId;
    }

    public void setRootfsId(int id) {
        this.rootfsId = id;
    }

    /** The namespace's root mount. */
    public Mount root() {
        return root != null ? root : mounts.get(0);
    }

    /** Makes {@code mount} the namespace's root (pivot_root). */
    public void setRoot(Mount mount) {
        this.root = mount;
    }

    /** Every mount, in mountinfo order. */
    public List<Mount> mounts() {
        return List.copyOf(mounts);
    }

    /** Appends a mount (made last, listed last) and makes it part of this namespace. */
    public void add(Mount mount) {
        mounts.add(mount);
        mount.setNs(this);
        if (root == null && mount.isRoot()) {
            root = mount;
        }
    }

    /** Removes a mount from the namespace (it keeps its place in the tree until detached). */
    public void remove(Mount mount) {
        mounts.remove(mount);
        mount.setNs(null);
    }

    /**
     * The mount on {@code inode} of {@code parent}, or null if none covers it (fs/namespace.c:
     * __lookup_mnt; a lazily unmounted tree keeps its submounts for the processes inside it).
     */
    public Mount mountedOn(Mount parent, Inode inode) {
        List<Mount> children = parent.children();
        for (int i = children.size() - 1; i >= 0; i--) {
            Mount m = children.get(i);
            if (m.mountpoint() == inode) {
                return m;
            }
        }
        return null;
    }

    /** Mounts whose parent is {@code parent}, in the order they were attached. */
    public List<Mount> children(Mount parent) {
        List<Mount> children = new ArrayList<>();
        for (Mount m : parent.children()) {
            if (m.ns() == this) {
                children.add(m);
            }
        }
        return children;
    }

    /** Whether {@code mount} is in this table. */
    public boolean contains(Mount mount) {
        return mount.ns() == this;
    }
}
