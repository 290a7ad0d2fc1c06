package isolab.sim.contract;

import isolab.api.Host;
import isolab.api.MachineConfig;
import isolab.api.contract.ProgramsContract;
import isolab.sim.SimulatedHost;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link ProgramsContract} on the simulator; tests that run another area's programs wait for them ({@link AwaitingOtherAreas}). */
@ExtendWith(AwaitingOtherAreas.class)
class SimProgramsTest extends ProgramsContract {

    @Override
    protected Host newHost() {
        return new SimulatedHost(MachineConfig.defaults());
    }
}
