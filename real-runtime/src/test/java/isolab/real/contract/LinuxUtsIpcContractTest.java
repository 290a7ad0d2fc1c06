package isolab.real.contract;

import isolab.api.Host;
import isolab.api.MachineConfig;
import isolab.api.contract.UtsIpcContract;
import isolab.real.LinuxHost;

/** {@link UtsIpcContract} on this machine's Linux, in a session sandbox. */
class LinuxUtsIpcContractTest extends UtsIpcContract {

    @Override
    protected Host newHost() {
        return LinuxHost.start(MachineConfig.defaults());
    }
}
