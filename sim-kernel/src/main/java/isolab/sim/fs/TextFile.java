package isolab.sim.fs;

import isolab.sim.syscall.Errno;
import isolab.sim.syscall.SysException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * An open rendered file (fs/seq_file.c): its text is produced once, when it is opened, so a reader
 * sees one consistent snapshot. A write handler, if any, receives what is written.
 */
public final class TextFile extends OpenFile {

    /** A write handler that is told where in the file the write starts (the file offset, *ppos). */
    @FunctionalInterface
    public interface PositionedWrite {
        /** Takes {@code text} written at {@code offset}; throws SysException to fail the write. */
        void write(long offset, String text);
    }

    private final byte[] text;
    private final PositionedWrite onWrite;

    public TextFile(int flags, Path path, String text, Consumer<String> onWrite) {
        this(flags, path, text, onWrite == null ? (PositionedWrite) null : (at, written) -> onWrite.accept(written));
    }

    /** An open file whose writes go to {@code onWrite} with their offset (null: writes fail with EIO). */
    public TextFile(int flags, Path path, String text, PositionedWrite onWrite) {
        super(flags, path);
        this.text = text.getBytes(StandardCharsets.UTF_8);
        this.onWrite = onWrite;
    }

    @Override
    public int read(IoContext io, byte[] buffer, int at, int length) {
        if (!readable()) {
            throw new SysException(Errno.EBADF);
        }
        if (offset >= text.length) {
            return 0;
        }
        int n = (int) Math.min(length, text.length - offset);
        System.arraycopy(text, (int) offset, buffer, at, n);
        offset += n;
        return n;
    }

    @Override
    public int write(IoContext io, byte[] buffer, int at, int length) {
        if (onWrite == null) {
            throw new SysException(Errno.EIO);
        }
        onWrite.write(offset, new String(buffer, at, length, StandardCharsets.UTF_8));
        // A successful write moves the file offset, as vfs_write does for every file.
        offset += length;
        return length;
    }
}
