package isolab.sim.contract;

import isolab.api.Host;
import isolab.api.MachineConfig;
import isolab.api.contract.PidNamespaceContract;
import isolab.sim.SimulatedHost;

/** {@link PidNamespaceContract} on the simulator. */
class SimPidNamespaceTest extends PidNamespaceContract {

    @Override
    protected Host newHost() {
        return new SimulatedHost(MachineConfig.defaults());
    }
}
