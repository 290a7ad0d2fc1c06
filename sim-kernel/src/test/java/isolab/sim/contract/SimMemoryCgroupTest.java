package isolab.sim.contract;

import isolab.api.Host;
import isolab.api.MachineConfig;
import isolab.api.contract.MemoryCgroupContract;
import isolab.sim.Machine;
import isolab.sim.SimulatedHost;

/** {@link MemoryCgroupContract} on the simulator. */
class SimMemoryCgroupTest extends MemoryCgroupContract {

    @Override
    protected Host newHost() {
        return new SimulatedHost(MachineConfig.defaults());
    }

    @Override
    protected String diskFile(int bytes) {
        Machine.diskFile((SimulatedHost) host, "/var/tmp/isolab-memcg/data", bytes);
        return "/var/tmp/isolab-memcg/data";
    }
}
