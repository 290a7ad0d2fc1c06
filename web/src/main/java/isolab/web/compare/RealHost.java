package isolab.web.compare;

import isolab.api.Host;
import isolab.api.MachineConfig;
import isolab.labs.hosts.Hosts;
import isolab.labs.run.HostFactory;
import java.time.Duration;

/**
 * Whether this server replays labs on real Linux sandboxes, and with how many at once: a real
 * sandbox is a scarce resource of the host, so the feature is off unless {@code serve --real-host}
 * turns it on, and off with the host's own reason when this machine cannot build one.
 */
public sealed interface RealHost {

    /** How many real replays run at once unless {@code --real-host-slots} says otherwise. */
    int SLOTS_DEFAULT = 2;

    /** How long one replay (both machines, every command) may take before its sandboxes are closed. */
    Duration TIME_LIMIT_DEFAULT = Duration.ofMinutes(3);

    /** Real replays are not offered here, for {@code reason} (a sentence a student can read). */
    record Off(String reason) implements RealHost {
    }

    /**
     * Real replays are offered: sandboxes from {@code hosts}, at most {@code slots} at once, at most
     * {@code waitingMax} more waiting for a slot, each replay within {@code timeLimit}.
     */
    record On(HostFactory hosts, int slots, int waitingMax, Duration timeLimit) implements RealHost {

        public On {
            if (slots < 1) {
                throw new IllegalArgumentException("--real-host-slots must be 1 or more, not " + slots);
            }
            if (waitingMax < 0 || timeLimit.isNegative() || timeLimit.isZero()) {
                throw new IllegalArgumentException("a queue of " + waitingMax + " and a time limit of " + timeLimit);
            }
        }
    }

    /** The feature as a server started without {@code --real-host} has it. */
    static RealHost notRequested() {
        return new Off("this server was started without --real-host, so labs are replayed on the simulator only"
                + " (an instructor can start it with 'isolab serve --real-host')");
    }

    /**
     * The feature on {@code hosts} if one sandbox can be built and closed here now, else off with
     * the host's reason (not root, the other cgroup layout, no launcher): the server says so at
     * start instead of failing every replay later.
     */
    static RealHost probe(HostFactory hosts, int slots, Duration timeLimit) {
        try (Host host = hosts.open(MachineConfig.defaults())) {
            host.kind();
        } catch (Hosts.Unavailable e) {
            return new Off("this server cannot build a real sandbox: " + e.getMessage());
        } catch (RuntimeException e) {
            return new Off("a test sandbox failed to start on this server (" + e.getMessage()
                    + "), so real replays are off");
        }
        return new On(hosts, slots, waitingMax(slots), timeLimit);
    }

    /** How many replays may wait for a slot: four per slot, so a class's burst queues instead of failing. */
    static int waitingMax(int slots) {
        return 4 * slots;
    }
}
