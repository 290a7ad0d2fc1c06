package isolab.sim.fs.proc;

import isolab.sim.fs.Caller;
import isolab.sim.fs.Inode;
import isolab.sim.fs.OpenFile;
import isolab.sim.fs.Path;
import isolab.sim.fs.Rendered;
import isolab.sim.fs.SuperBlock;

/**
 * What /proc/PID/fd/N leads to when the descriptor is not a file in a directory (a pipe): opening
 * it shares the open description (Linux opens the same pipe anew; the model shares the offset,
 * which pipes do not have).
 */
final class FdObjectInode extends Inode implements Rendered {

    private final OpenFile file;

    FdObjectInode(SuperBlock sb, long ino, OpenFile file) {
        super(sb, ino, S_IFIFO | 0600);
        this.file = file;
        setNlink(1);
    }

    @Override
    public OpenFile open(int flags, Path path, Caller caller) {
        return file.get();
    }

    @Override
    public long size() {
        return 0;
    }
}
