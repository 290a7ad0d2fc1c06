package isolab.sim.contract;

import isolab.api.Host;
import isolab.api.MachineConfig;
import isolab.api.contract.CgroupPidsContract;
import isolab.sim.SimulatedHost;

/** {@link CgroupPidsContract} on the simulator. */
class SimCgroupPidsTest extends CgroupPidsContract {

    @Override
    protected Host newHost() {
        return new SimulatedHost(MachineConfig.defaults());
    }
}
