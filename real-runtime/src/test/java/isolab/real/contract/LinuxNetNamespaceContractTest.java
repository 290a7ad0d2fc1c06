package isolab.real.contract;

import isolab.api.Host;
import isolab.api.MachineConfig;
import isolab.api.contract.NetNamespaceContract;
import isolab.real.LinuxHost;

/** {@link NetNamespaceContract} on this machine's Linux, in a session sandbox. */
class LinuxNetNamespaceContractTest extends NetNamespaceContract {

    @Override
    protected Host newHost() {
        return LinuxHost.start(MachineConfig.defaults());
    }
}
