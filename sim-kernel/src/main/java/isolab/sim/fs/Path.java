package isolab.sim.fs;

/**
 * A resolved location (include/linux/path.h: struct path): an inode as seen through a mount.
 * The same directory reached through two mounts is two paths.
 */
public record Path(Mount mnt, Inode inode) {

    /** The inode as a directory; ENOTDIR otherwise. */
    public Directory directory() {
        if (inode instanceof Directory dir) {
            return dir;
        }
        throw new isolab.sim.syscall.SysException(isolab.sim.syscall.Errno.ENOTDIR);
    }

    /** Whether this is the root directory of its mount. */
    public boolean isMountRoot() {
        return inode == mnt.root();
    }
}
