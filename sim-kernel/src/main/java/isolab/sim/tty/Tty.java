package isolab.sim.tty;

import isolab.sim.fs.IoContext;
import isolab.sim.fs.OpenFile;
import isolab.sim.fs.Path;
import isolab.sim.sched.WaitQueue;
import isolab.sim.syscall.Errno;
import isolab.sim.syscall.SysException;
import java.nio.charset.StandardCharsets;

/**
 * A pseudo-terminal's slave side, {@code /dev/pts/N} (drivers/tty/pty.c, n_tty.c in canonical
 * mode): the person at the terminal types lines into its input, and whatever any process writes
 * to it appears on the screen. A read returns at most one line and sleeps until one is typed.
 * The terminal size is 200 columns by 50 rows (docs/MACHINE.md).
 */
public final class Tty {

    /** Columns of every terminal, as {@code stty size} would report. */
    public static final int COLUMNS = 200;

    /** Rows of every terminal. */
    public static final int ROWS = 50;

    private final int index;
    private final StringBuilder input = new StringBuilder();
    private final StringBuilder screen = new StringBuilder();
    private final WaitQueue readWait = new WaitQueue();
    private int foregroundPgrp;
    private int session;

    public Tty(int index) {
        this.index = index;
    }

    /** The N of {@code /dev/pts/N}. */
    public int index() {
        return index;
    }

    /** The name {@code ps} shows in its TTY column: {@code pts/N}. */
    public String name() {
        return "pts/" + index;
    }

    /** Types {@code text} at the keyboard: it becomes input, and sleeping readers wake. */
    public void type(String text, isolab.sim.sched.Scheduler scheduler) {
        input.append(text);
        readWait.wakeAll(scheduler);
    }

    /** Whether a task sleeps reading this terminal now. */
    public boolean hasReader() {
        return readWait.hasSleepers();
    }

    /** The fibers sleeping in a read of this terminal, oldest first. */
    public java.util.List<isolab.sim.sched.Fiber> readers() {
        return readWait.sleepers();
    }

    /** Shows {@code text} on the screen as the line discipline's echo (^C for an interrupt). */
    public void echo(String text) {
        screen.append(text);
    }

    /** Whether typed input is waiting to be read. */
    public boolean hasInput() {
        return input.length() > 0;
    }

    /** Takes everything shown on the screen since the last call. */
    public String drainScreen() {
        String shown = screen.toString();
        screen.setLength(0);
        return shown;
    }

    /** The process group in the foreground (tcgetpgrp(3)), as a PID of the initial namespace; 0 if none. */
    public int foregroundPgrp() {
        return foregroundPgrp;
    }

    public void setForegroundPgrp(int pgrp) {
        this.foregroundPgrp = pgrp;
    }

    /** The session this is the controlling terminal of (its leader's PID); 0 if none. */
    public int session() {
        return session;
    }

    public void setSession(int session) {
        this.session = session;
    }

    /** Opens the terminal. */
    public OpenFile open(int flags, Path path) {
        return new TtyFile(flags, path);
    }

    private int read(IoContext io, byte[] buffer, int at, int length) {
        io.checkTerminalRead(this, foregroundPgrp);
        while (input.indexOf("\n") < 0) {
            io.sleepOn(readWait);
        }
        int end = input.indexOf("\n") + 1;
        byte[] line = input.substring(0, end).getBytes(StandardCharsets.UTF_8);
        int n = Math.min(length, line.length);
        System.arraycopy(line, 0, buffer, at, n);
        String taken = new String(line, 0, n, StandardCharsets.UTF_8);
        input.delete(0, taken.length());
        return n;
    }

    private int write(byte[] buffer, int at, int length) {
        screen.append(new String(buffer, at, length, StandardCharsets.UTF_8));
        return length;
    }

    /** The terminal opened by a task. */
    public final class TtyFile extends OpenFile {

        TtyFile(int flags, Path path) {
            super(flags, path);
        }

        /** The terminal behind this file. */
        public Tty tty() {
            return Tty.this;
        }

        @Override
        public int read(IoContext io, byte[] buffer, int at, int length) {
            if (!readable()) {
                throw new SysException(Errno.EBADF);
            }
            return Tty.this.read(io, buffer, at, length);
        }

        @Override
        public int write(IoContext io, byte[] buffer, int at, int length) {
            if (!writable()) {
                throw new SysException(Errno.EBADF);
            }
            return Tty.this.write(buffer, at, length);
        }

        @Override
        public boolean isTty() {
            return true;
        }

        @Override
        public long seek(long newOffset) {
            throw new SysException(Errno.ESPIPE);
        }
    }
}
