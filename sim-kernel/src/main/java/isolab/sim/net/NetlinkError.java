package isolab.sim.net;

import isolab.sim.syscall.Errno;

/**
 * A refused rtnetlink request: the errno of the NLMSG_ERROR answer and, where the kernel sets
 * one with NL_SET_ERR_MSG, its extended-ack message (iproute2 prints {@code Error: MSG.} for
 * those and {@code RTNETLINK answers: STRERROR} for the rest).
 */
public final class NetlinkError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Errno errno;
    private final String extack;

    public NetlinkError(Errno errno, String extack) {
        super(errno.name(), null, false, false);
        this.errno = errno;
        this.extack = extack;
    }

    public NetlinkError(Errno errno) {
        this(errno, null);
    }

    public Errno errno() {
        return errno;
    }

    /** The extended-ack message, or null. */
    public String extack() {
        return extack;
    }
}
