package isolab.sim.fs;

import isolab.sim.syscall.Errno;
import isolab.sim.syscall.SysException;

/**
 * A directory of a filesystem whose writes the model does not implement yet (cgroupfs in this
 * slice): it can be listed and walked, and every attempt to add or remove a name fails with
 * ENOSYS ("Function not implemented"), never with a made-up answer.
 */
public final class SealedDirectory extends Directory {

    public SealedDirectory(SuperBlock sb, long ino, int permissions, Directory parent) {
        super(sb, ino, permissions, parent);
    }

    @Override
    public boolean writable() {
        return false;
    }

    @Override
    public void link(String name, Inode inode) {
        throw new SysException(Errno.ENOSYS);
    }

    @Override
    public Inode unlink(String name) {
        throw new SysException(Errno.ENOSYS);
    }
}
