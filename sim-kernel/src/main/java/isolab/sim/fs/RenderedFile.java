package isolab.sim.fs;

import isolab.sim.syscall.Errno;
import isolab.sim.syscall.SysException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A file whose text is rendered from the model at open time (a procfs or sysfs file). Size is 0,
 * as on Linux; writes go to a handler, or fail with EIO where the file is read-only in spirit.
 */
public final class RenderedFile extends Inode implements Rendered {

    private final Function<Caller, String> render;
    private final Consumer<String> onWrite;

    public RenderedFile(SuperBlock sb, long ino, int permissions, Function<Caller, String> render,
            Consumer<String> onWrite) {
        super(sb, ino, S_IFREG | permissions);
        this.render = render;
        this.onWrite = onWrite;
        setNlink(1);
    }

    @Override
    public OpenFile open(int flags, Path path, Caller caller) {
        if ((flags & OpenFile.O_ACCMODE) != OpenFile.O_RDONLY && onWrite == null) {
            throw new SysException(Errno.EACCES);
        }
        String text = (flags & OpenFile.O_ACCMODE) == OpenFile.O_WRONLY ? "" : render.apply(caller);
        return new TextFile(flags, path, text, onWrite);
    }

    @Override
    public long size() {
        return 0;
    }
}
