package isolab.sim.fs;

/**
 * Helpers to build in-memory filesystems (mm/shmem.c's tmpfs, and the machine's root tree):
 * directories, files, links and device nodes owned by root.
 */
public final class Tmpfs {

    private Tmpfs() {
    }

    /** A new superblock with an empty root directory of mode {@code rootMode}. */
    public static SuperBlock create(String fsType, String source, String device, String superOptions, int rootMode) {
        SuperBlock sb = new SuperBlock(fsType, source, device, superOptions, 1);
        sb.setRoot(new Directory(sb, sb.allocateIno(), rootMode, null));
        return sb;
    }

    /** Makes (or finds) directory {@code path} below {@code dir}, parents included. */
    public static Directory mkdirs(Directory dir, String path, int mode) {
        Directory cur = dir;
        for (String name : path.split("/")) {
            if (name.isEmpty()) {
                continue;
            }
            Inode next = cur.lookup(name, null);
            if (next == null) {
                Directory made = new Directory(cur.sb(), cur.sb().allocateIno(), mode, cur);
                cur.link(name, made);
                next = made;
            }
            cur = (Directory) next;
        }
        return cur;
    }

    /** Makes a regular file {@code name} in {@code dir} holding {@code text}. */
    public static RegularFile file(Directory dir, String name, int mode, String text) {
        RegularFile file = new RegularFile(dir.sb(), dir.sb().allocateIno(), mode);
        file.setContent(text);
        dir.link(name, file);
        return file;
    }

    /** Makes a symbolic link {@code name -> target} in {@code dir}. */
    public static Symlink symlink(Directory dir, String name, String target) {
        Symlink link = new Symlink(dir.sb(), dir.sb().allocateIno(), target);
        dir.link(name, link);
        return link;
    }

    /** Makes a character device node. */
    public static CharDevice chardev(Directory dir, String name, int mode, int major, int minor) {
        CharDevice dev = new CharDevice(dir.sb(), dir.sb().allocateIno(), mode, major, minor);
        dir.link(name, dev);
        return dev;
    }
}
