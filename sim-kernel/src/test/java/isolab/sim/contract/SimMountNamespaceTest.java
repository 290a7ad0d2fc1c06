package isolab.sim.contract;

import isolab.api.Host;
import isolab.api.MachineConfig;
import isolab.api.contract.MountNamespaceContract;
import isolab.sim.SimulatedHost;

/** The mount namespace contract, on the simulator. */
class SimMountNamespaceTest extends MountNamespaceContract {

    @Override
    protected Host newHost() {
        return new SimulatedHost(MachineConfig.defaults());
    }
}
