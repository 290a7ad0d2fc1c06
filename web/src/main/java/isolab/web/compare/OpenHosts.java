package isolab.web.compare;

import isolab.api.Host;
import java.util.ArrayList;
import java.util.List;

/**
 * The machines one replay has opened, closed together exactly once: when the replay ends, fails,
 * or runs past its time limit. A host opened after the limit struck is closed at once.
 */
final class OpenHosts {

    private final List<Host> hosts = new ArrayList<>();
    private boolean expired;

    /** Keeps {@code host} to close later; closes it now and refuses it if the replay already expired. */
    synchronized <H extends Host> H add(H host) {
        if (expired) {
            closeQuietly(host);
            throw new Expired();
        }
        hosts.add(host);
        return host;
    }

    /** Closes every host kept so far and every one added later; returns whether this call expired them. */
    synchronized boolean expire() {
        boolean first = !expired;
        expired = true;
        closeAll();
        return first;
    }

    /** Whether {@link #expire()} was called. */
    synchronized boolean expired() {
        return expired;
    }

    /** Closes every host kept so far. */
    synchronized void closeAll() {
        for (Host host : hosts) {
            closeQuietly(host);
        }
        hosts.clear();
    }

    private static void closeQuietly(Host host) {
        try {
            host.close();
        } catch (RuntimeException e) {
            // Closing is best effort here; a real host's sweeper removes what a failed close left.
        }
    }

    /** The replay's time limit struck before this host was added. */
    static final class Expired extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Expired() {
            super("the replay ran past its time limit");
        }
    }
}
