package isolab.sim.userland.stressng;

import isolab.sim.process.Signal;
import isolab.sim.process.Wait;
import isolab.sim.syscall.Errno;
import isolab.sim.syscall.SysException;
import isolab.sim.syscall.Syscalls;
import isolab.sim.userland.Proc;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** /usr/bin/stress-ng, the vm stressor (see the package comment). */
public final class StressNg {

    /** Pages each process touches besides the workers' buffers (measured: 324 private, 560 shared, 64M run). */
    static final int PARENT_PRIVATE_PAGES = 124;
    static final int PARENT_SHARED_PAGES = 560;
    static final int CHILD_PRIVATE_PAGES = 100;

    /**
     * Pages a worker faults in per millisecond of virtual time: 64 MiB in 128 ms, which makes a
     * 64M worker in a 32M cgroup die about 40 times in 3 s, as measured.
     */
    static final int FAULT_PAGES_PER_TICK = 128;

    /** stress-ng's default run time: one day. */
    static final long DEFAULT_TIMEOUT_SECONDS = 86400;

    private StressNg() {
    }

    /** The parsed command line. */
    private record Options(int vm, long vmBytes, boolean keep, long timeoutSeconds, boolean timeoutGiven, boolean oomable) {
    }

    public static int main(Proc p) {
        Options o;
        try {
            o = parse(p, p.args());
        } catch (IllegalArgumentException e) {
            p.err(e.getMessage() + "\n");
            return 1;
        }
        if (o == null) {
            return 2;
        }
        int pid = p.sys().getpid();
        String tag = "stress-ng: info:  [" + pid + "] ";
        if (o.timeoutGiven()) {
            p.err(tag + "setting to a " + duration(o.timeoutSeconds()) + " run per stressor\n");
        } else {
            p.err(tag + "defaulting to a " + duration(o.timeoutSeconds()) + " run per stressor\n");
        }
        if (o.vm() == 0) {
            p.err("stress-ng: error: [" + pid + "] No stress workers invoked\n");
            return 1;
        }
        p.err(tag + "dispatching hogs: " + o.vm() + " vm\n");
        Syscalls sys = p.sys();
        long start = sys.monotonicTicks();
        long deadline = start + o.timeoutSeconds() * 1000;
        sys.touchNewPages(PARENT_SHARED_PAGES, true, false);       // the shared cache buffer, as far as it is touched
        sys.touchNewPages(PARENT_PRIVATE_PAGES, false, false);
        sys.sigaction(Signal.SIGINT, Syscalls.Disposition.CATCH);
        sys.sigaction(Signal.SIGTERM, Syscalls.Disposition.CATCH);
        List<Integer> instances = new ArrayList<>();
        for (int i = 0; i < o.vm(); i++) {
            int instance = i;
            instances.add(sys.fork(child -> instance(child, p, o, instance, deadline)));
        }
        boolean stopping = false;
        int left = instances.size();
        while (left > 0) {
            try {
                sys.wait4(-1, 0);
                left--;
            } catch (SysException e) {
                if (e.errno() != Errno.EINTR) {
                    break;
                }
                sys.takeSignals();
                if (!stopping) {
                    stopping = true;
                    for (int child : instances) {
                        try {
                            sys.kill(child, Signal.SIGTERM);
                        } catch (SysException gone) {
                            // already reaped
                        }
                    }
                }
            }
        }
        double seconds = (sys.monotonicTicks() - start) / 1000.0;
        p.err(tag + "successful run completed in " + String.format(Locale.ROOT, "%.2f", seconds) + "s\n");
        return 0;
    }

    /**
     * One stressor instance: starts the worker, and starts it again when the OOM killer killed it
     * (stress_oomable_child), until the deadline; SIGTERM from the parent ends the worker and it.
     */
    private static int instance(Syscalls sys, Proc p, Options o, int instance, long deadline) {
        sys.prctlSetName("stress-ng-vm");
        sys.touchNewPages(CHILD_PRIVATE_PAGES, false, false);
        sys.sigaction(Signal.SIGTERM, Syscalls.Disposition.CATCH);
        long started = sys.monotonicTicks();
        while (sys.monotonicTicks() < deadline) {
            int worker = sys.fork(child -> worker(child, o, deadline));
            int status;
            try {
                status = sys.wait4(worker, 0).status();
            } catch (SysException e) {
                sys.takeSignals();
                sys.kill(worker, Signal.SIGKILL);
                sys.wait4(worker, 0);
                return 0;
            }
            boolean oomKilled = (status & 0x7f) == Signal.SIGKILL;
            if (!oomKilled) {
                return 0;
            }
            if (o.oomable()) {
                double after = (sys.monotonicTicks() - started) / 1000.0;
                p.err("stress-ng: warn:  [" + sys.getpid() + "] vm: WARNING: finished prematurely after just "
                        + String.format(Locale.ROOT, "%.2f", after) + "s\n");
                return 0;
            }
            // "vm: assuming killed by OOM killer, restarting again (instance N)"
        }
        return 0;
    }

