package isolab.real.contract;

import isolab.api.Host;
import isolab.api.MachineConfig;
import isolab.api.contract.UserNamespaceContract;
import isolab.real.LinuxHost;

/** {@link UserNamespaceContract} on this machine's Linux, in a session sandbox. */
class LinuxUserNamespaceContractTest extends UserNamespaceContract {

    @Override
    protected Host newHost() {
        return LinuxHost.start(MachineConfig.defaults());
    }
}
