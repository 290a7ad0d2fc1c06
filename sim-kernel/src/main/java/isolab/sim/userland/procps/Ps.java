package isolab.sim.userland.procps;

import isolab.sim.syscall.SysException;
import isolab.sim.userland.Proc;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * /usr/bin/ps (procps-ng 4.0.2): lists processes read from /proc. Selections: none (this terminal
 * and user), {@code -e}/{@code -A}, BSD {@code a}, {@code x}, {@code -p}, {@code -C}; formats:
 * default, {@code -f}, BSD {@code u}, and {@code -o} with any of the columns below, {@code name=header}
 * renaming and {@code --no-headers}. PID columns are as wide as pid_max's digits (7 on the lab
 * machine). CPU and memory figures are not modelled and show as 0.
 */
public final class Ps {

    /** A column: header, width, right-aligned or not, and how to render a process. */
    private record Column(String header, int width, boolean right, Render render) {
    }

    private interface Render {
        String apply(Ps ps, ProcInfo info);
    }

    private final Proc p;
    private final Map<Integer, String> users = new LinkedHashMap<>();
    private final Map<Integer, String> groups = new LinkedHashMap<>();
    private long nowSeconds;
    private long bootEpoch;
    private int pidWidth = 5;
    /** The indentation each PID's command gets in a forest or hierarchy (--forest, f, -H); empty otherwise. */
    private final Map<Integer, String> indent = new LinkedHashMap<>();

    private Ps(Proc p) {
        this.p = p;
    }

    public static int main(Proc p) {
        return new Ps(p).run();
    }

    private static final String GARBAGE = """
            error: garbage option

            Usage:
             ps [options]

             Try 'ps --help <simple|list|output|threads|misc|all>'
              or 'ps --help <s|l|o|t|m|a>'
             for additional help text.

            For more details see ps(1).
            """;

    private static String usageError(String first) {
        return "error: " + first + "\n\nUsage:\n ps [options]\n\n Try 'ps --help <simple|list|output|threads|misc|all>'\n"
                + "  or 'ps --help <s|l|o|t|m|a>'\n for additional help text.\n\nFor more details see ps(1).\n";
    }

