package isolab.sim.userland.coreutils;

import isolab.sim.syscall.Errno;
import isolab.sim.syscall.Stat;
import isolab.sim.syscall.SysException;
import isolab.sim.userland.Execvp;
import isolab.sim.userland.Passwd;
import isolab.sim.userland.Proc;
import isolab.sim.userland.Usage;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** /usr/bin/stat and /usr/sbin/chroot (coreutils 9.1). */
public final class StatChroot {

    private StatChroot() {
    }

    /** stat: the default long form, or {@code -c/--format/--printf FORMAT}; {@code -L} follows links. */
    public static int stat(Proc p) {
        boolean follow = false;
        String format = null;
        boolean printf = false;
        List<String> files = new ArrayList<>();
        List<String> args = p.args();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("-L") || a.equals("--dereference")) {
                follow = true;
            } else if (a.equals("-c") || a.equals("--format") || a.equals("--printf")) {
                if (i + 1 >= args.size()) {
                    return Usage.tryHelp(p, "option requires an argument -- 'c'", 1);
                }
                printf = a.equals("--printf");
                format = args.get(++i);
            } else if (a.startsWith("--format=") || a.startsWith("--printf=")) {
                printf = a.startsWith("--printf");
                format = a.substring(a.indexOf('=') + 1);
            } else if (a.startsWith("-c") && a.length() > 2) {
                format = a.substring(2);
            } else if (a.equals("-f") || a.equals("--file-system") || a.equals("-t") || a.equals("--terse")) {
                return Usage.notModelled(p, a);
            } else if (a.startsWith("-") && a.length() > 1) {
                return Usage.tryHelp(p, a.startsWith("--") ? "unrecognized option '" + a + "'"
                        : "invalid option -- '" + a.charAt(1) + "'", 1);
            } else {
                files.add(a);
            }
        }
        if (files.isEmpty()) {
            return Usage.tryHelp(p, "missing operand", 1);
        }
        Map<Integer, String> users = Passwd.namesById(p, "/etc/passwd");
        Map<Integer, String> groups = Passwd.namesById(p, "/etc/group");
        int status = 0;
        for (String file : files) {
            Stat st;
            try {
                st = follow ? p.sys().stat(file) : p.sys().lstat(file);
            } catch (SysException e) {
                p.error("cannot statx " + Usage.quote(file) + ": " + e.strerror());
                status = 1;
                continue;
            }
            String f = format != null ? (printf ? format : format + "\n") : defaultFormat(st);
            p.out(render(p, f, file, st, users, groups, printf || format == null));
        }
        return status;
    }

    private static String defaultFormat(Stat st) {
        boolean device = (st.mode() & 0170000) == 0020000;
        return "  File: %N\n  Size: %-10s\tBlocks: %-10b IO Block: %-6o %F\n"
                + (device ? "Device: %Hd,%Ld\tInode: %-11i Links: %-5h Device type: %Hr,%Lr\n"
                        : "Device: %Hd,%Ld\tInode: %-11i Links: %h\n")
                + "Access: (%04a/%10.10A)  Uid: (%5u/%8U)   Gid: (%5g/%8G)\n"
                + "Access: %x\nModify: %y\nChange: %z\n Birth: %w\n";
    }

    private static String render(Proc p, String format, String file, Stat st, Map<Integer, String> users,
            Map<Integer, String> groups, boolean escapes) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c == '\\' && escapes && i + 1 < format.length()) {
                char n = format.charAt(++i);
                out.append(n == 'n' ? '\n' : n == 't' ? '\t' : n);
                continue;
            }
            if (c != '%' || i + 1 >= format.length()) {
                out.append(c);
                continue;
            }
            int j = i + 1;
            while (j < format.length() && "-+ #0123456789.".indexOf(format.charAt(j)) >= 0) {
                j++;
            }
            String spec = format.substring(i + 1, j);
            if (j < format.length() && (format.charAt(j) == 'H' || format.charAt(j) == 'L')) {
                j++;
            }
            if (j >= format.length()) {
                out.append(format, i, format.length());
                break;
            }
            char conv = format.charAt(j);
            String sub = format.substring(i + 1 + spec.length(), j);
            String value = value(p, conv, sub, file, st, users, groups);
            boolean numeric = "sbBoiuhgdXYZW".indexOf(conv) >= 0 || conv == 'a' && spec.startsWith("0");
            if (conv == 'a') {
                value = Integer.toOctalString(st.mode() & 07777);
                out.append(String.format("%" + (spec.isEmpty() ? "" : spec) + "d", Integer.parseInt(value)));
            } else if (!spec.isEmpty()) {
                out.append(String.format("%" + spec + "s", value));
            } else {
                out.append(value);
            }
            i = j;
        }
        return out.toString();
    }

    private static String value(Proc p, char conv, String sub, String file, Stat st, Map<Integer, String> users,
            Map<Integer, String> groups) {
        String[] dev = st.device().split(":");
        return switch (conv) {
            case 'n' -> file;
            case 'N' -> st.isSymlink() ? Ls.quoted(file) + " -> " + Ls.quoted(readlink(p, file)) : Ls.quoted(file);
            case 's' -> String.valueOf(st.size());
            case 'b' -> String.valueOf(st.blocks());
            case 'B' -> "512";
            case 'o' -> "4096";
            case 'F' -> type(st);
            case 'A' -> Ls.mode(st.mode());
            case 'u' -> String.valueOf(st.uid());
            case 'U' -> users.getOrDefault(st.uid(), "UNKNOWN");
            case 'g' -> String.valueOf(st.gid());
            case 'G' -> groups.getOrDefault(st.gid(), "UNKNOWN");
            case 'h' -> String.valueOf(st.nlink());
            case 'i' -> String.valueOf(st.ino());
            case 'd' -> sub.equals("H") ? dev[0] : sub.equals("L") ? dev[1]
                    : String.valueOf((Long.parseLong(dev[0]) << 8) | Long.parseLong(dev[1]));
            case 'D' -> Long.toHexString((Long.parseLong(dev[0]) << 8) | Long.parseLong(dev[1]));
            case 'r' -> sub.equals("H") ? String.valueOf(st.rdevMajor()) : String.valueOf(st.rdevMinor());
            case 't' -> Integer.toHexString(st.rdevMajor());
            case 'T' -> Integer.toHexString(st.rdevMinor());
            case 'x', 'y', 'z' -> time(st.mtimeEpochSeconds());
            case 'w' -> "-";
            case 'X', 'Y', 'Z' -> String.valueOf(st.mtimeEpochSeconds());
            case 'W' -> "0";
            case '%' -> "%";
            default -> "?";
        };
    }

    private static String readlink(Proc p, String file) {
        try {
            return p.sys().readlink(file);
        } catch (SysException e) {
            return "";
        }
    }

    private static String type(Stat st) {
        return switch (st.mode() & 0170000) {
            case 0040000 -> "directory";
            case 0120000 -> "symbolic link";
            case 0020000 -> "character special file";
            case 0060000 -> "block special file";
            case 0010000 -> "fifo";
            case 0140000 -> "socket";
            default -> st.size() == 0 ? "regular empty file" : "regular file";
        };
    }

    private static String time(long epochSeconds) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC)
                .format(Instant.ofEpochSecond(epochSeconds)) + ".000000000 +0000";
    }

    /** chroot: changes the root directory, then runs COMMAND ({@code $SHELL -i} by default) there. */
    public static int chroot(Proc p) {
        List<String> args = p.args();
        if (args.isEmpty()) {
            return Usage.tryHelp(p, "missing operand", 125);
        }
        if (args.get(0).startsWith("-") && !args.get(0).equals("-")) {
            if (args.get(0).startsWith("--userspec") || args.get(0).startsWith("--groups") || args.get(0).equals("--skip-chdir")) {
                return Usage.notModelled(p, args.get(0));
            }
            return Usage.tryHelp(p, args.get(0).startsWith("--") ? "unrecognized option '" + args.get(0) + "'"
                    : "invalid option -- '" + args.get(0).charAt(1) + "'", 125);
        }
        String dir = args.get(0);
        try {
            p.sys().chroot(dir);
            p.sys().chdir("/");
        } catch (SysException e) {
            p.error("cannot change root directory to " + Usage.quote(dir) + ": " + e.strerror());
            return 125;
        }
        List<String> command = new ArrayList<>(args.subList(1, args.size()));
        if (command.isEmpty()) {
            command.add(p.env().getOrDefault("SHELL", "/bin/sh"));
            command.add("-i");
        }
        try {
            Execvp.execvp(p, command);
        } catch (SysException e) {
            p.error("failed to run command " + Usage.quote(command.get(0)) + ": " + e.strerror());
            return e.errno() == Errno.ENOENT ? 127 : 126;
        }
        return 0;
    }
}
