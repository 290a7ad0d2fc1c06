package isolab.sim.fs.overlay;

import isolab.sim.fs.Inode;

/** What the objects of the merged tree share: where they are in it, and their real inodes in the layers. */
interface OvlInode {

    /** The overlay this object belongs to. */
    OverlayFs fs();

    /** The directory holding this object in the merged tree; null for the root. */
    OvlDirectory parentDir();

    /** The object's name in its parent ("/" for the root). */
    String entryName();

    /** The object in the upper layer, or null while it is only in lower layers. */
    Inode upper();

    /** The topmost lower-layer object of this name (the origin a copy-up copies), or null. */
    Inode lower();

    /** The object stat and reads see: the upper one if there is one, else the lower one. */
    default Inode real() {
        return upper() != null ? upper() : lower();
    }

    /** The object's path from the overlay's root. */
    default String pathInOverlay() {
        if (parentDir() == null) {
            return "/";
        }
        String up = parentDir().pathInOverlay();
        return (up.equals("/") ? "" : up) + "/" + entryName();
    }

    /**
     * fs/overlayfs/inode.c: ovl_map_dev_ino: with every layer on one filesystem an object keeps the
     * inode number of its origin (the lower object) across copy-up; otherwise it shows its real one.
     */
    default long overlayIno() {
        if (fs().samefs() && lower() != null) {
            return lower().ino();
        }
        return real().ino();
    }
}
