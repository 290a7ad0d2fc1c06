package isolab.sim.userland.utillinux;

import isolab.sim.fs.Inode;
import isolab.sim.syscall.Errno;
import isolab.sim.syscall.Stat;
import isolab.sim.syscall.SysException;
import isolab.sim.syscall.Syscalls;
import isolab.sim.userland.Proc;

/**
 * What libmount says when mount(2) or umount2(2) fails (libmount/src/context_mount.c:
 * mnt_context_get_mount_excode; context_umount.c: mnt_context_get_umount_excode): the errno is
 * read together with what the source and target are, as libmount stats them.
 */
final class MountMessages {

    private MountMessages() {
    }

    /** The message after {@code mount: } for a failed mount(2) of {@code source} on {@code target}. */
    static String mountFailure(Proc p, Errno errno, String target, String source, String type, long flags,
            boolean applyingPropagation) {
        String why = switch (errno) {
            case EPERM -> p.sys().geteuid() != 0 ? "must be superuser to use mount"
                    : isDir(p, target) ? "permission denied" : "mount point is not a directory";
            case EBUSY -> source + " already mounted or mount point busy";
            case ENOENT -> !exists(p, target, false) ? "mount point does not exist"
                    : !exists(p, target, true) ? "mount point is a symbolic link to nowhere"
                    : source != null && !exists(p, source, true) ? "special device " + source + " does not exist"
                    : "mount(2) system call failed: " + errno.strerror();
            case ENOTDIR -> !isDir(p, target) ? "mount point is not a directory"
                    : "mount(2) system call failed: " + errno.strerror();
            case EINVAL -> (flags & Syscalls.MS_REMOUNT) != 0 ? "mount point not mounted or bad option"
                    : applyingPropagation ? "not mount point or bad option"
                    : (flags & Syscalls.MS_MOVE) != 0 && sharedTree(p, source)
                    ? "bad option; moving a mount residing under a shared mount is unsupported"
                    : "wrong fs type, bad option, bad superblock on " + source
                    + ", missing codepage or helper program, or other error";
            case ENODEV -> type != null ? "unknown filesystem type '" + type + "'" : "unknown filesystem type";
            case ENOTBLK -> !exists(p, source, true) ? source + " is not a block device, and stat(2) fails?"
                    : isRegular(p, source) ? source + " is not a block device; try \"-o loop\""
                    : source + " is not a block device";
            case EACCES, EROFS -> (flags & Syscalls.MS_RDONLY) != 0 ? "cannot mount " + source + " read-only"
                    : (flags & Syscalls.MS_BIND) != 0 ? "bind " + source + " failed"
                    : "mount(2) system call failed: " + errno.strerror();
            case EMFILE -> "mount table full";
            case EIO -> "can't read superblock on " + source;
            default -> "mount(2) system call failed: " + errno.strerror();
        };
        return target + ": " + why + ".";
    }

    /** The message after {@code umount: TARGET: } for a failed umount2(2). */
    static String umountFailure(Errno errno) {
        return switch (errno) {
            case EINVAL -> "not mounted.";
            case EBUSY -> "target is busy.";
            case ENOENT -> "no mount point specified.";
            case EPERM -> "must be superuser to unmount.";
            case EACCES -> "block devices are not permitted on filesystem.";
            default -> "umount(2) system call failed: " + errno.strerror() + ".";
        };
    }

    /** libmount: is_shared_tree: whether the mount holding the parent directory of {@code dir} is shared. */
    private static boolean sharedTree(Proc p, String dir) {
        String path;
        try {
            path = isolab.sim.userland.coreutils.Readlink.canonicalize(p, dir, "m");
        } catch (SysException e) {
            return false;
        }
        String parent = path.lastIndexOf('/') > 0 ? path.substring(0, path.lastIndexOf('/')) : "/";
        String info;
        try {
            info = p.readFile("/proc/self/mountinfo");
        } catch (SysException e) {
            return false;
        }
        for (String cur = parent; ; cur = cur.lastIndexOf('/') > 0 ? cur.substring(0, cur.lastIndexOf('/')) : "/") {
            String found = null;
            for (String line : info.split("\n")) {
                String[] f = line.split(" ");
                if (f.length > 5 && unescape(f[4]).equals(cur)) {
                    found = line;
                }
            }
            if (found != null) {
                return found.split(" - ")[0].contains(" shared:");
            }
            if (cur.equals("/")) {
                return false;
            }
        }
    }

    private static boolean exists(Proc p, String path, boolean follow) {
        if (path == null) {
            return false;
        }
        try {
            if (follow) {
                p.sys().stat(path);
            } else {
                p.sys().lstat(path);
            }
            return true;
        } catch (SysException e) {
            return false;
        }
    }

    private static boolean isDir(Proc p, String path) {
        return modeOf(p, path) == Inode.S_IFDIR;
    }

    private static boolean isRegular(Proc p, String path) {
        return modeOf(p, path) == Inode.S_IFREG;
    }

    private static int modeOf(Proc p, String path) {
        try {
            Stat st = p.sys().stat(path);
            return st.mode() & Inode.S_IFMT;
        } catch (SysException e) {
            return -1;
        }
    }

    /** Undoes mountinfo's octal escapes of spaces, tabs, newlines and backslashes. */
    static String unescape(String path) {
        return path.replace("\\040", " ").replace("\\011", "\t").replace("\\012", "\n").replace("\\134", "\\");
    }
}
