package isolab.sim.fs;

import java.util.ArrayList;
import java.util.List;

/**
 * The mounts of one mount namespace, in the order mountinfo lists them (fs/namespace.c: the
 * namespace's mount list). Lookups take the most recent mount on a mount point, so a later mount
 * hides an earlier one on the same directory.
 */
public final class MountTable {

    private final List<Mount> mounts = new ArrayList<>();

    /** The namespace's root mount. */
    public Mount root() {
        return mounts.get(0);
    }

    /** Every mount, in mountinfo order. */
    public List<Mount> mounts() {
        return List.copyOf(mounts);
    }

    /** Appends a mount (it becomes the top one on its mount point). */
    public void add(Mount mount) {
        mounts.add(mount);
    }

    /** Removes a mount. */
    public void remove(Mount mount) {
        mounts.remove(mount);
    }

    /** The topmost mount on {@code dir} of {@code parent}, or null if none covers it. */
    public Mount mountedOn(Mount parent, Directory dir) {
        for (int i = mounts.size() - 1; i >= 0; i--) {
            Mount m = mounts.get(i);
            if (!m.isRoot() && m.parent() == parent && m.mountpoint() == dir) {
                return m;
            }
        }
        return null;
    }

    /** Mounts whose parent is {@code parent}, in order. */
    public List<Mount> children(Mount parent) {
        List<Mount> children = new ArrayList<>();
        for (Mount m : mounts) {
            if (!m.isRoot() && m.parent() == parent) {
                children.add(m);
            }
        }
        return children;
    }

    /** Whether {@code mount} is in this table. */
    public boolean contains(Mount mount) {
        return mounts.contains(mount);
    }
}
