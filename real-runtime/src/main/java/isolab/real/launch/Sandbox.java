package isolab.real.launch;

import java.time.Duration;

/**
 * A running session sandbox: the machine of docs/MACHINE.md, built by a launcher process, with
 * an init that reaps its processes. Two launchers build it: the C helper ({@link HelperSandbox})
 * and, where no C compiler exists, util-linux's {@code unshare}, {@code nsenter} and
 * {@code script} ({@link UtilLinuxSandbox}).
 */
public sealed interface Sandbox extends AutoCloseable permits HelperSandbox, UtilLinuxSandbox {

    /** Which launcher built it. */
    LaunchMode mode();

    /** The sandbox's init, PID 1 inside, as the host's PID namespace numbers it. */
    long initHostPid();

    /** Starts a program on a new pty of the sandbox's devpts instance, in init's namespaces. */
    Pty open(PtyRequest request);

    /** The PID of the program on {@code pty} in the host's PID namespace, -1 once it is gone. */
    long hostPid(Pty pty);

    /** The hostname of the sandbox's initial UTS namespace, read now. */
    String hostname();

    /** Whether init still runs. */
    boolean alive();

    /**
     * Ends the sandbox: every process in it dies with init, its mounts with its last process.
     * Returns within about {@code patience}, killing what does not end by itself.
     */
    void close(Duration patience);

    @Override
    default void close() {
        close(Duration.ofSeconds(5));
    }
}
