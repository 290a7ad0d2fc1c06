package isolab.cli;

import isolab.api.CgroupVersion;
import isolab.api.CommandResult;
import isolab.api.Host;
import isolab.api.HostKind;
import isolab.api.MachineConfig;
import isolab.api.Terminal;
import isolab.labs.hosts.Hosts;
import isolab.labs.run.HostFactory;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code isolab bench}: measures a host as a lab uses it — boot, per-command latency over a
 * typical namespace lab script, stepping back (reboot and replay), and for the simulator the
 * heap and threads a live machine holds. Figures go to docs/BENCHMARKS.md; no test asserts them.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure a host: boot, command latency, step-back replay, and (simulator) memory per machine.",
                "Prints medians and 90th percentiles of wall-clock milliseconds over --rounds machines."})
public final class BenchCommand implements Callable<Integer> {

    /** A namespace lab in miniature: the commands students type most. */
    static final List<String> SCRIPT = List.of(
            "ps -ef", "hostname", "readlink /proc/self/ns/uts", "unshare --uts sh", "hostname c1", "hostname",
            "exit", "unshare --pid --fork --mount-proc sh", "echo $$", "ps -o pid,ppid,comm",
            "grep NSpid /proc/self/status", "ps aux | wc -l", "wc -l /proc/mounts", "sleep 1 &", "sleep 2",
            "ls -l /etc", "id", "for i in $(seq 10); do echo $i; done | sort -n | tail -1",
            "cat /proc/self/status | head -5", "kill -0 1; echo $?");

    @Spec
    CommandSpec spec;

    @Option(names = "--host", paramLabel = "sim|real", description = "The host to measure (default: ${DEFAULT-VALUE}).",
            defaultValue = "sim")
    String host;

    @Option(names = "--rounds", paramLabel = "N", description = "How many machines to boot (default: ${DEFAULT-VALUE}).",
            defaultValue = "20")
    int rounds;

    @Option(names = "--machines", paramLabel = "M",
            description = "Simulator only: how many live machines to hold for the memory figure (default: ${DEFAULT-VALUE}).",
            defaultValue = "50")
    int machines;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        HostKind kind;
        try {
            kind = HostKind.fromFlag(host);
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("isolab bench: " + e.getMessage());
            return 2;
        }
        if (rounds < 1 || machines < 1) {
            spec.commandLine().getErr().println("isolab bench: --rounds and --machines must be at least 1");
            return 2;
        }
        HostFactory factory = Hosts.of(kind);
        out.printf("isolab bench --host %s: %d machines, %d commands each%n", kind.flag(), rounds, SCRIPT.size());
        try {
            measureRuns(factory, out);
            if (kind == HostKind.SIM) {
                measureMemory(factory, out);
            }
        } catch (Hosts.Unavailable e) {
            spec.commandLine().getErr().println("isolab bench: " + e.getMessage());
            return 2;
        }
        return 0;
    }

    private void measureRuns(HostFactory factory, PrintWriter out) {
        List<Double> boots = new ArrayList<>();
        List<Double> commands = new ArrayList<>();
        List<Double> replays = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            MachineConfig config = new MachineConfig(CgroupVersion.V1, round);
            long start = System.nanoTime();
            try (Host machine = factory.open(config)) {
                Terminal main = machine.terminal("main");
                main.run("true");
                boots.add(millisSince(start));
                for (String line : SCRIPT) {
                    long before = System.nanoTime();
                    CommandResult result = main.run(line);
                    commands.add(millisSince(before));
                    if (result.timedOut()) {
                        out.printf("  warning: '%s' timed out%n", line);
                    }
                }
            }
            // Stepping back to the last command = a fresh machine replaying all but that command.
            long replayStart = System.nanoTime();
            try (Host machine = factory.open(config)) {
                Terminal main = machine.terminal("main");
                for (String line : SCRIPT.subList(0, SCRIPT.size() - 1)) {
                    main.run(line);
                }
            }
            replays.add(millisSince(replayStart));
        }
        out.println(row("boot to first prompt", boots));
        out.println(row("one command", commands));
        out.println(row("step back (boot + replay " + (SCRIPT.size() - 1) + ")", replays));
    }

    private void measureMemory(HostFactory factory, PrintWriter out) {
        Runtime runtime = Runtime.getRuntime();
        long heapBefore = usedHeapAfterGc(runtime);
        int threadsBefore = Thread.activeCount();
        List<Host> live = new ArrayList<>();
        try {
            for (int i = 0; i < machines; i++) {
                Host machine = factory.open(new MachineConfig(CgroupVersion.V1, i));
                live.add(machine);
                for (String line : SCRIPT.subList(0, 10)) {
                    machine.terminal("main").run(line);
                }
                machine.terminal("c1").run("unshare --pid --fork --mount-proc sh");
            }
            long heapAfter = usedHeapAfterGc(runtime);
            int threadsAfter = Thread.activeCount();
            out.printf(Locale.ROOT, "%-40s %8.1f KiB heap, %5.1f threads (%d machines, 2 terminals, a nested shell each)%n",
                    "one live simulated machine", (heapAfter - heapBefore) / 1024.0 / machines,
                    (threadsAfter - threadsBefore) / (double) machines, machines);
        } finally {
            live.forEach(Host::close);
        }
    }

    private static long usedHeapAfterGc(Runtime runtime) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static double millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }

    private static String row(String what, List<Double> millis) {
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return String.format(Locale.ROOT, "%-40s median %8.2f ms   p90 %8.2f ms   (n=%d)", what,
                percentile(sorted, 50), percentile(sorted, 90), sorted.size());
    }

    private static double percentile(List<Double> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
