package isolab.sim.fs.mount;

import isolab.sim.fs.Directory;
import isolab.sim.fs.Mount;
import isolab.sim.fs.Namei;
import isolab.sim.fs.Path;

/**
 * Where a mount is, as a path name (fs/d_path.c): from a reader's root for mountinfo, or from its
 * namespace's root mount for events and pictures.
 */
public final class MountPoints {

    private MountPoints() {
    }

    /** The mount point of {@code m} as {@code ctx}'s root sees it, or null if it is not below that root. */
    public static String seenFrom(Namei.Context ctx, Mount m) {
        if (m.isRoot()) {
            return ctx.root().mnt() == m && ctx.root().inode() == m.root() ? "/" : null;
        }
        if (m.mountpointDir() == null && !(m.mountpoint() instanceof Directory)) {
            return seenFrom(ctx, m.parent()); // stacked on a file mount
        }
        if (m.mountpointDir() != null) {
            String dir = Namei.pathOf(ctx, new Path(m.parent(), m.mountpointDir()));
            return dir == null ? null : (dir.equals("/") ? "" : dir) + "/" + m.mountpointName();
        }
        return Namei.pathOf(ctx, new Path(m.parent(), m.mountpoint()));
    }

    /** The mount point of {@code m} from the root mount of the tree it hangs in. */
    public static String fromTreeRoot(Mount m) {
        StringBuilder path = new StringBuilder();
        Mount cur = m;
        int guard = 0;
        while (!cur.isRoot() && ++guard < 4096) {
            String part;
            if (cur.mountpointDir() == null && !(cur.mountpoint() instanceof Directory)) {
                part = "";
            } else if (cur.mountpointDir() != null) {
                part = within(cur.parent(), cur.mountpointDir()) + "/" + cur.mountpointName();
            } else {
                part = within(cur.parent(), (Directory) cur.mountpoint());
            }
            path.insert(0, part);
            cur = cur.parent();
        }
        return path.length() == 0 ? "/" : path.toString();
    }

    /** The path of {@code d} below the root of mount {@code m} ("" for the root itself). */
    private static String within(Mount m, Directory d) {
        StringBuilder s = new StringBuilder();
        Directory cur = d;
        while (cur != m.root() && cur.parent() != cur) {
            s.insert(0, "/" + cur.name());
            cur = cur.parent();
        }
        return s.toString();
    }

    /** Whether {@code dir} is {@code other} or one of its ancestors in their filesystem. */
    public static boolean isAncestor(Directory dir, Directory other) {
        for (Directory cur = other; ; cur = cur.parent()) {
            if (cur == dir) {
                return true;
            }
            if (cur.parent() == cur) {
                return false;
            }
        }
    }
}
