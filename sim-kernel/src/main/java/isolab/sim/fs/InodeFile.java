package isolab.sim.fs;

import isolab.sim.syscall.Errno;
import isolab.sim.syscall.SysException;

/** An open regular file or directory: reads and writes go to the inode at the file's offset. */
public final class InodeFile extends OpenFile {

    public InodeFile(int flags, Path path) {
        super(flags, path);
    }

    @Override
    public int read(IoContext io, byte[] buffer, int at, int length) {
        Inode inode = path().inode();
        if (inode instanceof Directory) {
            throw new SysException(Errno.EISDIR);
        }
        if (!readable()) {
            throw new SysException(Errno.EBADF);
        }
        RegularFile file = (RegularFile) inode;
        if (file.onDisk() && offset < file.size()) {
            io.pageCacheRead(file, offset, (int) Math.min(length, file.size() - offset));
        } else if (file.inMemory() && offset < file.size()) {
            io.shmemRead(file, offset, (int) Math.min(length, file.size() - offset));
        }
        int n = file.read(offset, buffer, at, length);
        offset += n;
        return n;
    }

    @Override
    public int write(IoContext io, byte[] buffer, int at, int length) {
        if (!writable()) {
            throw new SysException(Errno.EBADF);
        }
        RegularFile file = (RegularFile) path().inode();
        if ((flags() & O_APPEND) != 0) {
            offset = file.size();
        }
        if (file.inMemory()) {
            io.shmemWrite(file, offset, length);
        }
        int n = file.write(offset, buffer, at, length);
        offset += n;
        file.touch(io.nowTicks());
        return n;
    }
}
