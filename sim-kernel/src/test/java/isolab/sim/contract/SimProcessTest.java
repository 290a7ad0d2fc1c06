package isolab.sim.contract;

import isolab.api.Host;
import isolab.api.MachineConfig;
import isolab.api.contract.ProcessContract;
import isolab.sim.SimulatedHost;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link ProcessContract} on the simulator; tests that run another area's programs wait for them ({@link AwaitingOtherAreas}). */
@ExtendWith(AwaitingOtherAreas.class)
class SimProcessTest extends ProcessContract {

    @Override
    protected Host newHost() {
        return new SimulatedHost(MachineConfig.defaults());
    }
}
