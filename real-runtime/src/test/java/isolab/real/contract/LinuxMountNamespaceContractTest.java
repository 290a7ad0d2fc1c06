package isolab.real.contract;

import isolab.api.Host;
import isolab.api.MachineConfig;
import isolab.api.contract.MountNamespaceContract;
import isolab.real.LinuxHost;

/** {@link MountNamespaceContract} on this machine's Linux, in a session sandbox. */
class LinuxMountNamespaceContractTest extends MountNamespaceContract {

    @Override
    protected Host newHost() {
        return LinuxHost.start(MachineConfig.defaults());
    }
}
