package isolab.sim.userland.procps;

import isolab.sim.process.Signal;
import isolab.sim.syscall.SysException;
import isolab.sim.userland.Proc;
import java.util.List;
import java.util.Locale;

/**
 * /usr/bin/kill (procps-ng 4.0.2, src/kill.c): sends a signal ({@code -SIG}, {@code -N},
 * {@code -s SIG}) to each PID, or lists signals ({@code -l [SIG]}, {@code -L}). Messages are
 * prefixed with argv[0] as typed (program_invocation_name): {@code /bin/kill: (99999): No such
 * process}, but {@code kill: ...} when found on PATH. A PID that is not a number ends the program
 * there, as procps' errx does. Measured on the development machine.
 *
 * <p>Simplifies: {@code -q} (sigqueue's value) is accepted and sends an ordinary signal.
 */
public final class Kill {

    private static final String USAGE = """

            Usage:
             kill [options] <pid> [...]

            Options:
             <pid> [...]            send signal to every <pid> listed
             -<signal>, -s, --signal <signal>
                                    specify the <signal> to be sent
             -q, --queue <value>    integer value to be sent with the signal
             -l, --list=[<signal>]  list all signal names, or convert one to a name
             -L, --table            list all signal names in a nice table

             -h, --help     display this help and exit
             -V, --version  output version information and exit

            For more details see kill(1).
            """;

    private Kill() {
    }

    public static int main(Proc p) {
        String prog = p.argv().isEmpty() ? "kill" : p.argv().get(0);
        List<String> args = p.args();
        int sig = Signal.SIGTERM;
        int i = 0;
        while (i < args.size() && args.get(i).startsWith("-") && args.get(i).length() > 1) {
            String a = args.get(i);
            if (a.equals("--")) {
                i++;
                break;
            }
            if (a.equals("-l") || a.equals("--list") || a.startsWith("--list=")) {
                String which = a.startsWith("--list=") ? a.substring(7) : i + 1 < args.size() ? args.get(i + 1) : null;
                return list(p, prog, which);
            }
            if (a.equals("-L") || a.equals("--table")) {
                return table(p);
            }
            if (a.equals("-V") || a.equals("--version")) {
                p.out("kill from procps-ng 4.0.2\n");
                return 0;
            }
            if (a.equals("-h") || a.equals("--help")) {
                p.out(USAGE);
                return 0;
            }
            if (a.equals("-s") || a.equals("--signal") || a.equals("-q") || a.equals("--queue")) {
                if (i + 1 >= args.size()) {
                    return usage(p, prog, a.charAt(a.startsWith("--") ? 2 : 1));
                }
                if (!a.contains("q")) {
                    sig = parse(args.get(i + 1));
                }
                i += 2;
                continue;
            }
            int named = parse(a.substring(1));
            if (named < 0) {
                return usage(p, prog, a.charAt(1));
            }
            sig = named;
            i++;
        }
        if (i >= args.size()) {
            p.err(USAGE);
            return 1;
        }
        int status = 0;
        for (; i < args.size(); i++) {
            String target = args.get(i);
            int pid;
            try {
                pid = Integer.parseInt(target);
            } catch (NumberFormatException e) {
                p.err(prog + ": failed to parse argument: '" + target + "'\n");
                return 1;
            }
            try {
                p.sys().kill(pid, sig);
            } catch (SysException e) {
                p.err(prog + ": (" + pid + "): " + e.strerror() + "\n");
                status = 1;
            }
        }
        return status;
    }

    /** An option procps does not know (getopt's letter): {@code invalid argument X} and the usage. */
    private static int usage(Proc p, String prog, char letter) {
        p.err(prog + ": invalid argument " + letter + "\n" + USAGE);
        return 1;
    }

    /** {@code -l}: every name, or one name's number (or one number's name). */
    private static int list(Proc p, String prog, String which) {
        if (which == null) {
            StringBuilder s = new StringBuilder();
            for (int n = 1; n <= Signal.NSIG_STANDARD; n++) {
                s.append(Signal.name(n)).append(n % 16 == 0 || n == Signal.NSIG_STANDARD ? "\n" : " ");
            }
            p.out(s.toString());
            return 0;
        }
        if (which.matches("\\d+") && Signal.valid(Integer.parseInt(which))) {
            p.out(Signal.name(Integer.parseInt(which)) + "\n");
            return 0;
        }
        int n = which.matches("\\d+") ? -1 : parse(which);
        if (n <= 0) {
            p.err(prog + ": unknown signal name " + which + "\n");
            return 0;
        }
        p.out(n + "\n");
        return 0;
    }

    /** {@code -L}: seven to a line, {@code %2d %-8s}. */
    private static int table(Proc p) {
        StringBuilder s = new StringBuilder();
        for (int n = 1; n <= Signal.NSIG_STANDARD; n++) {
            s.append(String.format("%2d %-8s", n, Signal.name(n)));
            if (n % 7 == 0 || n == Signal.NSIG_STANDARD) {
                s.append('\n');
            }
        }
        p.out(s.toString());
        return 0;
    }

    /** A signal by number or name, with or without SIG, any case; -1 if unknown. */
    private static int parse(String spec) {
        if (spec.matches("\\d+")) {
            int n = Integer.parseInt(spec);
            return n <= 64 ? n : -1;
        }
        return Signal.number(spec.toUpperCase(Locale.ROOT));
    }
}
