package isolab.sim.kernel;

import isolab.api.Event;
import isolab.api.MachineConfig;
import isolab.api.NamespaceType;
import isolab.sim.determinism.Clock;
import isolab.sim.determinism.SplitMix64;
import isolab.sim.fs.Namei;
import isolab.sim.fs.Path;
import isolab.sim.fs.dev.DeviceTable;
import isolab.sim.fs.dev.MemoryDevices;
import isolab.sim.namespace.MntNamespace;
import isolab.sim.namespace.Namespace;
import isolab.sim.namespace.NsProxy;
import isolab.sim.namespace.Nsfs;
import isolab.sim.namespace.PidNamespace;
import isolab.sim.namespace.UserNamespace;
import isolab.sim.namespace.UtsNamespace;
import isolab.sim.process.BinaryLoader;
import isolab.sim.process.Credentials;
import isolab.sim.process.PidTable;
import isolab.sim.process.Task;
import isolab.sim.sched.Scheduler;
import isolab.sim.timeline.EventLog;
import isolab.sim.tty.Tty;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The simulated machine's kernel state and its boot order, in one place (xv6's main.c). Everything
 * a mechanism needs - clock, scheduler, PID table, namespaces, devices, timeline - hangs off it.
 */
public final class Kernel {

    /** {@code uname -r} on the simulator (docs/MACHINE.md). */
    public static final String RELEASE = "6.18.44-isolab";

    /** {@code uname -v}. */
    public static final String VERSION = "#1 SMP PREEMPT_DYNAMIC isolab";

    /** {@code uname -m}. */
    public static final String MACHINE = "x86_64";

    private final MachineConfig config;
    private final SplitMix64 random;
    private final Clock clock = new Clock();
    private final Scheduler scheduler = new Scheduler(clock);
    private final EventLog events = new EventLog();
    private final PidTable pids = new PidTable();
    private final Namespaces namespaces = new Namespaces(this);
    private final isolab.sim.cgroup.Cgroups cgroups;
    private final isolab.sim.memory.Memory memory;
    private final DeviceTable devices = new DeviceTable();
    private final Nsfs nsfs;
    private final List<Tty> ttys = new ArrayList<>();
    private final List<Consumer<Task>> exitListeners = new ArrayList<>();
    private int nextMountId = 21;
    private final isolab.sim.fs.mount.GroupIds groupIds = new isolab.sim.fs.mount.GroupIds();
    private int nextAnonMinor = 21;
    private long nextPipeIno = 40000;
    private BinaryLoader binaryLoader = id -> null;
    private UserNamespace initialUserNs;
    private PidNamespace initialPidNs;
    private NsProxy initialNsProxy;
    private Credentials rootCred;
    private Path rootPath;

    /** Boots the machine of docs/MACHINE.md, up to the point where init can start. */
    public Kernel(MachineConfig config) {
        this.config = config;
        this.random = new SplitMix64(config.seed());
        this.cgroups = new isolab.sim.cgroup.Cgroups(config.cgroup());   // the hierarchies of MACHINE.md
        this.memory = new isolab.sim.memory.Memory(this);               // memcgs, the sandbox's 512M limit
        this.nsfs = new Nsfs(random.split());                       // nsfs inode numbers
        MemoryDevices.register(devices, random.split());            // /dev/urandom and friends
        initialUserNs = new UserNamespace(Nsfs.initialInode(NamespaceType.USER), null);
        isolab.sim.namespace.TimeNamespace time = new isolab.sim.namespace.TimeNamespace(
                Nsfs.initialInode(NamespaceType.TIME), initialUserNs);
        time.markEntered();
        // The sandbox's own namespaces, in the order the real launcher makes them (pid first, then
        // copy_namespaces: mnt, uts, ipc, cgroup, net), so that their inode numbers sort alike.
        initialPidNs = new PidNamespace(nsfs.allocate(), initialUserNs, null);
        MntNamespace mnt = new MntNamespace(nsfs.allocate(), initialUserNs);
        UtsNamespace uts = new UtsNamespace(nsfs.allocate(), initialUserNs, "isolab", "(none)");
        Namespace ipc = new isolab.sim.namespace.IpcNamespace(nsfs.allocate(), initialUserNs);
        Namespace cgroup = new isolab.sim.namespace.CgroupNamespace(nsfs.allocate(), initialUserNs, cgroups.initial());
        Namespace net = new isolab.sim.namespace.NetNamespace(nsfs.allocate(), initialUserNs);
        for (Namespace ns : List.of(initialUserNs, time, initialPidNs, mnt, uts, ipc, net, cgroup)) {
            namespaces.register(ns);
        }
        initialNsProxy = new NsProxy(uts, ipc, mnt, initialPidNs, net, time, time, cgroup);
        rootCred = Credentials.root(initialUserNs);
        rootPath = MachineMounts.mountAll(this, mnt, config.cgroup());  // the mount table of MACHINE.md
    }

