package isolab.labs.hosts;

import isolab.api.HostKind;
import isolab.labs.run.HostFactory;
import isolab.real.HostRefusedException;
import isolab.real.LinuxHost;
import isolab.sim.SimulatedHost;

/**
 * The one place that chooses a host implementation from {@code --host sim|real}: the simulator
 * ({@code isolab.sim.SimulatedHost}) or a real Linux sandbox ({@code isolab.real.LinuxHost}).
 */
public final class Hosts {

    /**
     * A host that cannot start here — a real host asked for the other cgroup layout, or without
     * root — with the host's reason, for a person to act on.
     */
    public static final class Unavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private Hosts() {
    }

    /** The factory of hosts of {@code kind}. */
    public static HostFactory of(HostKind kind) {
        return switch (kind) {
            case SIM -> SimulatedHost::new;
            case REAL -> config -> {
                try {
                    return LinuxHost.start(config);
                } catch (HostRefusedException e) {
                    throw new Unavailable(e.getMessage(), e);
                }
            };
        };
    }
}
