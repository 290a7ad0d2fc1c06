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

    private final byte[] text;
    private final Consumer<String> onWrite;

    public TextFile(int flags, Path path, String text, Consumer<String> onWrite) {
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
        onWrite.accept(new String(buffer, at, length, StandardCharsets.UTF_8));
        return length;
    }
}
