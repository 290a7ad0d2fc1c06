package isolab.sim.fs.cgroupfs;

import isolab.sim.cgroup.Cftype;
import isolab.sim.cgroup.Cgroup;
import isolab.sim.fs.Caller;
import isolab.sim.fs.Inode;
import isolab.sim.fs.OpenFile;
import isolab.sim.fs.Path;
import isolab.sim.fs.Rendered;
import isolab.sim.fs.SuperBlock;
import isolab.sim.fs.TextFile;
import isolab.sim.process.Task;
import isolab.sim.syscall.Errno;
import isolab.sim.syscall.SysException;

/**
 * A control file of one cgroup (fs/kernfs/file.c over a cftype): opened for writing only if it
 * has a write operation (EACCES otherwise, even for root), rendered for the reader at open, and
 * every write(2) handed to the cftype whole, on behalf of the task that opened it. A file of a
 * removed cgroup answers ENODEV.
 */
public final class CgroupFile extends Inode implements Rendered {

    private final Cgroup cgroup;
    private final Cftype cftype;

    CgroupFile(SuperBlock sb, long ino, Cgroup cgroup, Cftype cftype) {
        super(sb, ino, S_IFREG | cftype.mode());
        this.cgroup = cgroup;
        this.cftype = cftype;
        setNlink(1);
    }

    @Override
    public OpenFile open(int flags, Path path, Caller caller) {
        boolean write = (flags & OpenFile.O_ACCMODE) != OpenFile.O_RDONLY;
        boolean read = (flags & OpenFile.O_ACCMODE) != OpenFile.O_WRONLY;
        // kernfs_fop_open refuses only a read of a file that cannot be read here: cgroupfs has no
        // KERNFS_ROOT_EXTRA_OPEN_PERM_CHECK, so root opens a read-only file for writing and each
        // write fails in cgroup_file_write (EINVAL; measured: `echo 1 > pids.current`).
        if (read && (cftype.read() == null || (cftype.mode() & 0444) == 0)) {
            throw new SysException(Errno.EACCES);
        }
        if (cgroup.isDead()) {
            throw new SysException(Errno.ENODEV);
        }
        Task task = caller instanceof Task t ? t : null;
        String text = read ? cftype.read().read(cgroup, task) : "";
        return new TextFile(flags, path, text, (long offset, String written) -> {
            if (cgroup.isDead()) {
                throw new SysException(Errno.ENODEV);
            }
            if (task == null) {
                throw new SysException(Errno.EPERM);
            }
            if (cftype.write() == null) {
                throw new SysException(Errno.EINVAL);
            }
            cftype.write().write(cgroup, task, written);
        });
    }

    @Override
    public long size() {
        return 0;
    }
}
