package isolab.real;

import isolab.api.CgroupVersion;
import isolab.api.Host;
import isolab.api.HostKind;
import isolab.api.HostView;
import isolab.api.MachineConfig;
import isolab.api.Terminal;
import isolab.real.cgroup.CgroupLayout;
import isolab.real.cgroup.Hierarchy;
import isolab.real.cgroup.SessionCgroups;
import isolab.real.cgroup.SessionName;
import isolab.real.cgroup.Sweeper;
import isolab.real.launch.HelperBinary;
import isolab.real.launch.HelperSandbox;
import isolab.real.launch.LaunchMode;
import isolab.real.launch.Sandbox;
import isolab.real.launch.SandboxSpec;
import isolab.real.launch.UtilLinuxSandbox;
import isolab.real.proc.ProcStatus;
import isolab.real.proc.SandboxProbe;
import isolab.real.terminal.LinuxTerminal;
import isolab.real.terminal.PromptProtocol;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A real Linux host: one session sandbox presenting the machine of docs/MACHINE.md, started by
 * a launcher process (never by unshare or setns in the JVM), with real bash terminals and probes
 * of {@code /proc} and cgroupfs. {@link #close()}, the JVM's shutdown hook, and the sweeper of
 * the next JVM each remove everything the session made.
 */
public final class LinuxHost implements Host {

    /** The machine's hostname, as MACHINE.md gives it. */
    public static final String HOSTNAME = "isolab";

    private static final Set<LinuxHost> OPEN = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> OPEN.forEach(LinuxHost::close), "isolab-teardown"));
    }

    private final MachineConfig config;
    private final SessionCgroups cgroups;
    private final Sandbox sandbox;
    private final Optional<Path> helper;
    private final PromptProtocol protocol = PromptProtocol.fresh();
    private final Map<String, LinuxTerminal> terminals = new LinkedHashMap<>();
    private boolean closed;

    private LinuxHost(MachineConfig config, SessionCgroups cgroups, Sandbox sandbox, Optional<Path> helper) {
        this.config = config;
        this.cgroups = cgroups;
        this.sandbox = sandbox;
        this.helper = helper;
    }

    /** A new sandbox for {@code config}, built as {@link SandboxOptions#defaults()} says. */
    public static LinuxHost start(MachineConfig config) {
        return start(config, SandboxOptions.defaults());
    }

    /**
     * A new sandbox for {@code config}. Refuses, with a {@link HostRefusedException} saying why,
     * when this host cannot build that machine; sweeps away what sessions of dead JVMs left first.
     */
    public static LinuxHost start(MachineConfig config, SandboxOptions options) {
        CgroupLayout layout = CgroupLayout.detect();
        int uid = ProcStatus.of(ProcessHandle.current().pid()).map(ProcStatus::uid).orElse(-1);
        Optional<String> refusal = refusal(config.cgroup(), layout, uid);
        if (refusal.isPresent()) {
            throw new HostRefusedException(refusal.get());
        }
        List<Hierarchy> hierarchies = layout.machineHierarchies();
        Sweeper.sweep(hierarchies);
        SessionCgroups cgroups = new SessionCgroups(SessionName.next(), hierarchies);
        SandboxSpec spec = new SandboxSpec(cgroups, options.memoryLimitBytes(), options.pidsMax(), HOSTNAME);
        Optional<Path> helper = options.launch() == LaunchMode.UTIL_LINUX
                ? Optional.empty()
                : HelperBinary.ensure(options.cacheDir());
        LinuxHost host = new LinuxHost(config, cgroups, launch(spec, options, helper), helper);
        OPEN.add(host);
        return host;
    }

    /** Why this host, with {@code layout} and a JVM running as {@code uid}, cannot build a {@code wanted} machine. */
    static Optional<String> refusal(CgroupVersion wanted, CgroupLayout layout, int uid) {
        String elsewhere = "; run the lab on the simulator (--host sim)";
        if (uid != 0) {
            return Optional.of("a real sandbox is built as root (to unshare namespaces, mount an overlay and make"
                    + " cgroups), but this JVM runs as uid " + uid + elsewhere + " or run isolab as root");
        }
        if (layout.version().isEmpty()) {
            return Optional.of(layout.describe() + ", so a sandbox could not be given its memory ceiling" + elsewhere);
        }
        CgroupVersion host = layout.version().get();
        if (host != wanted) {
            return Optional.of("the lab needs a cgroup " + wanted.flag() + " machine, but " + layout.describe()
                    + elsewhere + " or on a host booted with cgroup " + wanted.flag()
                    + " (systemd.unified_cgroup_hierarchy=" + (wanted == CgroupVersion.V2 ? "1" : "0") + ")");
        }
        if (host == CgroupVersion.V2) {
            return Optional.of("isolab builds real sandboxes on cgroup v1 hosts only so far, and " + layout.describe()
                    + elsewhere);
        }
        for (String controller : List.of("memory", "pids")) {
            if (layout.machineHierarchies().stream().noneMatch(h -> h.has(controller))) {
                return Optional.of("this host has no v1 " + controller + " hierarchy, so a sandbox could not be given"
                        + " its " + controller + " ceiling" + elsewhere);
            }
        }
        return Optional.empty();
    }

    private static Sandbox launch(SandboxSpec spec, SandboxOptions options, Optional<Path> helper) {
        LaunchMode mode = options.launch();
        if (mode != LaunchMode.UTIL_LINUX) {
            if (helper.isPresent()) {
                return HelperSandbox.start(helper.get(), spec, options.startTimeout());
            }
            if (mode == LaunchMode.HELPER) {
                throw new HostRefusedException("the isolab launcher is built with a C compiler, and there is no gcc"
                        + " or cc on PATH; install gcc, or start the host with LaunchMode.UTIL_LINUX");
            }
        }
        for (String tool : List.of("unshare", "nsenter", "script", "mount", "pivot_root")) {
            if (!onPath(tool)) {
                throw new HostRefusedException("neither a C compiler nor util-linux's " + tool + " is on PATH, and a"
                        + " sandbox needs one of them to start; install gcc or util-linux");
            }
        }
        return UtilLinuxSandbox.start(spec, options.startTimeout());
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir.isEmpty() ? "." : dir, tool))) {
                return true;
            }
        }
        return Files.isExecutable(Path.of("/usr/sbin", tool)) || Files.isExecutable(Path.of("/sbin", tool));
    }

    @Override
    public HostKind kind() {
        return HostKind.REAL;
    }

    /** The machine this host was asked to be. */
    public MachineConfig config() {
        return config;
    }

    /** The session's name, as its cgroups are named. */
    public SessionName session() {
        return cgroups.name();
    }

    /** The session's cgroups, one per hierarchy. */
    public SessionCgroups cgroups() {
        return cgroups;
    }

    /** Which launcher built the sandbox. */
    public LaunchMode launchMode() {
        return sandbox.mode();
    }

    /** The sandbox's init as the host's PID namespace numbers it. */
    public long initHostPid() {
        return sandbox.initHostPid();
    }

    @Override
    public synchronized Terminal terminal(String name) {
        if (closed) {
            throw new IllegalStateException("host " + cgroups.name() + " is closed");
        }
        boolean first = terminals.isEmpty();
        return terminals.computeIfAbsent(name, n -> new LinuxTerminal(n, sandbox, protocol, first));
    }

    @Override
    public HostView view() {
        HostView v = SandboxProbe.view(cgroups.processes(), sandbox.hostname(), helper);
        List<isolab.api.MemcgView> memcgs = cgroups.hierarchies().stream().filter(h -> h.has("memory")).findFirst()
                .map(h -> isolab.real.cgroup.MemcgProbe.read(cgroups.dir(h))).orElse(List.of());
        return new HostView(v.kind(), v.hostname(), v.processes(), v.namespaces(), v.mounts(), memcgs);
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        sandbox.close(Duration.ofSeconds(5));
        OPEN.remove(this);
    }
}
