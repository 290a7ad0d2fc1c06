package isolab.real.contract;

import isolab.api.Host;
import isolab.api.MachineConfig;
import isolab.api.contract.ProcessContract;
import isolab.real.LinuxHost;

/** {@link ProcessContract} on this machine's Linux, in a session sandbox. */
class LinuxProcessContractTest extends ProcessContract {

    @Override
    protected Host newHost() {
        return LinuxHost.start(MachineConfig.defaults());
    }
}
