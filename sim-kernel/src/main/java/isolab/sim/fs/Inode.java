package isolab.sim.fs;

/**
 * An inode: one file of any type in one filesystem, with its mode, owner and times
 * (include/linux/fs.h: struct inode). Names live in directories, not here.
 */
public abstract class Inode {

    /** File type bits of {@code st_mode} (include/uapi/linux/stat.h). */
    public static final int S_IFMT = 0170000;
    public static final int S_IFSOCK = 0140000;
    public static final int S_IFLNK = 0120000;
    public static final int S_IFREG = 0100000;
    public static final int S_IFBLK = 0060000;
    public static final int S_IFDIR = 0040000;
    public static final int S_IFCHR = 0020000;
    public static final int S_IFIFO = 0010000;

    private final SuperBlock sb;
    private final long ino;
    private int mode;
    private int uid;
    private int gid;
    private int nlink;
    private long mtimeTicks;
    private java.util.TreeMap<String, String> xattrs;

    protected Inode(SuperBlock sb, long ino, int mode) {
        this.sb = sb;
        this.ino = ino;
        this.mode = mode;
    }

    /** The filesystem instance the inode belongs to. */
    public SuperBlock sb() {
        return sb;
    }

    /** The inode number, unique within its superblock. */
    public long ino() {
        return ino;
    }

    /** Type and permission bits, as {@code st_mode}. */
    public int mode() {
        return mode;
    }

    /** Changes the permission bits, keeping the type. */
    public void chmod(int permissions) {
        mode = (mode & S_IFMT) | (permissions & 07777);
    }

    public int uid() {
        return uid;
    }

    public int gid() {
        return gid;
    }

    /** Changes the owner. */
    public void chown(int newUid, int newGid) {
        uid = newUid;
        gid = newGid;
    }

    /** Number of hard links. */
    public int nlink() {
        return nlink;
    }

    /** Sets the link count (filesystems that render files set 1). */
    public void setNlink(int nlink) {
        this.nlink = nlink;
    }

    /** Last modification, in ticks since boot. */
    public long mtimeTicks() {
        return mtimeTicks;
    }

    /** Records a modification at {@code ticks}. */
    public void touch(long ticks) {
        mtimeTicks = ticks;
    }

    /** The device {@code stat} reports ({@code st_dev}): the filesystem's, unless a stacking filesystem says otherwise. */
    public String device() {
        return sb.device();
    }

    /** An extended attribute ({@code trusted.overlay.opaque}), or null. */
    public String xattr(String name) {
        return xattrs == null ? null : xattrs.get(name);
    }

    /** Sets an extended attribute (setxattr(2)). */
    public void setXattr(String name, String value) {
        if (xattrs == null) {
            xattrs = new java.util.TreeMap<>();
        }
        xattrs.put(name, value);
    }

    /** Every extended attribute, by name. */
    public java.util.SortedMap<String, String> xattrs() {
        return xattrs == null ? new java.util.TreeMap<>() : new java.util.TreeMap<>(xattrs);
    }

    /** The size {@code stat} reports. */
    public abstract long size();

    /** The 512-byte blocks {@code stat} reports ({@code st_blocks}); 0 unless a filesystem stores data. */
    public long blocks() {
        return 0;
    }

    /** Whether the filesystem keeps its data in memory pages (tmpfs and its relatives) rather than on a disk. */
    protected boolean inMemoryFs() {
        String type = sb.fsType();
        return !type.equals("overlay") && !type.equals("ext4");
    }

    public final boolean isDirectory() {
        return (mode & S_IFMT) == S_IFDIR;
    }

    public final boolean isRegular() {
        return (mode & S_IFMT) == S_IFREG;
    }

    public final boolean isSymlink() {
        return (mode & S_IFMT) == S_IFLNK;
    }

    public final boolean isCharDevice() {
        return (mode & S_IFMT) == S_IFCHR;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + sb.device() + " #" + ino + ")";
    }
}
