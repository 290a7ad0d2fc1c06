package isolab.real.contract;

import isolab.api.Host;
import isolab.api.MachineConfig;
import isolab.api.contract.PidNamespaceContract;
import isolab.real.LinuxHost;

/** {@link PidNamespaceContract} on this machine's Linux, in a session sandbox. */
class LinuxPidNamespaceContractTest extends PidNamespaceContract {

    @Override
    protected Host newHost() {
        return LinuxHost.start(MachineConfig.defaults());
    }
}
