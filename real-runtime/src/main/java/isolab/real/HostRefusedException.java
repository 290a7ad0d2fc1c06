package isolab.real;

/**
 * This host cannot build the machine asked for, and says why in words a person can act on: the
 * other cgroup layout, no root, no memory or pids controller. A lab is refused, never run wrong.
 */
public final class HostRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public HostRefusedException(String reason) {
        super(reason);
    }
}
