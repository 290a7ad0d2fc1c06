package isolab.real.contract;

import isolab.api.Host;
import isolab.api.MachineConfig;
import isolab.api.contract.ProgramsContract;
import isolab.real.LinuxHost;

/** {@link ProgramsContract} on this machine's Linux, in a session sandbox. */
class LinuxProgramsContractTest extends ProgramsContract {

    @Override
    protected Host newHost() {
        return LinuxHost.start(MachineConfig.defaults());
    }
}
