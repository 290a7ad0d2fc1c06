package isolab.sim.fs.overlay;

import isolab.sim.fs.CharDevice;
import isolab.sim.fs.Directory;
import isolab.sim.fs.Inode;

/**
 * Whiteouts and opaque directories (fs/overlayfs/dir.c, util.c): a character device 0/0 in a
 * layer hides the name in the layers below; a directory with {@code trusted.overlay.opaque=y}
 * hides the lower directories of its name. Whiteouts in one upper layer are hard links of one
 * inode kept in the work directory, as Linux shares them when the upper filesystem allows.
 */
final class Whiteouts {

    /** The xattr that makes a directory opaque. */
    static final String OPAQUE = "trusted.overlay.opaque";
    /** The xattr an object copied up keeps, naming its lower original. */
    static final String ORIGIN = "trusted.overlay.origin";

    private Whiteouts() {
    }

    /** fs/overlayfs/util.c: ovl_is_whiteout: a character device 0/0 (or a file marked as one). */
    static boolean isWhiteout(Inode inode) {
        if (inode instanceof CharDevice dev) {
            return dev.major() == 0 && dev.minor() == 0;
        }
        return inode != null && inode.isRegular() && inode.size() == 0 && inode.xattr("trusted.overlay.whiteout") != null;
    }

    /** Whether {@code dir} hides the lower layers' directories of its name. */
    static boolean isOpaque(Inode dir) {
        return dir instanceof Directory && "y".equals(dir.xattr(OPAQUE));
    }

    /** Puts a whiteout named {@code name} into the upper directory {@code upper} (ovl_whiteout). */
    static void create(OverlayFs fs, Directory upper, String name) {
        upper.link(name, fs.sharedWhiteout());
    }
}
