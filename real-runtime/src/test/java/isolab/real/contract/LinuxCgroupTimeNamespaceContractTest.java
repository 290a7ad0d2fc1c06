package isolab.real.contract;

import isolab.api.Host;
import isolab.api.MachineConfig;
import isolab.api.contract.CgroupTimeNamespaceContract;
import isolab.real.LinuxHost;

/** {@link CgroupTimeNamespaceContract} on this machine's Linux, in a session sandbox. */
class LinuxCgroupTimeNamespaceContractTest extends CgroupTimeNamespaceContract {

    @Override
    protected Host newHost() {
        return LinuxHost.start(MachineConfig.defaults());
    }
}
