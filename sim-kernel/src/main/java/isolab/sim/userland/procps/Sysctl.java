package isolab.sim.userland.procps;

import isolab.sim.fs.OpenFile;
import isolab.sim.syscall.SysException;
import isolab.sim.userland.Proc;
import isolab.sim.userland.Usage;
import java.util.List;

/**
 * /usr/sbin/sysctl (procps-ng 4.0.2): reads and writes the files under /proc/sys named by
 * dotted (or slashed) keys: {@code KEY}, {@code -n}, {@code -q}, {@code -w KEY=VALUE} (also
 * without {@code -w}). What /proc/sys has is what the model has (the kernel's UTS names and
 * pid_max, net.ipv4.ip_forward); {@code -a}, {@code -p} and patterns are not modelled.
 */
public final class Sysctl {

    private static final String USAGE =
            "\n"
            + "Usage:\n"
            + " sysctl [options] [variable[=value] ...]\n"
            + "\n"
            + "Options:\n"
            + "  -a, --all            display all variables\n"
            + "  -A                   alias of -a\n"
            + "  -X                   alias of -a\n"
            + "      --deprecated     include deprecated parameters to listing\n"
            + "      --dry-run        Print the key and values but do not write\n"
            + "  -b, --binary         print value without new line\n"
            + "  -e, --ignore         ignore unknown variables errors\n"
            + "  -N, --names          print variable names without values\n"
            + "  -n, --values         print only values of the given variable(s)\n"
            + "  -p, --load[=<file>]  read values from file\n"
            + "  -f                   alias of -p\n"
            + "      --system         read values from all system directories\n"
            + "  -r, --pattern <expression>\n"
            + "                       select setting that match expression\n"
            + "  -q, --quiet          do not echo variable set\n"
            + "  -w, --write          enable writing a value to variable\n"
            + "  -o                   does nothing\n"
            + "  -x                   does nothing\n"
            + "  -d                   alias of -h\n"
            + "\n"
            + " -h, --help     display this help and exit\n"
            + " -V, --version  output version information and exit\n"
            + "\n"
            + "For more details see sysctl(8).\n";

    private Sysctl() {
    }

    public static int main(Proc p) {
        List<String> args = p.args();
        boolean valuesOnly = false;
        boolean quiet = false;
        boolean write = false;
        int status = 0;
        boolean any = false;
        for (String a : args) {
            if (a.startsWith("-") && a.length() > 1) {
                if (a.startsWith("--")) {
                    return Usage.notModelled(p, a);
                }
                for (char c : a.substring(1).toCharArray()) {
                    switch (c) {
                        case 'n' -> valuesOnly = true;
                        case 'q' -> quiet = true;
                        case 'w' -> write = true;
                        case 'e', 'N', 'b', 'a', 'A', 'X', 'p', 'f', 'r', 'o', 'x', 'h', 'd', 'V' -> {
                            return Usage.notModelled(p, "-" + c);
                        }
                        default -> {
                            p.err("sysctl: invalid option -- '" + c + "'\n" + USAGE);
                            return 1;
                        }
                    }
                }
                continue;
            }
            any = true;
            int eq = a.indexOf('=');
            if (write && eq < 0) {
                p.err("sysctl: command line(0): invalid syntax, continuing...\n");
                status = 1;
                continue;
            }
            String key = eq < 0 ? a : a.substring(0, eq);
            String path = "/proc/sys/" + key.replace('.', '/');
            String name = key.replace('/', '.');
            if (eq >= 0) {
                String value = a.substring(eq + 1);
                try {
                    int fd = p.sys().open(path, OpenFile.O_WRONLY | OpenFile.O_TRUNC, 0);
                    try {
                        p.sys().write(fd, value + "\n");
                    } finally {
                        p.sys().close(fd);
                    }
                    if (!quiet) {
                        p.out(valuesOnly ? value + "\n" : name + " = " + value + "\n");
                    }
                } catch (SysException e) {
                    status = 1;
                    if (e.errno() == isolab.sim.syscall.Errno.ENOENT) {
                        p.err("sysctl: cannot stat " + path + ": " + e.strerror() + "\n");
                    } else {
                        p.err("sysctl: setting key \"" + name + "\": " + e.strerror() + "\n");
                    }
                }
                continue;
            }
            try {
                String value = p.readFile(path);
                value = value.endsWith("\n") ? value.substring(0, value.length() - 1) : value;
                p.out(valuesOnly ? value + "\n" : name + " = " + value + "\n");
            } catch (SysException e) {
                status = 1;
                p.err("sysctl: cannot stat " + path + ": " + e.strerror() + "\n");
            }
        }
        if (!any) {
            p.err(USAGE);
            return 1;
        }
        return status;
    }
}
