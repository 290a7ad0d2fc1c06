package isolab.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import isolab.api.CommandResult;
import isolab.api.MachineConfig;
import isolab.api.Terminal;
import isolab.sim.check.Invariants;
import java.util.List;

/**
 * A simulated machine for tests: every command runs on a terminal and is followed by the
 * invariant checkers, so a test fails at the first step that breaks the model.
 */
public final class Machine implements AutoCloseable {

    private final SimulatedHost host;
    private final Terminal main;

    public Machine() {
        this(0);
    }

    public Machine(long seed) {
        host = new SimulatedHost(new MachineConfig(isolab.api.CgroupVersion.V1, seed));
        main = host.terminal("main");
        checked();
    }

    /** Runs {@code line} on the main terminal, then checks the invariants. */
    public CommandResult run(String line) {
        return run(main, line);
    }

    /** Runs {@code line} on {@code terminal}, then checks the invariants. */
    public CommandResult run(Terminal terminal, String line) {
        CommandResult result = terminal.run(line);
        checked();
        return result;
    }

    /** The output of {@code line}, which must succeed. */
    public String out(String line) {
        CommandResult r = run(line);
        assertEquals(0, r.status(), () -> "status of `" + line + "`: " + r.output());
        return r.output();
    }

    private void checked() {
        List<String> violations = Invariants.check(host.kernel());
        assertEquals(List.of(), violations, "invariants");
    }

    public SimulatedHost host() {
        return host;
    }

    public Terminal terminal(String name) {
        return host.terminal(name);
    }

    @Override
    public void close() {
        host.close();
    }

    /**
     * Puts a file of {@code bytes} bytes on the machine's disk (the root image, which reads go
     * through the page cache for), as a real host's lower layer has files the sandbox did not write.
     */
    public static void diskFile(SimulatedHost host, String path, int bytes) {
        isolab.sim.fs.Directory root = (isolab.sim.fs.Directory) host.kernel().rootPath().inode();
        int slash = path.lastIndexOf('/');
        isolab.sim.fs.Directory dir = isolab.sim.fs.Tmpfs.mkdirs(root, path.substring(1, slash), 0755);
        isolab.sim.fs.RegularFile file = isolab.sim.fs.Tmpfs.file(dir, path.substring(slash + 1), 0644, "");
        file.write(0, new byte[bytes], 0, bytes);
        file.markOnDisk();
    }
}
