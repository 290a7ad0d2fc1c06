package isolab.labs.run;

import isolab.api.Host;
import isolab.api.MachineConfig;

/** Boots a fresh host for a run; the caller closes it. */
@FunctionalInterface
public interface HostFactory {

    /** A fresh machine as docs/MACHINE.md describes it, configured by {@code config}. */
    Host open(MachineConfig config);
}
