package isolab.sim.fs.pipe;

import isolab.sim.fs.IoContext;
import isolab.sim.fs.OpenFile;
import isolab.sim.sched.WaitQueue;
import isolab.sim.syscall.Errno;
import isolab.sim.syscall.SysException;

/**
 * A pipe (fs/pipe.c): a bounded byte buffer with a read end and a write end. Readers sleep while it
 * is empty and a writer exists, and see end of file once every writer is gone; writers sleep while
 * it is full, and get SIGPIPE and EPIPE once every reader is gone.
 */
public final class Pipe {

    /** The default pipe capacity: 16 pages (fs/pipe.c: PIPE_DEF_BUFFERS). */
    public static final int CAPACITY = 65536;

    private final byte[] ring = new byte[CAPACITY];
    private int head;
    private int size;
    private int readers = 1;
    private int writers = 1;
    private final WaitQueue readWait = new WaitQueue();
    private final WaitQueue writeWait = new WaitQueue();

    private final long ino;

    private Pipe(long ino) {
        this.ino = ino;
    }

    /** The pipefs inode number, as in {@code pipe:[ino]}. */
    public long ino() {
        return ino;
    }

    /** Opens a new pipe with pipefs inode {@code ino}: element 0 is the read end, 1 the write end (pipe(2)). */
    public static OpenFile[] open(long ino, int extraFlags) {
        Pipe pipe = new Pipe(ino);
        return new OpenFile[] {pipe.new End(OpenFile.O_RDONLY | extraFlags), pipe.new End(OpenFile.O_WRONLY | extraFlags)};
    }

    /** Bytes waiting to be read. */
    public int available() {
        return size;
    }

    private int read(IoContext io, byte[] buffer, int at, int length) {
        while (size == 0) {
            if (writers == 0 || length == 0) {
                return 0;
            }
            io.sleepOn(readWait);
        }
        int n = Math.min(length, size);
        for (int i = 0; i < n; i++) {
            buffer[at + i] = ring[(head + i) % CAPACITY];
        }
        head = (head + n) % CAPACITY;
        size -= n;
        writeWait.wakeAll(io.scheduler());
        return n;
    }

    private int write(IoContext io, byte[] buffer, int at, int length) {
        int written = 0;
        while (written < length) {
            if (readers == 0) {
                io.raiseSigpipe();
                if (written > 0) {
                    return written;
                }
                throw new SysException(Errno.EPIPE);
            }
            int space = CAPACITY - size;
            if (space == 0) {
                readWait.wakeAll(io.scheduler());
                io.sleepOn(writeWait);
                continue;
            }
            int n = Math.min(space, length - written);
            for (int i = 0; i < n; i++) {
                ring[(head + size + i) % CAPACITY] = buffer[at + written + i];
            }
            size += n;
            written += n;
            readWait.wakeAll(io.scheduler());
        }
        return written;
    }

    /** One end of the pipe, as an open file description. */
    public final class End extends OpenFile {

        private IoContext lastIo;

        End(int flags) {
            super(flags, null);
        }

        /** The pipe this end belongs to. */
        public Pipe pipe() {
            return Pipe.this;
        }

        @Override
        public int read(IoContext io, byte[] buffer, int at, int length) {
            if (!readable()) {
                throw new SysException(Errno.EBADF);
            }
            lastIo = io;
            return Pipe.this.read(io, buffer, at, length);
        }

        @Override
        public int write(IoContext io, byte[] buffer, int at, int length) {
            if (!writable()) {
                throw new SysException(Errno.EBADF);
            }
            lastIo = io;
            return Pipe.this.write(io, buffer, at, length);
        }

        @Override
        public long seek(long newOffset) {
            throw new SysException(Errno.ESPIPE);
        }

        @Override
        protected void release() {
            if (readable()) {
                readers--;
                writeWait.wakeAllQuietly();
            } else {
                writers--;
                readWait.wakeAllQuietly();
            }
        }
    }
}
