package isolab.real;

import isolab.api.MachineConfig;
import isolab.real.launch.LaunchMode;
import isolab.real.proc.ProcStat;

/**
 * A JVM that owns a sandbox, for tests of what happens when such a JVM ends: it starts a host
 * (launched as {@code args[0]} says), puts a background job on its terminal, prints
 * {@code session NAME init PID launcher PID}, and then either returns from main without closing
 * the host ({@code args[1]} = {@code return}) or waits to be killed ({@code wait}).
 */
public final class SandboxOwner {

    private SandboxOwner() {
    }

    public static void main(String[] args) throws InterruptedException {
        LinuxHost host = LinuxHost.start(MachineConfig.defaults(),
                SandboxOptions.defaults().withLaunch(LaunchMode.valueOf(args[0])));
        host.terminal("main").run("sleep 1000 &");
        long launcher = ProcStat.of(host.initHostPid()).orElseThrow().ppid();
        System.out.println("session " + host.session() + " init " + host.initHostPid() + " launcher " + launcher);
        System.out.flush();
        if (args[1].equals("wait")) {
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}
