package isolab.sim.fs.overlay;

import isolab.sim.fs.CharDevice;
import isolab.sim.fs.Directory;
import isolab.sim.fs.Inode;
import isolab.sim.fs.RegularFile;
import isolab.sim.fs.Symlink;
import java.util.Arrays;

/** A summary of a directory tree (names, types, modes, owners, times, contents) for comparing it later. */
final class Fingerprint {

    private Fingerprint() {
    }

    static String of(Directory dir) {
        StringBuilder s = new StringBuilder();
        walk(dir, "", s, 0);
        return s.toString();
    }

    private static void walk(Inode inode, String path, StringBuilder s, int depth) {
        s.append(path).append(' ').append(Integer.toOctalString(inode.mode())).append(' ').append(inode.uid()).append(':')
                .append(inode.gid()).append(' ').append(inode.mtimeTicks()).append(' ').append(inode.xattrs());
        if (inode instanceof RegularFile f) {
            s.append(' ').append(f.size()).append(' ').append(Arrays.hashCode(f.content()));
        } else if (inode instanceof Symlink link) {
            s.append(" -> ").append(link.target(null));
        } else if (inode instanceof CharDevice dev) {
            s.append(' ').append(dev.major()).append(',').append(dev.minor());
        }
        s.append('\n');
        if (inode instanceof Directory d && depth < 64) {
            for (String name : d.names(null)) {
                Inode child = d.lookup(name, null);
                if (child != null) {
                    walk(child, path + "/" + name, s, depth + 1);
                }
            }
        }
    }
}
