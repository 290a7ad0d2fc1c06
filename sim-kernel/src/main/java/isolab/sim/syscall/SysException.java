package isolab.sim.syscall;

/**
 * A system call that failed: the model's form of returning {@code -1} with {@code errno} set.
 * Carries no stack trace, because failing is an ordinary outcome, not a bug.
 */
public final class SysException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Errno errno;

    public SysException(Errno errno) {
        super(errno.name(), null, false, false);
        this.errno = errno;
    }

    /** The error the call set. */
    public Errno errno() {
        return errno;
    }

    /** The strerror(3) text of the error. */
    public String strerror() {
        return errno.strerror();
    }
}
