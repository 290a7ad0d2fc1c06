package isolab.labs.testing;

import isolab.api.CommandResult;
import isolab.api.Host;
import isolab.api.HostKind;
import isolab.api.HostView;
import isolab.api.Terminal;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scripted stand-in for a host in tests of the runner, the differ and the self-test: a few
 * commands with a little state, enough that a lab's solution changes what its checks see.
 * {@code hostname [NAME]}, {@code unshare --uts sh} / {@code unshare --pid --fork sh} (a nested
 * shell, UTS copied; a new PID namespace starts at 1), {@code exit [N]}, {@code echo ARGS} (with
 * {@code $$}), {@code true}, {@code false}, {@code sleep N} (times out past the timeout),
 * {@code readlink /proc/self/ns/uts}, {@code printf} of a fixed date and size; anything else is
 * "command not found". {@code pidOffset} shifts every PID of the initial namespace, as a real
 * host that forked more would; {@code inodeBase} picks namespace inode numbers.
 */
public final class ToyHost implements Host {

    private final HostKind kind;
    private final int pidOffset;
    private final long inodeBase;
    private final Map<String, ToyTerminal> terminals = new LinkedHashMap<>();
    private int nextPid;
    private long nextInode;
    private final List<String> history = new ArrayList<>();
    private boolean closed;

    public ToyHost(HostKind kind, int pidOffset, long inodeBase) {
        this.kind = kind;
        this.pidOffset = pidOffset;
        this.inodeBase = inodeBase;
        this.nextPid = 2 + pidOffset;
        this.nextInode = inodeBase + 100;
    }

    /** A simulator-like toy. */
    public static ToyHost sim() {
        return new ToyHost(HostKind.SIM, 0, 4026531000L);
    }

    /** Every command line run on this host, as {@code terminal: line}. */
    public List<String> history() {
        return List.copyOf(history);
    }

    public boolean closed() {
        return closed;
    }

    @Override
    public HostKind kind() {
        return kind;
    }

    @Override
    public Terminal terminal(String name) {
        return terminals.computeIfAbsent(name, ToyTerminal::new);
    }

    @Override
    public HostView view() {
        return new HostView(kind, "isolab", List.of(), List.of(), List.of());
    }

    @Override
    public void close() {
        closed = true;
    }

    private record Shell(int pid, String[] uts, long utsInode, int nsPid) {
    }

    private final class ToyTerminal implements Terminal {
        private final String name;
        private final Deque<Shell> shells = new ArrayDeque<>();

        ToyTerminal(String name) {
            this.name = name;
            shells.push(new Shell(nextPid++, new String[] {"isolab"}, inodeBase + 38, 0));
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public CommandResult run(String line, Duration timeout) {
            history.add(name + ": " + line);
            Shell shell = shells.peek();
            String[] words = line.trim().split("\\s+");
            String out = "";
            int status = 0;
            boolean timedOut = false;
            List<isolab.api.Event> events = new ArrayList<>();
            switch (words[0]) {
                case "hostname" -> {
                    if (words.length > 1) {
                        events.add(new isolab.api.NamespaceEvent.HostnameChanged(shell.utsInode(), nextPid, shell.uts()[0], words[1]));
                        shell.uts()[0] = words[1];
                    } else {
                        out = shell.uts()[0] + "\n";
                    }
                    nextPid++;
                }
                case "unshare" -> {
                    boolean pid = line.contains("--pid");
                    boolean uts = line.contains("--uts");
                    int outer = nextPid++;
                    if (pid) {
                        nextPid++;
                    }
                    shells.push(new Shell(pid ? outer + 1 : outer, uts ? new String[] {shell.uts()[0]} : shell.uts(),
                            uts ? nextInode++ : shell.utsInode(), pid ? 1 : shell.nsPid()));
                }
                case "exit" -> {
                    status = words.length > 1 ? Integer.parseInt(words[1]) : 0;
                    shells.pop();
                    if (shells.isEmpty()) {
                        shells.push(new Shell(nextPid++, new String[] {"isolab"}, inodeBase + 38, 0));
                    }
                }
                case "echo" -> out = line.trim().substring(4).trim()
                        .replace("$$", Integer.toString(shell.nsPid() > 0 ? shell.nsPid() : shell.pid())) + "\n";
                case "true" -> status = 0;
                case "false" -> status = 1;
                case "sleep" -> {
                    if (Duration.ofSeconds(Long.parseLong(words[1])).compareTo(timeout) > 0) {
                        timedOut = true;
                        status = 130;
                    }
                }
                case "readlink" -> out = "uts:[" + shell.utsInode() + "]\n";
                case "date" -> out = (kind == HostKind.SIM ? "Thu Jan  1 00:00:07 UTC 1970" : "Mon Mar  3 14:02:11 UTC 2025") + "\n";
                case "size" -> out = (kind == HostKind.SIM ? "4096000" : "4100096") + " bytes\n";
                default -> {
                    out = "bash: " + words[0] + ": command not found\n";
                    status = 127;
                }
            }
            return new CommandResult(line, out, status, Duration.ofMillis(1), timedOut, events);
        }
    }
}
