package isolab.sim.syscall;

/**
 * What stat(2) returns (include/uapi/asm-generic/stat.h), with the device as {@code major:minor}.
 *
 * @param device the filesystem's device, {@code major:minor}
 * @param rdevMajor for device nodes, the major number (else 0)
 * @param rdevMinor for device nodes, the minor number (else 0)
 * @param blocks 512-byte blocks allocated ({@code st_blocks})
 * @param mtimeEpochSeconds last modification, seconds since the epoch
 */
public record Stat(String device, long ino, int mode, int nlink, int uid, int gid, int rdevMajor, int rdevMinor,
        long size, long blocks, long mtimeEpochSeconds) {

    public boolean isDirectory() {
        return (mode & 0170000) == 0040000;
    }

    public boolean isRegular() {
        return (mode & 0170000) == 0100000;
    }

    public boolean isSymlink() {
        return (mode & 0170000) == 0120000;
    }
}