    private int run() {
        boolean all = false;
        boolean bsdAll = false;
        boolean bsdNoTty = false;
        boolean full = false;
        boolean bsdUser = false;
        boolean headers = true;
        boolean forest = false;
        boolean hierarchy = false;
        boolean jobs = false;
        List<String> formats = new ArrayList<>();
        List<Integer> pids = new ArrayList<>();
        List<String> commands = new ArrayList<>();
        List<String> args = p.args();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.startsWith("--")) {
                String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
                String value = a.contains("=") ? a.substring(a.indexOf('=') + 1) : null;
                switch (name) {
                    case "--no-headers", "--no-heading" -> headers = false;
                    case "--forest" -> forest = true;
                    case "--pid" -> {
                        String v = value != null ? value : i + 1 < args.size() ? args.get(++i) : null;
                        if (v == null) {
                            p.err(usageError("list of process IDs must follow --pid"));
                            return 1;
                        }
                        if (!addPids(v, pids)) {
                            return 1;
                        }
                    }
                    case "--format" -> {
                        String v = value != null ? value : i + 1 < args.size() ? args.get(++i) : null;
                        if (v == null) {
                            p.err(usageError("format specification must follow --format"));
                            return 1;
                        }
                        formats.add(v);
                    }
                    case "--sort", "--cols", "--columns", "--width", "--lines", "--rows", "--ppid",
                            "--sid", "--tty", "--user", "--group", "--pid-max", "--context", "--cumulative",
                            "--deselect", "--headers", "--info", "--quick-pid", "--signames", "--version", "--help" ->
                    {
                        p.error("option '" + name + "' is not modelled in isolab");
                        return 2;
                    }
                    default -> {
                        p.err(usageError("unknown gnu long option"));
                        return 1;
                    }
                }
                continue;
            }
            if (a.startsWith("-")) {
                for (int k = 1; k < a.length(); k++) {
                    char c = a.charAt(k);
                    switch (c) {
                        case 'e', 'A' -> all = true;
                        case 'f' -> full = true;
                        case 'H' -> hierarchy = true;
                        case 'j' -> jobs = true;
                        case 'o' -> {
                            String v = k + 1 < a.length() ? a.substring(k + 1) : i + 1 < args.size() ? args.get(++i) : null;
                            if (v == null) {
                                p.err(usageError("format specification must follow -o"));
                                return 1;
                            }
                            formats.add(v);
                            k = a.length();
                        }
                        case 'p', 'q' -> {
                            String v = k + 1 < a.length() ? a.substring(k + 1) : i + 1 < args.size() ? args.get(++i) : null;
                            if (v == null) {
                                p.err(usageError("list of process IDs must follow -" + c));
                                return 1;
                            }
                            if (!addPids(v, pids)) {
                                return 1;
                            }
                            k = a.length();
                        }
                        case 'C' -> {
                            String v = k + 1 < a.length() ? a.substring(k + 1) : i + 1 < args.size() ? args.get(++i) : null;
                            if (v == null) {
                                p.err(usageError("list of command names must follow -C"));
                                return 1;
                            }
                            commands.addAll(List.of(v.split(",")));
                            k = a.length();
                        }
                        case 'a', 'd', 'N', 'l', 'F', 'L', 'T', 'm', 'M', 'Z', 'y', 'c', 'g', 'G', 's', 't', 'u', 'U',
                                'w', 'V', 'n' -> {
                            p.error("option '-" + c + "' is not modelled in isolab");
                            return 2;
                        }
                        default -> {
                            // ps/parser.c: parse_sysv_option: a letter it does not know is "unsupported".
                            p.err(Character.isLetter(c) && c < 128 ? usageError("unsupported SysV option") : GARBAGE);
                            return 1;
                        }
                    }
                }
                continue;
            }
            for (char c : a.toCharArray()) {
                switch (c) {
                    case 'a' -> bsdAll = true;
                    case 'x' -> bsdNoTty = true;
                    case 'u' -> bsdUser = true;
                    case 'e', 'w' -> {
                    }
                    case 'f' -> forest = true;
                    case 'j', 'l', 's', 'v', 'X', 'S', 'c', 'h', 'r', 'T', 'm', 'n', 'Z', 'L', 'H', 'V', 'o', 'O', 'p',
                            'q', 'g', 't', 'U', 'k' -> {
                        p.error("option '" + c + "' is not modelled in isolab");
                        return 2;
                    }
                    default -> {
                        p.err(GARBAGE);
                        return 1;
                    }
                }
            }
        }
        prepare();
        List<Column> columns = new ArrayList<>();
        for (String format : formats) {
            try {
                columns.addAll(parseFormat(format));
            } catch (IllegalArgumentException bad) {
                p.err(usageError(bad.getMessage()));
                return 1;
            }
        }
        if (columns.isEmpty()) {
            String def = bsdUser ? "user,pid,%cpu,%mem,vsz,rss,tname,stat,bsdstart,bsdtime,args"
                    : full ? "uid_f,pid,ppid,c,stime,tname,time,cmd"
                    : jobs ? "pid,pgid,sid,tname,time,ucmd"
                    : bsdAll || bsdNoTty ? "pid,tname,stat,bsdtime,args" : "pid,tname,time,ucmd";
            columns.addAll(parseFormat(def));
        }
        // procps (ps/global.c: reset_global -> look_up_our_self) reads /proc/<getpid()>: with a
        // /proc of an outer PID namespace that is another process, or none (measured in the sandbox).
        ProcInfo self = ProcInfo.read(p, p.sys().getpid());
        if (self == null) {
            p.err("fatal library error, lookup self\n");
            return 1;
        }
        List<ProcInfo> procs = new ArrayList<>();
        for (int pid : p.procPids()) {
            ProcInfo info = ProcInfo.read(p, pid);
            if (info == null) {
                continue;
            }
            boolean selected;
            if (!pids.isEmpty() || !commands.isEmpty()) {
                selected = pids.contains(pid) || commands.contains(info.comm);
            } else if (all) {
                selected = true;
            } else if (bsdAll || bsdNoTty) {
                boolean ttyOk = bsdNoTty || info.ttyNr != 0;
                boolean userOk = bsdAll || info.euid == (self == null ? 0 : self.euid);
                selected = ttyOk && userOk;
            } else {
                selected = self != null && info.euid == self.euid && info.ttyNr == self.ttyNr && self.ttyNr != 0;
            }
            if (selected) {
                procs.add(info);
            }
        }
        if (forest || hierarchy) {
            procs = tree(procs, forest);
        }
        int limit = p.stdoutIsTty() ? 200 : Integer.MAX_VALUE;
        StringBuilder out = new StringBuilder();
        boolean anyHeader = false;
        for (Column c : columns) {
            anyHeader |= !c.header().isEmpty();
        }
        if (headers && anyHeader) {
            List<String> cells = new ArrayList<>();
            for (Column c : columns) {
                cells.add(c.header());
            }
            out.append(line(columns, cells, limit));
        }
        for (ProcInfo info : procs) {
            List<String> cells = new ArrayList<>();
            for (Column c : columns) {
                cells.add(c.render().apply(this, info));
            }
            out.append(line(columns, cells, limit));
        }
        p.out(out.toString());
        return procs.isEmpty() && (!pids.isEmpty() || !commands.isEmpty()) ? 1 : 0;
    }

    /**
     * Tree order (procps ps/display.c: show_forest, show_tree): each process followed by its
     * children, siblings by PID. With {@code --forest} or BSD {@code f} the command is indented
     * {@code " \\_ "} a level, four spaces more for each deeper one, and PID 1's children are roots
     * (measured: they are not drawn under it); with {@code -H} two spaces a level under the real tree.
     */
    private List<ProcInfo> tree(List<ProcInfo> procs, boolean ascii) {
        Map<Integer, ProcInfo> byPid = new LinkedHashMap<>();
        for (ProcInfo info : procs) {
            byPid.put(info.pid, info);
        }
        List<ProcInfo> ordered = new ArrayList<>();
        for (ProcInfo info : procs) {
            boolean root = !byPid.containsKey(info.ppid) || info.ppid == info.pid || ascii && info.ppid == 1;
            if (root) {
                descend(info, 0, procs, ascii, ordered);
            }
        }
        return ordered;
    }

    private void descend(ProcInfo info, int depth, List<ProcInfo> procs, boolean ascii, List<ProcInfo> ordered) {
        ordered.add(info);
        indent.put(info.pid, depth == 0 ? "" : ascii ? " " + "    ".repeat(depth - 1) + "\\_ " : "  ".repeat(depth));
        if (ascii && info.pid == 1) {
            return;
        }
        for (ProcInfo child : procs) {
            if (child.ppid == info.pid && child.pid != info.pid) {
                descend(child, depth + 1, procs, ascii, ordered);
            }
        }
    }

    /** The indentation of {@code info}'s command in a tree (empty when not printing one). */
    String indentOf(ProcInfo info) {
        return indent.getOrDefault(info.pid, "");
    }

    private boolean addPids(String list, List<Integer> pids) {
        for (String s : list.split("[, ]")) {
            if (s.isEmpty()) {
                continue;
            }
            try {
                int pid = Integer.parseInt(s);
                if (pid <= 0) {
                    throw new NumberFormatException();
                }
                pids.add(pid);
            } catch (NumberFormatException e) {
                p.err(usageError("process ID list syntax error"));
                return false;
            }
        }
        return true;
    }

    private String line(List<Column> columns, List<String> cells, int limit) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            String v = cells.get(i);
            boolean last = i == columns.size() - 1;
            if (i > 0) {
                s.append(' ');
            }
            if (c.right()) {
                s.append(" ".repeat(Math.max(0, c.width() - v.length()))).append(v);
            } else if (last) {
                s.append(v);
            } else {
                String cut = v.length() > c.width() && c.width() >= 20 ? v.substring(0, c.width()) : v;
                s.append(cut).append(" ".repeat(Math.max(0, c.width() - cut.length())));
            }
        }
        String text = s.toString();
        if (text.length() > limit) {
            text = text.substring(0, limit);
        }
        return text.stripTrailing() + "\n";
    }

    private void prepare() {
        try {
            String max = p.readFile("/proc/sys/kernel/pid_max").trim();
            pidWidth = Math.max(5, max.length());
        } catch (SysException e) {
            pidWidth = 5;
        }
        try {
            String uptime = p.readFile("/proc/uptime");
            nowSeconds = (long) Double.parseDouble(uptime.split(" ")[0]);
        } catch (RuntimeException e) {
            nowSeconds = 0;
        }
        try {
            for (String line : p.readFile("/proc/stat").split("\n")) {
                if (line.startsWith("btime ")) {
                    bootEpoch = Long.parseLong(line.substring(6).trim());
                }
            }
        } catch (RuntimeException e) {
            bootEpoch = 0;
        }
        loadNames("/etc/passwd", users);
        loadNames("/etc/group", groups);
    }

    private void loadNames(String file, Map<Integer, String> into) {
        try {
            for (String line : p.readFile(file).split("\n")) {
                String[] f = line.split(":", -1);
                if (f.length > 2) {
                    try {
                        into.putIfAbsent(Integer.parseInt(f[2]), f[0]);
                    } catch (NumberFormatException ignored) {
                        // a malformed line: skip it, as getpwuid does
                    }
                }
            }
        } catch (SysException e) {
            // no file: numeric ids
        }
    }

    private String user(int uid) {
        String name = users.get(uid);
        if (name == null) {
            return String.valueOf(uid);
        }
        return name.length() > 8 ? name.substring(0, 7) + "+" : name;
    }

    private String group(int gid) {
        String name = groups.get(gid);
        return name == null ? String.valueOf(gid) : name.length() > 8 ? name.substring(0, 7) + "+" : name;
    }

    private long startEpoch(ProcInfo info) {
        return bootEpoch + info.startTicks / 100;
    }

    private String hhmm(ProcInfo info) {
        return DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC)
                .format(Instant.ofEpochSecond(startEpoch(info)));
    }

    private String elapsed(ProcInfo info) {
        long secs = Math.max(0, nowSeconds - info.startTicks / 100);
        long days = secs / 86400;
        long hours = secs % 86400 / 3600;
        long minutes = secs % 3600 / 60;
        long seconds = secs % 60;
        String t = String.format("%02d:%02d", minutes, seconds);
        if (hours > 0 || days > 0) {
            t = String.format("%02d:", hours) + t;
        }
        if (days > 0) {
            t = days + "-" + t;
        }
        return t;
    }

    private List<Column> parseFormat(String format) {
        List<Column> columns = new ArrayList<>();
        String rest = format.trim();
        while (!rest.isEmpty()) {
            // procps (Linux personality): commas and spaces separate specifiers; "name=header" renames.
            int sep = firstSeparator(rest);
            String spec = sep < 0 ? rest : rest.substring(0, sep);
            rest = sep < 0 ? "" : rest.substring(sep + 1).trim();
            if (spec.isEmpty()) {
                continue;
            }
            String name = spec;
            String header = null;
            int width = -1;
            if (spec.contains("=")) {
                name = spec.substring(0, spec.indexOf('='));
                header = spec.substring(spec.indexOf('=') + 1);
            }
            if (name.contains(":")) {
                try {
                    width = Integer.parseInt(name.substring(name.indexOf(':') + 1));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("unknown user-defined format specifier \"" + name + "\"");
                }
                name = name.substring(0, name.indexOf(':'));
            }
            Column c = column(name);
            if (c == null) {
                throw new IllegalArgumentException("unknown user-defined format specifier \"" + name + "\"");
            }
            if (header != null) {
                c = new Column(header, Math.max(c.width(), header.length()), c.right(), c.render());
            }
            if (width > 0) {
                c = new Column(c.header(), width, c.right(), c.render());
            }
            columns.add(c);
        }
        return columns;
    }

    private static int firstSeparator(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == ',' || s.charAt(i) == ' ') {
                return i;
            }
        }
        return -1;
    }

    private Column column(String name) {
        int w = pidWidth;
        return switch (name) {
            case "pid", "tgid", "tid", "lwp", "spid" -> new Column(name.equals("pid") || name.equals("tgid") ? "PID"
                    : name.equals("spid") ? "SPID" : "LWP", w, true, (ps, i) -> String.valueOf(i.pid));
            case "ppid" -> new Column("PPID", w, true, (ps, i) -> String.valueOf(i.ppid));
            case "pgid", "pgrp" -> new Column(name.equals("pgid") ? "PGID" : "PGRP", w, true, (ps, i) -> String.valueOf(i.pgrp));
            case "sid", "sess", "session" -> new Column(name.equals("sid") ? "SID" : "SESS", w, true,
                    (ps, i) -> String.valueOf(i.session));
            case "tpgid" -> new Column("TPGID", w, true, (ps, i) -> String.valueOf(i.tpgid));
            case "comm", "ucmd", "ucomm" -> new Column(name.equals("ucmd") ? "CMD" : "COMMAND", 15, false,
                    (ps, i) -> ps.indentOf(i) + i.commText());
            case "args", "command" -> new Column("COMMAND", 27, false, (ps, i) -> ps.indentOf(i) + i.argsText());
            case "cmd" -> new Column("CMD", 27, false, (ps, i) -> ps.indentOf(i) + i.argsText());
            case "user", "euser", "uname" -> new Column("USER", 8, false, (ps, i) -> ps.user(i.euid));
            case "ruser" -> new Column("RUSER", 8, false, (ps, i) -> ps.user(i.uid));
            case "uid_f" -> new Column("UID", 8, false, (ps, i) -> ps.user(i.euid));
            case "uid", "euid" -> new Column(name.equals("uid") ? "UID" : "EUID", 5, true, (ps, i) -> String.valueOf(i.euid));
            case "ruid" -> new Column("RUID", 5, true, (ps, i) -> String.valueOf(i.uid));
            case "gid", "egid" -> new Column(name.equals("gid") ? "GID" : "EGID", 5, true, (ps, i) -> String.valueOf(i.egid));
            case "group", "egroup" -> new Column("GROUP", 8, false, (ps, i) -> ps.group(i.egid));
            case "stat" -> new Column("STAT", 4, false, (ps, i) -> i.stat());
            case "s", "state" -> new Column("S", 1, false, (ps, i) -> String.valueOf(i.state));
            case "tty", "tt", "tname" -> new Column(name.equals("tname") ? "TTY" : "TT", 8, false, (ps, i) -> i.tty());
            case "time", "cputime" -> new Column("TIME", 8, true, (ps, i) -> "00:00:00");
            case "bsdtime" -> new Column("TIME", 6, true, (ps, i) -> "0:00");
            case "etime" -> new Column("ELAPSED", 11, true, (ps, i) -> ps.elapsed(i));
            case "etimes" -> new Column("ELAPSED", 7, true, (ps, i) -> String.valueOf(Math.max(0, ps.nowSeconds - i.startTicks / 100)));
            case "stime", "start_time" -> new Column(name.equals("stime") ? "STIME" : "START", 5, false, (ps, i) -> ps.hhmm(i));
            case "bsdstart", "start" -> new Column(name.equals("start") ? "STARTED" : "START", name.equals("start") ? 8 : 5,
                    name.equals("start"), (ps, i) -> name.equals("start") ? DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT)
                            .withZone(ZoneOffset.UTC).format(Instant.ofEpochSecond(ps.startEpoch(i))) : ps.hhmm(i));
            case "c", "cp" -> new Column(name.equals("c") ? "C" : "CP", 2, true, (ps, i) -> "0");
            case "%cpu", "pcpu" -> new Column("%CPU", 4, true, (ps, i) -> "0.0");
            case "%mem", "pmem" -> new Column("%MEM", 4, true, (ps, i) -> "0.0");
            case "vsz", "vsize" -> new Column("VSZ", 6, true, (ps, i) -> "0");
            case "rss", "rssize", "rsz" -> new Column("RSS", 5, true, (ps, i) -> "0");
            case "ni", "nice" -> new Column("NI", 3, true, (ps, i) -> String.valueOf(i.nice));
            case "pri" -> new Column("PRI", 3, true, (ps, i) -> "19");
            case "nlwp", "thcount" -> new Column("NLWP", 4, true, (ps, i) -> "1");
            case "f", "flag", "flags" -> new Column("F", 1, true, (ps, i) -> "4");
            case "cgroupns", "ipcns", "mntns", "netns", "pidns", "userns", "utsns", "timens" -> new Column(
                    name.toUpperCase(Locale.ROOT), 10, true, (ps, i) -> i.nsInode(ps.p, name.substring(0, name.length() - 2)));
            default -> null;
        };
    }
}
