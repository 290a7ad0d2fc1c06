package isolab.labs.cli;

import isolab.api.HostKind;
import isolab.labs.run.HostFactory;

/** Which factory makes hosts of each kind: the CLI's wiring, replaceable in tests. */
@FunctionalInterface
public interface HostChoice {

    /** The factory of hosts of {@code kind}. */
    HostFactory of(HostKind kind);
}
