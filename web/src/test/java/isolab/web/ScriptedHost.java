package isolab.web;

import isolab.api.CommandResult;
import isolab.api.Host;
import isolab.api.HostKind;
import isolab.api.HostView;
import isolab.api.MachineConfig;
import isolab.api.NamespaceSet;
import isolab.api.NamespaceType;
import isolab.api.NamespaceView;
import isolab.api.ProcessView;
import isolab.api.Terminal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny deterministic stand-in for the simulator in web tests: terminals that know
 * {@code hostname [NAME]}, {@code echo}, {@code unshare --uts [--pid --fork] sh}, {@code exit},
 * {@code true}, {@code false}; anything else is bash's "command not found". Its view shows init,
 * one bash per terminal and the nested shells, with NSpid. Counts the hosts booted.
 */
public final class ScriptedHost implements Host {

    /** How many scripted hosts were booted, to see replays happen. */
    public static final AtomicInteger BOOTED = new AtomicInteger();

    static final long INITIAL_PIDNS = 4026531836L;
    static final long INITIAL_UTS = 4026531838L;
    static final NamespaceSet INITIAL = new NamespaceSet(4026531835L, 4026531839L, 4026531841L, 4026531840L,
            INITIAL_PIDNS, 4026531834L, 4026531837L, INITIAL_UTS);

    private final Map<String, ScriptedTerminal> terminals = new LinkedHashMap<>();
    private final Map<Long, String> hostnames = new LinkedHashMap<>();
    private final List<ProcessView> processes = new ArrayList<>();
    private final List<NamespaceView> namespaces = new ArrayList<>();
    private int nextPid = 2;
    private long nextInode = 4026532200L;
    private boolean closed;

    public ScriptedHost(MachineConfig config) {
        BOOTED.incrementAndGet();
        hostnames.put(INITIAL_UTS, "isolab");
        processes.add(new ProcessView(1, 0, "init", List.of("/sbin/init"), 'S', 0, List.of(1), INITIAL));
        namespaces.add(new NamespaceView(NamespaceType.PID, INITIAL_PIDNS, 0, 4026531837L, 0));
    }

    @Override
    public HostKind kind() {
        return HostKind.SIM;
    }

    @Override
    public Terminal terminal(String name) {
        if (closed) {
            throw new IllegalStateException("host closed");
        }
        return terminals.computeIfAbsent(name, n -> new ScriptedTerminal(n, spawn(1, "bash", INITIAL, List.of())));
    }

    @Override
    public HostView view() {
        return new HostView(HostKind.SIM, hostnames.get(INITIAL_UTS), processes, namespaces, List.of());
    }

    @Override
    public void close() {
        closed = true;
    }

    /** Whether {@link #close()} was called. */
    public boolean closed() {
        return closed;
    }

    private ProcessView spawn(int parent, String comm, NamespaceSet ns, List<Integer> outerPids) {
        int pid = nextPid++;
        List<Integer> nsPids = new ArrayList<>(outerPids);
        nsPids.add(0, pid);
        ProcessView process = new ProcessView(pid, parent, comm, List.of(comm), 'S', 0, nsPids, ns);
        processes.add(process);
        return process;
    }

    private final class ScriptedTerminal implements Terminal {
        private final String name;
        private final List<ProcessView> shells = new ArrayList<>();

        ScriptedTerminal(String name, ProcessView bash) {
            this.name = name;
            shells.add(bash);
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public CommandResult run(String line, Duration timeout) {
            ProcessView shell = shells.get(shells.size() - 1);
            String[] words = line.trim().split("\\s+");
            String output = "";
            int status = 0;
            switch (words[0]) {
                case "hostname" -> {
                    if (words.length > 1) {
                        hostnames.put(shell.namespaces().uts(), words[1]);
                    } else {
                        output = hostnames.get(shell.namespaces().uts()) + "\n";
                    }
                }
                case "echo" -> output = String.join(" ", List.of(words).subList(1, words.length))
                        .replace("$$", String.valueOf(shell.innermostPid())) + "\n";
                case "true" -> { }
                case "false" -> status = 1;
                case "unshare" -> unshare(shell, List.of(words));
                case "exit" -> {
                    if (shells.size() > 1) {
                        ProcessView gone = shells.remove(shells.size() - 1);
                        processes.remove(gone);
                    }
                }
                default -> {
                    output = "bash: " + words[0] + ": command not found\n";
                    status = 127;
                }
            }
            return new CommandResult(line, output, status, Duration.ofMillis(1), false, List.of());
        }

        private void unshare(ProcessView shell, List<String> args) {
            NamespaceSet ns = shell.namespaces();
            if (args.contains("--uts")) {
                long uts = nextInode++;
                hostnames.put(uts, hostnames.get(ns.uts()));
                ns = ns.with(NamespaceType.UTS, uts);
            }
            int pid = nextPid++;
            List<Integer> nsPids = new ArrayList<>();
            nsPids.add(pid);
            for (int level = 1; level < shell.nsPids().size(); level++) {
                nsPids.add(shell.nsPids().get(level) + 1);
            }
            if (args.contains("--pid")) {
                long pidns = nextInode++;
                namespaces.add(new NamespaceView(NamespaceType.PID, pidns, ns.pid(), 4026531837L,
                        shell.nsPids().size()));
                ns = ns.with(NamespaceType.PID, pidns);
                nsPids.add(1);
            }
            ProcessView sh = new ProcessView(pid, shell.pid(), "sh", List.of("sh"), 'S', 0, nsPids, ns);
            processes.add(sh);
            shells.add(sh);
        }
    }
}
