package isolab.sim.contract;

import isolab.api.Host;
import isolab.api.MachineConfig;
import isolab.api.contract.UserNamespaceContract;
import isolab.sim.SimulatedHost;

/** {@link UserNamespaceContract} on the simulator. */
class SimUserNamespaceTest extends UserNamespaceContract {

    @Override
    protected Host newHost() {
        return new SimulatedHost(MachineConfig.defaults());
    }
}
