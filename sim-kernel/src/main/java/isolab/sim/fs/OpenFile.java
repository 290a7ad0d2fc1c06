package isolab.sim.fs;

import isolab.sim.syscall.Errno;
import isolab.sim.syscall.SysException;

/**
 * An open file description (include/linux/fs.h: struct file): what a file descriptor points at,
 * shared by dup(2) and fork(2), with its own offset and flags. Counted: the last close releases it.
 */
public abstract class OpenFile {

    /** open(2) flags (include/uapi/asm-generic/fcntl.h). */
    public static final int O_RDONLY = 0;
    public static final int O_WRONLY = 1;
    public static final int O_RDWR = 2;
    public static final int O_ACCMODE = 3;
    public static final int O_CREAT = 0100;
    public static final int O_EXCL = 0200;
    public static final int O_NOCTTY = 0400;
    public static final int O_TRUNC = 01000;
    public static final int O_APPEND = 02000;
    public static final int O_NONBLOCK = 04000;
    public static final int O_DIRECTORY = 0200000;
    public static final int O_NOFOLLOW = 0400000;
    public static final int O_CLOEXEC = 02000000;

    private final int flags;
    private final Path path;
    private int refs = 1;
    protected long offset;
    private String name;

    /** The path the file was opened by, as /proc/PID/fd shows it (d_path of its dentry); null if unknown. */
    public String name() {
        return name;
    }

    /** Records the path the file was opened by. */
    public void setName(String name) {
        this.name = name;
    }

    protected OpenFile(int flags, Path path) {
        this.flags = flags;
        this.path = path;
    }

    /** The open(2) flags. */
    public int flags() {
        return flags;
    }

    /** Where the file was opened; null for pipes. */
    public Path path() {
        return path;
    }

    public boolean readable() {
        return (flags & O_ACCMODE) != O_WRONLY;
    }

    public boolean writable() {
        return (flags & O_ACCMODE) != O_RDONLY;
    }

    /** Reads up to {@code length} bytes; 0 means end of file. May sleep. */
    public int read(IoContext io, byte[] buffer, int at, int length) {
        throw new SysException(Errno.EINVAL);
    }

    /** Writes {@code length} bytes; returns how many were taken. May sleep. */
    public int write(IoContext io, byte[] buffer, int at, int length) {
        throw new SysException(Errno.EINVAL);
    }

    /** Whether this is a terminal (isatty(3)). */
    public boolean isTty() {
        return false;
    }

    /** Called once, when the last descriptor for this description is closed. */
    protected void release() {
    }

    /** Another descriptor now refers to this description. */
    public OpenFile get() {
        refs++;
        return this;
    }

    /** A descriptor for this description was closed. */
    public void put() {
        if (--refs == 0) {
            release();
        }
    }

    /** How many descriptors refer to this description. */
    public int refs() {
        return refs;
    }

    /** Moves the offset (lseek(2) with SEEK_SET); ESPIPE for pipes and terminals. */
    public long seek(long newOffset) {
        offset = newOffset;
        return offset;
    }
}
