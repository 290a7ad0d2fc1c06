package isolab.sim.fs.overlay;

import isolab.api.OverlayEvent;
import isolab.sim.fs.CharDevice;
import isolab.sim.fs.Directory;
import isolab.sim.fs.Inode;
import isolab.sim.fs.RegularFile;
import isolab.sim.fs.Symlink;
import isolab.sim.syscall.Errno;
import isolab.sim.syscall.SysException;

/**
 * Copy-up (fs/overlayfs/copy_up.c): before an object of a lower layer is changed, it is copied
 * to the upper layer, its parent directories first, with the same mode, owner and times, then (for
 * a file) all its data (metacopy off), then {@code trusted.overlay.origin}. The lower object is
 * never touched.
 */
final class CopyUp {

    private CopyUp() {
    }

    /** ovl_copy_up of a directory: an upper directory with the lower one's metadata (not its contents). */
    static Directory directory(OvlDirectory d) {
        Directory parentUpper = d.parentDir().upperDir();
        Inode lower = d.lower();
        Directory made = new Directory(parentUpper.sb(), parentUpper.sb().allocateIno(), lower.mode() & 07777, parentUpper);
        copyAttributes(lower, made);
        d.fs().recordOrigin(made, lower);
        parentUpper.link(d.entryName(), made);
        d.fs().kernel().emit(new OverlayEvent.CopiedUp(d.fs().upperName(), d.pathInOverlay(), true, 0));
        return made;
    }

    /** ovl_copy_up of a regular file: the whole data goes up. */
    static RegularFile file(OvlFile f, RegularFile lower) {
        Directory parentUpper = f.parentDir().upperDir();
        RegularFile made = new RegularFile(parentUpper.sb(), parentUpper.sb().allocateIno(), lower.mode() & 07777);
        byte[] data = lower.content();
        made.write(0, data, 0, data.length);
        copyAttributes(lower, made);
        f.fs().recordOrigin(made, lower);
        parentUpper.link(f.entryName(), made);
        f.fs().kernel().emit(new OverlayEvent.CopiedUp(f.fs().upperName(), f.pathInOverlay(), false, data.length));
        return made;
    }

    /** The upper object of {@code o}, copied up if it is still only in a lower layer (a symbolic link: its target). */
    static Inode upperOf(OvlInode o) {
        if (o.upper() != null) {
            return o.upper();
        }
        if (o instanceof OvlFile f) {
            return f.writable();
        }
        if (o instanceof OvlSymlink link && o.lower() instanceof Symlink lower) {
            Directory parentUpper = o.parentDir().upperDir();
            Symlink made = new Symlink(parentUpper.sb(), parentUpper.sb().allocateIno(), lower.target(null));
            copyAttributes(lower, made);
            o.fs().recordOrigin(made, lower);
            parentUpper.link(o.entryName(), made);
            o.fs().kernel().emit(new OverlayEvent.CopiedUp(o.fs().upperName(), link.pathInOverlay(), false, 0));
            return made;
        }
        throw new SysException(Errno.EXDEV);
    }

    /** A new object of the upper filesystem like {@code made} (which a system call built for the merged directory). */
    static Inode sameKind(Inode made, Directory upper) {
        Inode real;
        int perms = made.mode() & 07777;
        if (made instanceof Directory) {
            real = new Directory(upper.sb(), upper.sb().allocateIno(), perms, upper);
        } else if (made instanceof Symlink link) {
            real = new Symlink(upper.sb(), upper.sb().allocateIno(), link.target(null));
        } else if (made instanceof CharDevice dev) {
            real = new CharDevice(upper.sb(), upper.sb().allocateIno(), perms, dev.major(), dev.minor());
        } else if (made instanceof RegularFile file) {
            RegularFile copy = new RegularFile(upper.sb(), upper.sb().allocateIno(), perms);
            byte[] data = file.content();
            copy.write(0, data, 0, data.length);
            real = copy;
        } else {
            throw new SysException(Errno.EPERM);
        }
        copyAttributes(made, real);
        return real;
    }

    private static void copyAttributes(Inode from, Inode to) {
        to.chown(from.uid(), from.gid());
        to.touch(from.mtimeTicks());
        if (from.sb() != to.sb() && !(from.sb().fsType().equals("overlay"))) {
            to.setXattr(Whiteouts.ORIGIN, from.sb().device() + ":" + from.ino());
        }
    }
}
