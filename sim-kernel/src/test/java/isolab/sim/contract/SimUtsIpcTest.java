package isolab.sim.contract;

import isolab.api.Host;
import isolab.api.MachineConfig;
import isolab.api.contract.UtsIpcContract;
import isolab.sim.SimulatedHost;

/** {@link UtsIpcContract} on the simulator. */
class SimUtsIpcTest extends UtsIpcContract {

    @Override
    protected Host newHost() {
        return new SimulatedHost(MachineConfig.defaults());
    }
}
