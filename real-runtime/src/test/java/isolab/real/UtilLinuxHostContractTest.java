package isolab.real;

import isolab.api.Host;
import isolab.api.HostContract;
import isolab.api.MachineConfig;
import isolab.real.launch.LaunchMode;
import org.junit.jupiter.api.extension.ExtendWith;

/** The contract, in a sandbox built without the C helper: by util-linux, as where no gcc exists. */
@ExtendWith(UtilLinuxDifferences.class)
class UtilLinuxHostContractTest extends HostContract {

    @Override
    protected Host newHost() {
        return LinuxHost.start(MachineConfig.defaults(), SandboxOptions.defaults().withLaunch(LaunchMode.UTIL_LINUX));
    }
}
