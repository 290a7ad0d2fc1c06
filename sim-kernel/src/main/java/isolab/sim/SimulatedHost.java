package isolab.sim;

import isolab.api.Host;
import isolab.api.HostKind;
import isolab.api.HostView;
import isolab.api.MachineConfig;
import isolab.api.Terminal;
import isolab.sim.kernel.Kernel;
import isolab.sim.process.Fork;
import isolab.sim.process.Task;
import isolab.sim.syscall.Syscalls;
import isolab.sim.userland.Programs;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulated Linux machine of docs/MACHINE.md as a {@link Host}: boots the kernel, installs
 * the userland, starts {@code /sbin/init} as PID 1, and gives each named terminal an interactive
 * bash on its own pseudo-terminal. Everything that happens is a pure function of the seed and
 * the command lines typed, in order.
 */
public final class SimulatedHost implements Host {

    /** Scheduling steps init gets to reach its wait loop at boot. */
    private static final long BOOT_BUDGET = 100_000;

    private final Kernel kernel;
    private final Task init;
    private final Map<String, SimTerminal> terminals = new LinkedHashMap<>();
    private boolean closed;

    /** Boots a machine. */
    public SimulatedHost(MachineConfig config) {
        this.kernel = new Kernel(config);
        Programs.install(kernel);
        kernel.sealRootImage();
        this.init = Fork.first(kernel, kernel.initialNsProxy(), kernel.rootCredentials(), kernel.rootPath(), "init",
                List.of("/sbin/init"), task -> {
                    new Syscalls(kernel, task).execve("/sbin/init", List.of("/sbin/init"), List.of());
                    return 127;
                });
        kernel.scheduler().run(() -> true, 0, BOOT_BUDGET);
    }

    @Override
    public HostKind kind() {
        return HostKind.SIM;
    }

    @Override
    public synchronized Terminal terminal(String name) {
        checkOpen();
        return terminals.computeIfAbsent(name, n -> new SimTerminal(this, n, kernel.newTty()));
    }

    @Override
    public synchronized HostView view() {
        checkOpen();
        return HostViews.snapshot(kernel);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        kernel.scheduler().shutdown();
    }

    /** The kernel, for the web's pictures, checkers and tests in this module. */
    public Kernel kernel() {
        return kernel;
    }

    /** PID 1. */
    Task init() {
        return init;
    }

    void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the simulated machine is closed");
        }
    }

    /** The terminals created so far, by name, in creation order. */
    public synchronized Map<String, Terminal> terminals() {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(terminals));
    }
}
