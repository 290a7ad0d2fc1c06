package isolab.sim;

import isolab.api.Host;
import isolab.api.HostContract;
import isolab.api.MachineConfig;

/** The contract every host fulfils, run on the simulator. */
class SimulatedHostContractTest extends HostContract {

    @Override
    protected Host newHost() {
        return new SimulatedHost(MachineConfig.defaults());
    }
}
