package isolab.sim.contract;

import isolab.api.Host;
import isolab.api.MachineConfig;
import isolab.api.contract.NetNamespaceContract;
import isolab.sim.SimulatedHost;

/** {@link NetNamespaceContract} on the simulator. */
class SimNetNamespaceTest extends NetNamespaceContract {

    @Override
    protected Host newHost() {
        return new SimulatedHost(MachineConfig.defaults());
    }
}
