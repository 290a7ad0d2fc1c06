package isolab.sim.fs;

import isolab.sim.syscall.Errno;
import isolab.sim.syscall.SysException;

/**
 * The root of an mqueue filesystem (ipc/mqueue.c), where each file is a POSIX message queue of
 * the IPC namespace that mounted it. Queues are not modelled yet: the directory is empty and
 * creating anything in it fails with ENOSYS ("Function not implemented") rather than making an
 * ordinary file where Linux would make a queue.
 */
public final class MqueueRoot extends Directory {

    public MqueueRoot(SuperBlock sb, long ino) {
        super(sb, ino, 01777, null);
    }

    @Override
    public void link(String name, Inode inode) {
        throw new SysException(Errno.ENOSYS);
    }
}
