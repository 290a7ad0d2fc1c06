package isolab.real.contract;

import isolab.api.Host;
import isolab.api.MachineConfig;
import isolab.api.contract.CgroupPidsContract;
import isolab.real.LinuxHost;

/** {@link CgroupPidsContract} on this machine's Linux, in a session sandbox. */
class LinuxCgroupPidsContractTest extends CgroupPidsContract {

    @Override
    protected Host newHost() {
        return LinuxHost.start(MachineConfig.defaults());
    }
}
