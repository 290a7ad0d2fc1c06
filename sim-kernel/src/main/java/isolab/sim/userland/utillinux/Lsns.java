package isolab.sim.userland.utillinux;

import isolab.sim.syscall.SysException;
import isolab.sim.userland.Getopt;
import isolab.sim.userland.Help;
import isolab.sim.userland.Passwd;
import isolab.sim.userland.Proc;
import isolab.sim.userland.Usage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * /usr/bin/lsns (util-linux 2.38, sys-utils/lsns.c): reads every process's /proc/PID/ns links and
 * prints one line per namespace, ordered by inode, through libsmartcols ({@link Smartcols}): by
 * default NS TYPE NPROCS PID USER COMMAND, where PID is the lowest PID in the namespace (in the
 * reader's /proc) and COMMAND its command line. {@code -t TYPE}, {@code -p PID}, {@code -n},
 * {@code -o LIST} (and {@code +LIST}), {@code -u}, {@code -l}.
 *
 * <p>Not modelled (says so): {@code -J -r -T -W}, {@code --output-all}, the NETNSID and NSFS
 * columns, and a namespace operand (its process tree).
 */
public final class Lsns {

    private static final String[] TYPES = {"mnt", "net", "time", "cgroup", "pid", "user", "uts", "ipc"};

    /** lsns.c: infos[]: header, width hint, right-aligned, truncated. */
    private static final Map<String, Smartcols.Column> COLUMNS = new TreeMap<>();

    static {
        column("NS", 10, true, false);
        column("TYPE", 5, false, false);
        column("PATH", 0, false, false);
        column("NPROCS", 5, true, false);
        column("PID", 5, true, false);
        column("PPID", 5, true, false);
        column("COMMAND", 0, false, true);
        column("UID", 0, true, false);
        column("USER", 0, false, false);
        column("NETNSID", 0, true, false);
        column("NSFS", 0, false, false);
        column("PNS", 10, true, false);
        column("ONS", 10, true, false);
    }

    private static void column(String header, int widthHint, boolean right, boolean trunc) {
        COLUMNS.put(header, new Smartcols.Column(header, right, false, widthHint, trunc));
    }

    private static final List<String> DEFAULT = List.of("NS", "TYPE", "NPROCS", "PID", "USER", "COMMAND");

    private static final Getopt OPTIONS = new Getopt("Jlno:p:rt:uhVWT::", List.of(
            Getopt.opt("json", Getopt.Arg.NONE, "J"), Getopt.opt("list", Getopt.Arg.NONE, "l"),
            Getopt.opt("noheadings", Getopt.Arg.NONE, "n"), Getopt.opt("output", Getopt.Arg.REQUIRED, "o"),
            Getopt.opt("output-all", Getopt.Arg.NONE, "output-all"), Getopt.opt("task", Getopt.Arg.REQUIRED, "p"),
            Getopt.opt("raw", Getopt.Arg.NONE, "r"), Getopt.opt("type", Getopt.Arg.REQUIRED, "t"),
            Getopt.opt("notruncate", Getopt.Arg.NONE, "u"), Getopt.opt("nowrap", Getopt.Arg.NONE, "W"),
            Getopt.opt("tree", Getopt.Arg.OPTIONAL, "T"), Getopt.opt("help", Getopt.Arg.NONE, "h"),
            Getopt.opt("version", Getopt.Arg.NONE, "V")));

    /** One namespace and what lsns knows of it. */
    private static final class Row {
        long inode;
        String type;
        int nprocs;
        int pid = Integer.MAX_VALUE;
    }

    private Lsns() {
    }

    public static int main(Proc p) {
        Getopt.Parsed parsed = OPTIONS.parseOrTryHelp(p);
        if (parsed == null) {
            return 1;
        }
        String onlyType = null;
        int onlyPid = -1;
        boolean headings = true;
        boolean truncate = true;
        List<String> names = new ArrayList<>(DEFAULT);
        for (Getopt.Opt o : parsed.options()) {
            switch (o.key()) {
                case "t" -> {
                    if (!List.of(TYPES).contains(o.arg())) {
                        p.error("unknown namespace type: " + o.arg());
                        return 1;
                    }
                    onlyType = o.arg();
                }
                case "p" -> {
                    if (!o.arg().matches("\\d+")) {
                        p.error("invalid PID argument: '" + o.arg() + "'");
                        return 1;
                    }
                    onlyPid = Integer.parseInt(o.arg());
                }
                case "n" -> headings = false;
                case "u" -> truncate = false;
                case "l" -> {
                    // the list format is the default
                }
                case "o" -> {
                    String list = o.arg();
                    if (!list.startsWith("+")) {
                        names.clear();
                    }
                    for (String name : (list.startsWith("+") ? list.substring(1) : list).split(",")) {
                        String upper = name.toUpperCase(Locale.ROOT);
                        if (!COLUMNS.containsKey(upper)) {
                            p.error("unknown column: " + name);
                            return 1;
                        }
                        if (upper.equals("NETNSID") || upper.equals("NSFS")) {
                            return Usage.notModelled(p, "-o " + upper);
                        }
                        names.add(upper);
                    }
                }
                case "h" -> {
                    return Help.print(p, "lsns");
                }
                case "V" -> {
                    return Help.utilLinuxVersion(p, "lsns");
                }
                default -> {
                    return Usage.notModelled(p, o.spelled());
                }
            }
        }
        if (!parsed.operands().isEmpty()) {
            String operand = parsed.operands().get(0);
            if (!operand.matches("\\d+")) {
                p.error("invalid namespace argument: '" + operand + "'");
                return 1;
            }
            return Usage.notModelled(p, "NAMESPACE");
        }
        Map<Long, Row> rows = collect(p, onlyType);
        if (onlyPid >= 0 && !keepOnlyOf(p, onlyPid, rows)) {
            return 1;
        }
        List<Smartcols.Column> columns = new ArrayList<>();
        for (String name : names) {
            columns.add(COLUMNS.get(name));
        }
        Smartcols table = new Smartcols(columns);
        Map<Integer, String> users = Passwd.namesById(p, "/etc/passwd");
        for (Row r : rows.values()) {
            List<String> cells = new ArrayList<>();
            for (String name : names) {
                cells.add(cell(p, name, r, users));
            }
            table.add(cells, null);
        }
        p.out(table.noHeadings(!headings).termWidth(truncate && p.stdoutIsTty() ? isolab.sim.tty.Tty.COLUMNS : 0).render());
        return 0;
    }

    /** Every namespace of a type lsns lists, with its process count and lowest PID, by inode. */
    private static Map<Long, Row> collect(Proc p, String onlyType) {
        Map<Long, Row> rows = new TreeMap<>();
        for (int pid : p.procPids()) {
            for (String type : TYPES) {
                if (onlyType != null && !onlyType.equals(type)) {
                    continue;
                }
                long inode = inode(p, pid, type);
                if (inode < 0) {
                    continue;
                }
                Row row = rows.computeIfAbsent(inode, k -> new Row());
                row.inode = inode;
                row.type = type;
                row.nprocs++;
                row.pid = Math.min(row.pid, pid);
            }
        }
        return rows;
    }

    /** lsns -p: only the namespaces of {@code pid}; false (status 1, no message) if it has none. */
    private static boolean keepOnlyOf(Proc p, int pid, Map<Long, Row> rows) {
        List<Long> keep = new ArrayList<>();
        for (String type : TYPES) {
            long inode = inode(p, pid, type);
            if (inode >= 0) {
                keep.add(inode);
            }
        }
        rows.keySet().retainAll(keep);
        return !keep.isEmpty();
    }

    private static String cell(Proc p, String name, Row r, Map<Integer, String> users) {
        return switch (name) {
            case "NS" -> String.valueOf(r.inode);
            case "TYPE" -> r.type;
            case "PATH" -> "/proc/" + r.pid + "/ns/" + r.type;
            case "NPROCS" -> String.valueOf(r.nprocs);
            case "PID" -> String.valueOf(r.pid);
            case "PPID" -> String.valueOf(statusField(p, r.pid, "PPid:"));
            case "COMMAND" -> command(p, r.pid);
            case "UID" -> String.valueOf(statusField(p, r.pid, "Uid:"));
            case "USER" -> {
                int uid = statusField(p, r.pid, "Uid:");
                yield users.getOrDefault(uid, String.valueOf(uid));
            }
            case "PNS" -> String.valueOf(related(p, r, true));
            default -> String.valueOf(related(p, r, false));
        };
    }

    /** ioctl_ns(2) NS_GET_PARENT (pid and user namespaces) or NS_GET_USERNS; 0 where there is none to show. */
    private static long related(Proc p, Row r, boolean parent) {
        try {
            return p.sys().nsRelated("/proc/" + r.pid + "/ns/" + r.type, parent);
        } catch (SysException e) {
            return 0;
        }
    }

    private static long inode(Proc p, int pid, String type) {
        try {
            String link = p.sys().readlink("/proc/" + pid + "/ns/" + type);
            return Long.parseLong(link.substring(link.indexOf('[') + 1, link.indexOf(']')));
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** The first number after {@code field} in /proc/PID/status (the real uid for {@code Uid:}). */
    private static int statusField(Proc p, int pid, String field) {
        try {
            for (String line : p.readFile("/proc/" + pid + "/status").split("\n")) {
                if (line.startsWith(field)) {
                    return Integer.parseInt(line.substring(field.length()).trim().split("\t")[0]);
                }
            }
        } catch (RuntimeException e) {
            return 0;
        }
        return 0;
    }

    /** The command line, or the comm when there is none (lib/procfs.c: procfs_process_get_cmdline). */
    private static String command(Proc p, int pid) {
        try {
            String cmdline = p.readFile("/proc/" + pid + "/cmdline");
            if (cmdline.isEmpty()) {
                return p.readFile("/proc/" + pid + "/comm").trim();
            }
            if (cmdline.endsWith("\0")) {
                cmdline = cmdline.substring(0, cmdline.length() - 1);
            }
            return String.join(" ", cmdline.split("\0", -1));
        } catch (SysException e) {
            return "";
        }
    }
}
