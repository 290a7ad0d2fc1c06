package isolab.real;

import isolab.api.Host;
import isolab.api.HostContract;
import isolab.api.MachineConfig;

/** The contract every host keeps, on this machine's Linux, in a session sandbox built by the C helper. */
class LinuxHostContractTest extends HostContract {

    @Override
    protected Host newHost() {
        return LinuxHost.start(MachineConfig.defaults());
    }
}