    /**
     * The worker: faults its buffer in (populated, so it lands on the active anon list: measured
     * 64M active, its own 3.9M inactive), then keeps it until the deadline or frees and faults it again every 100 ms. */
    private static int worker(Syscalls sys, Options o, long deadline) {
        long pages = (o.vmBytes() + 4095) / 4096;
        sys.touchNewPages(CHILD_PRIVATE_PAGES, false, false);
        while (sys.monotonicTicks() < deadline) {
            for (long done = 0; done < pages; done += FAULT_PAGES_PER_TICK) {
                sys.touchNewPages(Math.min(FAULT_PAGES_PER_TICK, pages - done), false, true);
                sys.nanosleep(1);
            }
            if (o.keep()) {
                sys.nanosleep(deadline - sys.monotonicTicks());
            } else {
                sys.nanosleep(Math.min(100, Math.max(0, deadline - sys.monotonicTicks())));
                sys.unmapPages(pages);
            }
        }
        return 0;
    }

    /** The options; null after printing a not-modelled message. Throws IllegalArgumentException with stress-ng's message. */
    private static Options parse(Proc p, List<String> args) {
        int vm = 0;
        long vmBytes = 256L << 20;
        boolean keep = false;
        boolean oomable = false;
        long timeout = DEFAULT_TIMEOUT_SECONDS;
        boolean timeoutGiven = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String value = null;
            int eq = a.indexOf('=');
            String name = a.startsWith("--") && eq > 0 ? a.substring(0, eq) : a;
            if (a.startsWith("--") && eq > 0) {
                value = a.substring(eq + 1);
            }
            switch (name) {
                case "--vm", "-m" -> vm = count(value != null ? value : next(args, ++i, a));
                case "--vm-bytes" -> vmBytes = bytes(value != null ? value : next(args, ++i, a));
                case "--vm-keep" -> keep = true;
                case "--oomable" -> oomable = true;
                case "-t", "--timeout" -> {
                    timeout = seconds(value != null ? value : next(args, ++i, a));
                    timeoutGiven = true;
                }
                default -> {
                    p.err("stress-ng: " + a + " is not modelled in isolab (only --vm, --vm-bytes, --vm-keep, -t and --oomable are)\n");
                    return null;
                }
            }
        }
        return new Options(vm, vmBytes, keep, timeout, timeoutGiven, oomable);
    }

    private static int count(String s) {
        if (!s.matches("\\d{1,9}")) {
            throw new IllegalArgumentException("Invalid number " + s);
        }
        return Integer.parseInt(s);
    }

    private static String next(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException("stress-ng: option '" + option + "' requires an argument");
        }
        return args.get(i);
    }

    /** stress_get_uint64_byte: a number with an optional b, k, m or g suffix (either case). */
    static long bytes(String s) {
        String digits = s;
        long unit = 1;
        char last = s.isEmpty() ? ' ' : Character.toLowerCase(s.charAt(s.length() - 1));
        if (!Character.isDigit(last)) {
            unit = switch (last) {
                case 'b' -> 1;
                case 'k' -> 1L << 10;
                case 'm' -> 1L << 20;
                case 'g' -> 1L << 30;
                default -> throw new IllegalArgumentException("Illegal length specifier " + s.charAt(s.length() - 1));
            };
            digits = s.substring(0, s.length() - 1);
        }
        if (!digits.matches("\\d+")) {
            throw new IllegalArgumentException("Invalid number " + s);
        }
        return Long.parseLong(digits) * unit;
    }

    /** stress_get_uint64_time: seconds, or a number with s, m, h, d or y. */
    static long seconds(String s) {
        String digits = s;
        long unit = 1;
        char last = s.isEmpty() ? ' ' : Character.toLowerCase(s.charAt(s.length() - 1));
        if (!Character.isDigit(last)) {
            unit = switch (last) {
                case 's' -> 1;
                case 'm' -> 60;
                case 'h' -> 3600;
                case 'd' -> 86400;
                case 'y' -> 31556926;
                default -> throw new IllegalArgumentException("Illegal time specifier " + s.charAt(s.length() - 1));
            };
            digits = s.substring(0, s.length() - 1);
        }
        if (!digits.matches("\\d+")) {
            throw new IllegalArgumentException("Invalid number " + s);
        }
        return Long.parseLong(digits) * unit;
    }

    /** "3 second", or "86400 second (1 day, 0.00 secs)" from a minute on (stress_duration_to_str). */
    static String duration(long seconds) {
        if (seconds < 60) {
            return seconds + " second";
        }
        StringBuilder s = new StringBuilder();
        long rest = seconds;
        long[] units = {86400, 3600, 60};
        String[] names = {"day", "hour", "min"};
        for (int i = 0; i < units.length; i++) {
            long n = rest / units[i];
            rest %= units[i];
            if (n > 0) {
                s.append(n).append(' ').append(names[i]).append(n == 1 ? "" : "s").append(", ");
            }
        }
        s.append(String.format(Locale.ROOT, "%.2f", (double) rest)).append(" secs");
        return seconds + " second (" + s + ")";
    }
}
