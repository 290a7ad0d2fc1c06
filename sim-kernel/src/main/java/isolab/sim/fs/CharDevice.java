package isolab.sim.fs;

/** A character device node: its major and minor number select the driver that serves it. */
public final class CharDevice extends Inode {

    private final int major;
    private final int minor;

    public CharDevice(SuperBlock sb, long ino, int permissions, int major, int minor) {
        super(sb, ino, S_IFCHR | permissions);
        this.major = major;
        this.minor = minor;
    }

    public int major() {
        return major;
    }

    public int minor() {
        return minor;
    }

    @Override
    public long size() {
        return 0;
    }
}
