package isolab.sim.fs;

/**
 * A mount (fs/mount.h: struct mount): a superblock's directory made visible on a mount point of
 * a parent mount, in one mount namespace. Copying a namespace copies its mounts, with new ids.
 */
public final class Mount {

    private final int id;
    private final SuperBlock sb;
    private final Directory root;
    private Mount parent;
    private Directory mountpoint;
    private String options;
    private String propagation = "";

    /**
     * @param root the directory of {@code sb} shown at the mount point (its root, or a subdirectory for bind mounts)
     * @param parent the mount this one sits on; null for a namespace's root mount
     * @param mountpoint the directory of {@code parent} this one covers
     * @param options per-mount options ({@code rw,nosuid,relatime})
     */
    public Mount(int id, SuperBlock sb, Directory root, Mount parent, Directory mountpoint, String options) {
        this.id = id;
        this.sb = sb;
        this.root = root;
        this.parent = parent;
        this.mountpoint = mountpoint;
        this.options = options;
    }

    public int id() {
        return id;
    }

    public SuperBlock sb() {
        return sb;
    }

    public Directory root() {
        return root;
    }

    /** The mount this one sits on; a namespace's root mount is its own parent. */
    public Mount parent() {
        return parent == null ? this : parent;
    }

    /** Whether this is the root mount of its namespace. */
    public boolean isRoot() {
        return parent == null;
    }

    /** The directory of the parent mount this one covers (its own root for the root mount). */
    public Directory mountpoint() {
        return mountpoint == null ? root : mountpoint;
    }

    /** Re-hangs this mount (used when copying a tree). */
    public void attach(Mount newParent, Directory newMountpoint) {
        this.parent = newParent;
        this.mountpoint = newMountpoint;
    }

    /** Per-mount options, mountinfo's sixth field. */
    public String options() {
        return options;
    }

    public void setOptions(String options) {
        this.options = options;
    }

    /** mountinfo's optional fields ({@code shared:1}); empty for a private mount. */
    public String propagation() {
        return propagation;
    }

    public void setPropagation(String propagation) {
        this.propagation = propagation;
    }

    /** Whether writes through this mount are refused (EROFS). */
    public boolean readOnly() {
        return options.startsWith("ro") || sb.readOnly();
    }

    @Override
    public String toString() {
        return "mount " + id + " (" + sb.fsType() + ")";
    }
}
