package isolab.sim.fs;

/**
 * One mounted filesystem instance (include/linux/fs.h: struct super_block): its type, source,
 * device number, per-superblock options and inode numbering. Several mounts may show it.
 */
public final class SuperBlock {

    private final String fsType;
    private final String source;
    private final String device;
    private String superOptions;
    private long nextIno;
    private Directory root;
    private Object owner;

    /**
     * @param superOptions per-superblock options as mountinfo's last field shows them ({@code rw,mode=755})
     * @param firstIno the first inode number handed out (the root's)
     */
    public SuperBlock(String fsType, String source, String device, String superOptions, long firstIno) {
        this.fsType = fsType;
        this.source = source;
        this.device = device;
        this.superOptions = superOptions;
        this.nextIno = firstIno;
    }

    public String fsType() {
        return fsType;
    }

    public String source() {
        return source;
    }

    /** {@code major:minor}, as mountinfo and {@code stat -c %D} show it. */
    public String device() {
        return device;
    }

    /** The superblock options, mountinfo's last field. */
    public String superOptions() {
        return superOptions;
    }

    /** Whether the filesystem instance is read-only (SB_RDONLY). */
    public boolean readOnly() {
        return superOptions.startsWith("ro");
    }

    /** Reconfigures the instance (a remount): its options as mountinfo shows them, "ro" or "rw" first. */
    public void setSuperOptions(String superOptions) {
        this.superOptions = superOptions;
    }

    private boolean sealed;

    /** Whether the filesystem's image is complete (for the overlay root: what is lower from now on). */
    public boolean sealed() {
        return sealed;
    }

    /** Marks the image complete. */
    public void seal() {
        sealed = true;
    }

    /** The next free inode number. */
    public long allocateIno() {
        return nextIno++;
    }

    /** The filesystem's root directory. */
    public Directory root() {
        return root;
    }

    /** Sets the root directory once, when the filesystem is made. */
    public void setRoot(Directory root) {
        if (this.root != null) {
            throw new IllegalStateException("root already set");
        }
        this.root = root;
    }

    /** What the filesystem renders (procfs: its PID namespace); null for ordinary filesystems. */
    public Object owner() {
        return owner;
    }

    /** Sets what a rendered filesystem renders. */
    public void setOwner(Object owner) {
        this.owner = owner;
    }
}
