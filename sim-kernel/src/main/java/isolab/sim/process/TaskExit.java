package isolab.sim.process;

/**
 * Unwinds a task's Java stack when it exits, whether by exit(2), a fatal signal or a successful
 * execve whose new image finished. Programs never catch it; the task's fiber catches it at the top
 * and runs do_exit.
 */
public final class TaskExit extends Error {

    private static final long serialVersionUID = 1L;

    private final int waitStatus;

    /** @param waitStatus the status wait(2) will report: {@code code << 8}, or the signal number */
    public TaskExit(int waitStatus) {
        super(null, null, false, false);
        this.waitStatus = waitStatus;
    }

    /** The status wait(2) reports. */
    public int waitStatus() {
        return waitStatus;
    }
}
