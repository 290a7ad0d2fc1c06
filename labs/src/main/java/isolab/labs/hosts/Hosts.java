package isolab.labs.hosts;

import isolab.api.HostKind;
import isolab.labs.run.HostFactory;
import isolab.sim.SimulatedHost;

/**
 * The one place that chooses a host implementation from {@code --host sim|real}: the simulator
 * ({@code isolab.sim.SimulatedHost}) or a real Linux sandbox ({@code isolab.real.LinuxHost}).
 */
public final class Hosts {

    /** A host that cannot start here; the message says why, for a person to act on. */
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
                throw new Unavailable("the real host (isolab.real.LinuxHost) is not part of this build yet", null);
            };
        };
    }
}
