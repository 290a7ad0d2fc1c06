package isolab.real.launch;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A program running on a pseudo-terminal of the sandbox, seen from the master side: bytes typed
 * go in, everything the terminal displays comes out, in order, until the program exits. The
 * sandbox feeds it; a reader takes output with {@link #await} and {@link #take}.
 */
public final class Pty {

    private final int sandboxPid;
    private final int ptsNumber;
    private final Consumer<byte[]> keyboard;
    private final Runnable hangup;
    /** The most output kept unread. */
    static final int MAX_BUFFERED = 16 << 20;

    private byte[] output = new byte[4096];
    private int length;
    private ExitStatus exit;

    /**
     * @param sandboxPid the program's PID in the sandbox's PID namespace
     * @param ptsNumber N of its {@code /dev/pts/N}
     * @param keyboard where typed bytes go (the pty's master side)
     * @param hangup closes the master side, which hangs the terminal up
     */
    public Pty(int sandboxPid, int ptsNumber, Consumer<byte[]> keyboard, Runnable hangup) {
        this.sandboxPid = sandboxPid;
        this.ptsNumber = ptsNumber;
        this.keyboard = keyboard;
        this.hangup = hangup;
    }

    /** The program's PID in the sandbox. */
    public int sandboxPid() {
        return sandboxPid;
    }

    /** N of the program's {@code /dev/pts/N}. */
    public int ptsNumber() {
        return ptsNumber;
    }

    /** Types {@code bytes} on the terminal's keyboard. */
    public void type(byte[] bytes) {
        keyboard.accept(bytes);
    }

    /** Hangs the terminal up (SIGHUP to its session), as closing a terminal window does. */
    public void hangup() {
        hangup.run();
    }

    /**
     * Called by the sandbox: the terminal displayed {@code bytes}. What nobody reads (a background
     * job printing while no command runs) is kept up to {@link #MAX_BUFFERED} bytes, the newest.
     */
    public synchronized void displayed(byte[] bytes) {
        if (length + bytes.length > MAX_BUFFERED) {
            int drop = Math.min(length, length + bytes.length - MAX_BUFFERED);
            System.arraycopy(output, drop, output, 0, length - drop);
            length -= drop;
            if (bytes.length > MAX_BUFFERED) {
                bytes = Arrays.copyOfRange(bytes, bytes.length - MAX_BUFFERED, bytes.length);
            }
        }
        if (length + bytes.length > output.length) {
            output = Arrays.copyOf(output, Math.max(output.length * 2, length + bytes.length));
        }
        System.arraycopy(bytes, 0, output, length, bytes.length);
        length += bytes.length;
        notifyAll();
    }

    /** Called by the sandbox once all output is delivered: the program ended with {@code status}. */
    public synchronized void exited(ExitStatus status) {
        if (exit == null) {
            exit = status;
        }
        notifyAll();
    }

    /** How the program ended, once it has and its last output has been delivered. */
    public synchronized Optional<ExitStatus> exit() {
        return Optional.ofNullable(exit);
    }

    /**
     * Waits until more than {@code seen} bytes are buffered, the program has exited, or
     * {@code deadlineNanos} (of {@link System#nanoTime()}) passes; returns the bytes buffered.
     */
    public synchronized int await(int seen, long deadlineNanos) throws InterruptedException {
        while (length <= seen && exit == null) {
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) {
                break;
            }
            wait(left / 1_000_000, (int) (left % 1_000_000));
        }
        return length;
    }

    /** The buffered output from offset {@code from} on, left in the buffer. */
    public synchronized byte[] peek(int from) {
        return Arrays.copyOfRange(output, Math.min(from, length), length);
    }

    /** Removes and returns the first {@code n} buffered bytes. */
    public synchronized byte[] take(int n) {
        byte[] head = Arrays.copyOf(output, n);
        System.arraycopy(output, n, output, 0, length - n);
        length -= n;
        return head;
    }
}
