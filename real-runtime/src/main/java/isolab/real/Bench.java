package isolab.real;

import isolab.api.MachineConfig;
import isolab.api.Terminal;
import isolab.real.launch.LaunchMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Measures the real host: how long a sandbox takes to start (alone, and with its first terminal's
 * prompt), how long a command takes round trip, and how long teardown takes; for both launchers.
 * Run as root: {@code java -cp real-runtime/target/classes:sim-kernel/target/classes isolab.real.Bench [N] [M]}
 * with N sandboxes (default 20) and M commands (default 300) per launcher.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws IOException {
        int sandboxes = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int commands = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        Path emptyCache = Files.createTempDirectory("isolab-bench-cache");
        try {
            long t0 = System.nanoTime();
            LinuxHost.start(MachineConfig.defaults(), SandboxOptions.defaults().withLaunch(LaunchMode.HELPER)
                    .withCacheDir(emptyCache)).close();
            System.out.printf(Locale.ROOT, "first start with an empty cache (gcc compiles the launcher), start+close: %.1f ms%n",
                    millis(System.nanoTime() - t0));
        } finally {
            try (Stream<Path> files = Files.walk(emptyCache)) {
                for (Path p : files.sorted(Collections.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
        System.out.printf(Locale.ROOT, "%-11s %-28s %8s %8s %8s %8s%n", "launcher", "what (n)", "median", "p90", "min", "max");
        for (LaunchMode mode : List.of(LaunchMode.HELPER, LaunchMode.UTIL_LINUX)) {
            measure(mode, sandboxes, commands);
        }
    }

    private static void measure(LaunchMode mode, int sandboxes, int commands) {
        SandboxOptions options = SandboxOptions.defaults().withLaunch(mode);
        List<Long> start = new ArrayList<>();
        List<Long> firstPrompt = new ArrayList<>();
        List<Long> close = new ArrayList<>();
        for (int i = 0; i < sandboxes; i++) {
            long t0 = System.nanoTime();
            LinuxHost host = LinuxHost.start(MachineConfig.defaults(), options);
            long t1 = System.nanoTime();
            host.terminal("main");
            long t2 = System.nanoTime();
            host.close();
            long t3 = System.nanoTime();
            start.add(t1 - t0);
            firstPrompt.add(t2 - t0);
            close.add(t3 - t2);
        }
        List<Long> trueLatency = new ArrayList<>();
        List<Long> psLatency = new ArrayList<>();
        try (LinuxHost host = LinuxHost.start(MachineConfig.defaults(), options)) {
            Terminal main = host.terminal("main");
            for (int i = 0; i < commands; i++) {
                long t0 = System.nanoTime();
                main.run("true");
                trueLatency.add(System.nanoTime() - t0);
            }
            for (int i = 0; i < commands / 10; i++) {
                long t0 = System.nanoTime();
                main.run("ps -ef");
                psLatency.add(System.nanoTime() - t0);
            }
        }
        report(mode, "start (sandbox built)", start);
        report(mode, "start + first prompt", firstPrompt);
        report(mode, "command `true`", trueLatency);
        report(mode, "command `ps -ef`", psLatency);
        report(mode, "teardown (close)", close);
    }

    private static void report(LaunchMode mode, String what, List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "%-11s %-28s %8.2f %8.2f %8.2f %8.2f  ms%n", mode.name().toLowerCase(Locale.ROOT),
                what + " (" + sorted.size() + ")", millis(sorted.get(sorted.size() / 2)),
                millis(sorted.get((int) (sorted.size() * 0.9))), millis(sorted.get(0)), millis(sorted.get(sorted.size() - 1)));
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }
}
