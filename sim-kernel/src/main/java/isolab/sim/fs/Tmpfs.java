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

    /** MS_RDONLY of mount(2). */
    private static final long MS_RDONLY = 1;

    /** The machine's RAM in 4 KiB pages, for {@code size=N%} (4 GiB until memory is modelled). */
    static final long TOTALRAM_PAGES = 1L << 20;

    /**
     * A new tmpfs instance for mount(2) (mm/shmem.c: shmem_parse_one, shmem_show_options): options
     * {@code size} (bytes with k/m/g suffixes or a percentage of RAM, rounded up to pages),
     * {@code nr_inodes}, {@code mode}, {@code uid}, {@code gid}; shown back as Linux shows them
     * ({@code size=1024k}); EINVAL for anything else.
     */
    public static SuperBlock mount(String device, String source, long flags, String data) {
        String shown = options(flags, data);
        int mode = 01777;
        long uid = 0;
        long gid = 0;
        for (String option : shown.split(",")) {
            if (option.startsWith("mode=")) {
                mode = Integer.parseInt(option.substring(5), 8);
            } else if (option.startsWith("uid=")) {
                uid = Long.parseLong(option.substring(4));
            } else if (option.startsWith("gid=")) {
                gid = Long.parseLong(option.substring(4));
            }
        }
        SuperBlock sb = create("tmpfs", source, device, shown, mode);
        sb.root().chown((int) uid, (int) gid);
        return sb;
    }

    /**
     * mm/shmem.c: shmem_reconfigure: a remount sets ro or rw and changes the options it is given
     * ({@code size}, {@code nr_inodes}, ...); the others stay.
     */
    public static void remount(SuperBlock sb, long flags, String data) {
        StringBuilder merged = new StringBuilder();
        String[] current = sb.superOptions().split(",");
        for (int i = 1; i < current.length; i++) {
            merged.append(merged.length() == 0 ? "" : ",").append(current[i]);
        }
        if (data != null && !data.isEmpty()) {
            merged.append(merged.length() == 0 ? "" : ",").append(data);
        }
        sb.setSuperOptions(options(flags, merged.toString()));
    }

    /** The options string of a tmpfs instance made or reconfigured with {@code flags} and {@code data}. */
    private static String options(long flags, String data) {
        long sizePages = -1;
        long inodes = -1;
        int mode = 01777;
        long uid = 0;
        long gid = 0;
        if (data != null && !data.isEmpty()) {
            for (String option : data.split(",")) {
                int eq = option.indexOf('=');
                String key = eq < 0 ? option : option.substring(0, eq);
                String value = eq < 0 ? "" : option.substring(eq + 1);
                try {
                    switch (key) {
                        case "size" -> sizePages = value.endsWith("%")
                                ? (TOTALRAM_PAGES * Long.parseLong(value.substring(0, value.length() - 1)) + 99) / 100
                                : (memparse(value) + 4095) / 4096;
                        case "nr_blocks" -> sizePages = memparse(value);
                        case "nr_inodes" -> inodes = memparse(value);
                        case "mode" -> mode = Integer.parseInt(value, 8) & 07777;
                        case "uid" -> uid = Long.parseLong(value);
                        case "gid" -> gid = Long.parseLong(value);
                        default -> throw new isolab.sim.syscall.SysException(isolab.sim.syscall.Errno.EINVAL);
                    }
                } catch (NumberFormatException e) {
                    throw new isolab.sim.syscall.SysException(isolab.sim.syscall.Errno.EINVAL);
                }
            }
        }
        StringBuilder shown = new StringBuilder((flags & MS_RDONLY) != 0 ? "ro" : "rw");
        if (sizePages >= 0) {
            shown.append(",size=").append(sizePages * 4).append('k');
        }
        if (inodes >= 0) {
            shown.append(",nr_inodes=").append(inodes);
        }
        if (mode != 01777) {
            shown.append(",mode=").append(String.format("%03o", mode));
        }
        if (uid != 0) {
            shown.append(",uid=").append(uid);
        }
        if (gid != 0) {
            shown.append(",gid=").append(gid);
        }
        return shown.toString();
    }

    /** lib/cmdline.c: memparse: a number with an optional k, m, g, t suffix. */
    static long memparse(String text) {
        long shift = switch (text.isEmpty() ? ' ' : Character.toLowerCase(text.charAt(text.length() - 1))) {
            case 'k' -> 10;
            case 'm' -> 20;
            case 'g' -> 30;
            case 't' -> 40;
            default -> 0;
        };
        String digits = shift == 0 ? text : text.substring(0, text.length() - 1);
        return Long.decode(digits) << shift;
    }
}
