package isolab.sim;

import isolab.api.MachineConfig;
import isolab.api.Terminal;
import java.util.List;

/**
 * A small benchmark, not a test: boots a machine and runs 20 typical lab commands, five times,
 * printing wall-clock milliseconds. Run: {@code java -cp <test classpath> isolab.sim.Bench}.
 */
public final class Bench {

    static final List<String> COMMANDS = List.of(
            "ps -ef", "hostname", "readlink /proc/self/ns/uts", "unshare --uts sh", "hostname c1", "hostname", "exit",
            "unshare --pid --fork --mount-proc sh", "echo $$", "ps -o pid,ppid,comm", "grep NSpid /proc/self/status",
            "exit", "ps aux | wc -l", "wc -l /proc/mounts", "sleep 1 &", "sleep 2", "ls -l /etc", "id",
            "for i in $(seq 10); do echo $i; done | sort -n | tail -1", "cat /proc/self/status | head -5");

    private Bench() {
    }

    public static void main(String[] args) {
        for (int round = 1; round <= 5; round++) {
            long start = System.nanoTime();
            try (SimulatedHost host = new SimulatedHost(new MachineConfig(isolab.api.CgroupVersion.V1, round))) {
                long booted = System.nanoTime();
                Terminal t = host.terminal("main");
                for (String line : COMMANDS) {
                    t.run(line);
                }
                long done = System.nanoTime();
                System.out.printf("round %d: boot %.1f ms, boot + 20 commands %.1f ms%n", round,
                        (booted - start) / 1e6, (done - start) / 1e6);
            }
        }
    }
}
