package isolab.sim.userland.procps;

import isolab.sim.process.Signal;
import isolab.sim.syscall.SysException;
import isolab.sim.userland.Proc;

/** /usr/bin/kill (procps-ng): sends a signal (-SIG, -s SIG, -N) to PIDs; -l lists signals. */
public final class Kill {

    private Kill() {
    }

    public static int main(Proc p) {
        var args = p.args();
        if (args.isEmpty()) {
            p.err("\nUsage:\n kill [options] <pid> [...]\n\nOptions:\n <pid> [...]            send signal to every <pid> listed\n"
                    + " -<signal>, -s, --signal <signal>\n                        specify the <signal> to be sent\n"
                    + " -q, --queue <value>    integer value to be sent with the signal\n"
                    + " -l, --list=[<signal>]  list all signal names, or convert one to a name\n"
                    + " -L, --table            list all signal names in a nice table\n\n"
                    + " -h, --help     display this help and exit\n -V, --version  output version information and exit\n\n"
                    + "For more details see kill(1).\n");
            return 1;
        }
        int sig = Signal.SIGTERM;
        int i = 0;
        String first = args.get(0);
        if (first.equals("-l") || first.equals("--list")) {
            StringBuilder s = new StringBuilder();
            for (int n = 1; n <= Signal.NSIG_STANDARD; n++) {
                s.append(Signal.name(n)).append(n % 16 == 0 || n == Signal.NSIG_STANDARD ? "\n" : " ");
            }
            p.out(s.toString());
            return 0;
        }
        if (first.equals("-s") || first.equals("--signal")) {
            if (args.size() < 2) {
                p.error("option requires an argument -- 's'");
                return 1;
            }
            sig = parse(args.get(1));
            i = 2;
        } else if (first.startsWith("-") && first.length() > 1 && !first.equals("--")) {
            sig = parse(first.substring(1));
            i = 1;
        } else if (first.equals("--")) {
            i = 1;
        }
        if (sig < 0) {
            p.error("unknown signal name " + first);
            return 1;
        }
        int status = 0;
        for (; i < args.size(); i++) {
            String target = args.get(i);
            int pid;
            try {
                pid = Integer.parseInt(target);
            } catch (NumberFormatException e) {
                p.error("cannot find process \"" + target + "\"");
                status = 1;
                continue;
            }
            try {
                p.sys().kill(pid, sig);
            } catch (SysException e) {
                p.error("sending signal to " + pid + " failed: " + e.strerror());
                status = 1;
            }
        }
        return status;
    }

    private static int parse(String spec) {
        if (spec.matches("\\d+")) {
            int n = Integer.parseInt(spec);
            return n <= Signal.NSIG_STANDARD ? n : -1;
        }
        return Signal.number(spec.toUpperCase(java.util.Locale.ROOT));
    }
}
