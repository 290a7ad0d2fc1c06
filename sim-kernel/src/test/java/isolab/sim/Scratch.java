package isolab.sim;

import isolab.api.CommandResult;
import isolab.api.MachineConfig;
import isolab.api.Terminal;
import java.nio.file.Files;
import java.nio.file.Path;

/** A manual driver: runs the lines of a file on a fresh machine and prints what the terminal shows. */
public final class Scratch {
    public static void main(String[] args) throws Exception {
        try (SimulatedHost host = new SimulatedHost(MachineConfig.defaults())) {
            Terminal t = host.terminal("main");
            for (String line : Files.readAllLines(Path.of(args[0]))) {
                if (line.isBlank()) {
                    continue;
                }
                CommandResult r = t.run(line.replace("\\n", "\n"));
                System.out.print("$ " + line + "\n" + r.output() + "[" + r.status() + (r.timedOut() ? " TIMEOUT" : "") + "]\n");
            }
        }
    }
}
