package isolab.real;

import isolab.api.Host;
import isolab.api.HostContract;
import isolab.api.MachineConfig;
import org.junit.jupiter.api.extension.ExtendWith;

/** The contract every host keeps, on this machine's Linux, in a session sandbox built by the C helper. */
@ExtendWith(ContractDisagreements.class)
class LinuxHostContractTest extends HostContract {

    @Override
    protected Host newHost() {
        return LinuxHost.start(MachineConfig.defaults());
    }
}