    public MachineConfig config() {
        return config;
    }

    public Clock clock() {
        return clock;
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    public PidTable pids() {
        return pids;
    }

    /** The cgroup hierarchies and their rules. */
    public isolab.sim.cgroup.Cgroups cgroups() {
        return cgroups;
    }

    /** Page frames, memcgs, reclaim and the OOM killer. */
    public isolab.sim.memory.Memory memory() {
        return memory;
    }

    public Namespaces namespaces() {
        return namespaces;
    }

    public DeviceTable devices() {
        return devices;
    }

    public Nsfs nsfs() {
        return nsfs;
    }

    private SplitMix64 netRandom;

    /** The network's random stream (MAC addresses, round-trip times), split from the root seed when first needed. */
    public SplitMix64 netRandom() {
        if (netRandom == null) {
            netRandom = random.split();
        }
        return netRandom;
    }

    /** A new random stream split from the machine's root seed. */
    public SplitMix64 splitRandom() {
        return random.split();
    }

    /** The timeline. */
    public EventLog events() {
        return events;
    }

    /** Records a kernel decision on the timeline. */
    public void emit(Event event) {
        events.append(event);
    }

    /** The namespaces init starts in. */
    public NsProxy initialNsProxy() {
        return initialNsProxy;
    }

    public PidNamespace initialPidNamespace() {
        return initialPidNs;
    }

    public UserNamespace initialUserNamespace() {
        return initialUserNs;
    }

    /** Root's credentials on this machine. */
    public Credentials rootCredentials() {
        return rootCred;
    }

    /** The root directory of the initial mount namespace. */
    public Path rootPath() {
        return rootPath;
    }

    /**
     * Ends the building of the root image: from now on what is in it is the overlay's lower layer,
     * and changes go to the upper layer, where the sandbox starts with /etc/bash.bashrc.
     */
    public void sealRootImage() {
        isolab.sim.fs.Directory root = (isolab.sim.fs.Directory) rootPath.inode();
        root.sealAsLower();
        root.inUpper("etc");
        ((isolab.sim.fs.Directory) root.lookup("etc", null)).inUpper("bash.bashrc");
        rootPath.inode().sb().seal();
    }

    /** Installs the userland's program loader. */
    public void setBinaryLoader(BinaryLoader loader) {
        this.binaryLoader = loader;
    }

    public BinaryLoader binaryLoader() {
        return binaryLoader;
    }

    /** The next mount id (mnt_alloc_id); the lab machine numbers its mounts from 21. */
    public int nextMountId() {
        return nextMountId++;
    }

    /** The machine's peer group ids (mnt_group_ida). */
    public isolab.sim.fs.mount.GroupIds groupIds() {
        return groupIds;
    }

    /** The next anonymous device number (get_anon_bdev), as {@code 0:N}, from 0:21. */
    public String nextAnonDevice() {
        return "0:" + nextAnonMinor++;
    }

    /** The next pipefs inode number. */
    public long nextPipeIno() {
        return nextPipeIno++;
    }

    /** A new pseudo-terminal, {@code /dev/pts/N} with the next N, registered as char device 136:N. */
    public Tty newTty() {
        Tty tty = new Tty(ttys.size());
        ttys.add(tty);
        devices.register(136, tty.index(), (flags, path, caller) -> tty.open(flags, path));
        return tty;
    }

    /** Every pseudo-terminal, by index. */
    public List<Tty> ttys() {
        return List.copyOf(ttys);
    }

    /** Resolves {@code path} for {@code task} (its root, cwd and mount namespace). */
    public Path lookup(Task task, String path, boolean follow) {
        return Namei.walk(context(task), path, follow);
    }

    /** The path-walk context of {@code task}. */
    public Namei.Context context(Task task) {
        return new Namei.Context(task.root(), task.cwd(), task.nsproxy().mnt().mounts(), task);
    }

    private final List<String> bugs = new ArrayList<>();

    /** Records a program that let an exception escape (a bug in the model's userland). */
    public void reportBug(Task task, RuntimeException bug) {
        java.io.StringWriter trace = new java.io.StringWriter();
        bug.printStackTrace(new java.io.PrintWriter(trace));
        bugs.add(task.comm() + "[" + task.pid() + "]: " + trace);
    }

    /** The bugs recorded so far; checkers require none. */
    public List<String> bugs() {
        return List.copyOf(bugs);
    }

    /** Asks to be told of every task's exit (after it became a zombie). */
    public void onExit(Consumer<Task> listener) {
        exitListeners.add(listener);
    }

    /** Tells the listeners {@code task} exited. */
    public void onExit(Task task) {
        for (Consumer<Task> listener : exitListeners) {
            listener.accept(task);
        }
    }
}
