package isolab.sim.scratch;

import isolab.api.CommandResult;
import isolab.sim.Machine;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ScratchRun {
    @Test
    void run() throws Exception {
        Path file = Path.of(System.getProperty("scratch", "/tmp/netm/cmds.txt"));
        try (Machine m = new Machine(Long.getLong("seed", 0))) {
            for (String line : Files.readAllLines(file)) {
                if (line.isBlank()) {
                    continue;
                }
                CommandResult r = m.run(line);
                System.out.println("$ " + line);
                System.out.print(r.output());
                System.out.println("[" + r.status() + "]");
            }
        }
    }
}
