package isolab.sim.syscall;

/** One entry getdents64(2) returns: inode, type (DT_DIR = 4, DT_REG = 8, DT_LNK = 10, DT_CHR = 2) and name. */
public record DirEntry(long ino, int type, String name) {

    public static final int DT_UNKNOWN = 0;
    public static final int DT_FIFO = 1;
    public static final int DT_CHR = 2;
    public static final int DT_DIR = 4;
    public static final int DT_REG = 8;
    public static final int DT_LNK = 10;
}
