package isolab.sim.userland.coreutils;

import isolab.sim.syscall.Stat;
import isolab.sim.syscall.SysException;
import isolab.sim.userland.Proc;
import isolab.sim.userland.Usage;
import java.util.ArrayList;
import java.util.List;

/**
 * /usr/bin/chmod (coreutils 9.1): octal modes and symbolic ones ({@code u+x}, {@code go-w},
 * {@code a=r,u+w}, {@code +x} under the umask), {@code -R} for whole trees, {@code -v}.
 */
public final class Chmod {

    private Chmod() {
    }

    public static int main(Proc p) {
        boolean recursive = false;
        boolean verbose = false;
        List<String> operands = new ArrayList<>();
        for (String a : p.args()) {
            if (operands.isEmpty() && a.startsWith("-") && a.length() > 1 && !a.matches("-[rwxXst]+")) {
                switch (a) {
                    case "-R", "--recursive" -> recursive = true;
                    case "-v", "--verbose" -> verbose = true;
                    case "-f", "--silent", "--quiet", "-c", "--changes" -> {
                        return Usage.notModelled(p, a);
                    }
                    default -> {
                        return Usage.tryHelp(p, a.startsWith("--") ? "unrecognized option '" + a + "'"
                                : "invalid option -- '" + a.charAt(1) + "'", 1);
                    }
                }
            } else {
                operands.add(a);
            }
        }
        if (operands.isEmpty()) {
            return Usage.tryHelp(p, "missing operand", 1);
        }
        if (operands.size() == 1) {
            return Usage.tryHelp(p, "missing operand after " + Usage.quote(operands.get(0)), 1);
        }
        String mode = operands.get(0);
        if (apply(mode, 0, false, 022) < 0) {
            p.error("invalid mode: " + Usage.quote(mode));
            return Usage.tryHelp(p, null, 1);
        }
        int umask = p.sys().umask(0);
        p.sys().umask(umask);
        int status = 0;
        for (String file : operands.subList(1, operands.size())) {
            status |= change(p, mode, file, recursive, verbose, umask);
        }
        return status;
    }

    private static int change(Proc p, String mode, String file, boolean recursive, boolean verbose, int umask) {
        Stat st;
        try {
            st = p.sys().stat(file);
        } catch (SysException e) {
            p.error("cannot access " + Usage.quote(file) + ": " + e.strerror());
            return 1;
        }
        int old = st.mode() & 07777;
        int wanted = apply(mode, old, st.isDirectory(), umask);
        try {
            p.sys().chmod(file, wanted);
        } catch (SysException e) {
            p.error("changing permissions of " + Usage.quote(file) + ": " + e.strerror());
            return 1;
        }
        if (verbose) {
            p.out("mode of " + Usage.quote(file) + (old == wanted ? " retained as " : " changed from ")
                    + String.format("%04o", old) + (old == wanted ? "" : " to " + String.format("%04o", wanted)) + "\n");
        }
        int status = 0;
        if (recursive && st.isDirectory()) {
            for (String name : p.listDir(file)) {
                String child = file.endsWith("/") ? file + name : file + "/" + name;
                try {
                    if (p.sys().lstat(child).isSymlink()) {
                        continue;
                    }
                } catch (SysException e) {
                    continue;
                }
                status |= change(p, mode, child, true, verbose, umask);
            }
        }
        return status;
    }

    /** gnulib modechange.c: the new mode bits for {@code spec} applied to {@code old}; -1 if {@code spec} is invalid. */
    static int apply(String spec, int old, boolean directory, int umask) {
        if (spec.matches("[0-7]{1,4}")) {
            int octal = Integer.parseInt(spec, 8);
            // coreutils keeps a directory's set-user/group-ID bits unless the octal mode has 5 digits or names them.
            return directory && spec.length() < 4 ? octal | (old & 06000) : octal;
        }
        int mode = old;
        for (String clause : spec.split(",", -1)) {
            int i = 0;
            int who = 0;
            while (i < clause.length() && "ugoa".indexOf(clause.charAt(i)) >= 0) {
                who |= switch (clause.charAt(i)) {
                    case 'u' -> 04700;
                    case 'g' -> 02070;
                    case 'o' -> 01007;
                    default -> 07777;
                };
                i++;
            }
            if (i >= clause.length()) {
                return -1;
            }
            boolean masked = who == 0;
            if (masked) {
                who = 07777;
            }
            while (i < clause.length()) {
                char op = clause.charAt(i++);
                if ("+-=".indexOf(op) < 0) {
                    return -1;
                }
                int bits = 0;
                while (i < clause.length() && "rwxXst".indexOf(clause.charAt(i)) >= 0) {
                    bits |= switch (clause.charAt(i)) {
                        case 'r' -> 0444;
                        case 'w' -> 0222;
                        case 'x' -> 0111;
                        case 'X' -> directory || (mode & 0111) != 0 ? 0111 : 0;
                        case 's' -> 06000;
                        default -> 01000;
                    };
                    i++;
                }
                int affected = bits & who & (masked ? ~umask : 07777);
                mode = switch (op) {
                    case '+' -> mode | affected;
                    case '-' -> mode & ~affected;
                    default -> (mode & ~(who & (masked ? ~umask : 07777) & 07777)) | affected;
                };
            }
        }
        return mode & 07777;
    }
}
