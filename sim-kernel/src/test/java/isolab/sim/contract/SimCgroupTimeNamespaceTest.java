package isolab.sim.contract;

import isolab.api.Host;
import isolab.api.MachineConfig;
import isolab.api.contract.CgroupTimeNamespaceContract;
import isolab.sim.SimulatedHost;

/** {@link CgroupTimeNamespaceContract} on the simulator. */
class SimCgroupTimeNamespaceTest extends CgroupTimeNamespaceContract {

    @Override
    protected Host newHost() {
        return new SimulatedHost(MachineConfig.defaults());
    }
}
