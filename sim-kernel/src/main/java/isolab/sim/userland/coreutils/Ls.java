package isolab.sim.userland.coreutils;

import isolab.sim.fs.OpenFile;
import isolab.sim.syscall.DirEntry;
import isolab.sim.syscall.Stat;
import isolab.sim.syscall.SysException;
import isolab.sim.userland.Getopt;
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
 * /usr/bin/ls (coreutils): lists directories sorted by name in byte order (the POSIX locale), in
 * columns on a terminal (200 wide) and one per line into a pipe; {@code -1 -a -A -d -l -i -n -F
 * -p}. Block counts in {@code total} are from file sizes in 4 KiB blocks.
 */
public final class Ls {

    private static final Getopt OPTIONS = new Getopt("1aAbBcCdDfFgGhHiIklLmnNopqQrRsStTuUvw:xXZ", List.of(
            Getopt.opt("all", Getopt.Arg.NONE, "a"), Getopt.opt("almost-all", Getopt.Arg.NONE, "A"),
            Getopt.opt("directory", Getopt.Arg.NONE, "d"), Getopt.opt("classify", Getopt.Arg.OPTIONAL, "F"),
            Getopt.opt("inode", Getopt.Arg.NONE, "i"), Getopt.opt("numeric-uid-gid", Getopt.Arg.NONE, "n"),
            Getopt.opt("color", Getopt.Arg.OPTIONAL, "color"), Getopt.opt("human-readable", Getopt.Arg.NONE, "h"),
            Getopt.opt("reverse", Getopt.Arg.NONE, "r"), Getopt.opt("recursive", Getopt.Arg.NONE, "R"),
            Getopt.opt("help", Getopt.Arg.NONE, "help"), Getopt.opt("version", Getopt.Arg.NONE, "version")));

    private final Proc p;
    private boolean all;
    private boolean almostAll;
    private boolean directory;
    private boolean longFormat;
    private boolean onePerLine;
    private boolean inode;
    private boolean numeric;
    private boolean classify;
    private boolean slash;
    private boolean reverse;
    private final Map<Integer, String> users = new LinkedHashMap<>();
    private final Map<Integer, String> groups = new LinkedHashMap<>();

    private Ls(Proc p) {
        this.p = p;
    }

    public static int main(Proc p) {
        return new Ls(p).run();
    }

    private int run() {
        Getopt.Parsed parsed;
        try {
            parsed = OPTIONS.parse(p.args());
        } catch (Getopt.UsageError e) {
            p.error(e.getMessage());
            p.err("Try 'ls --help' for more information.\n");
            return 2;
        }
        for (Getopt.Opt o : parsed.options()) {
            switch (o.key()) {
                case "a" -> all = true;
                case "A" -> almostAll = true;
                case "d" -> directory = true;
                case "l" -> longFormat = true;
                case "1" -> onePerLine = true;
                case "i" -> inode = true;
                case "n" -> {
                    numeric = true;
                    longFormat = true;
                }
                case "F" -> classify = true;
                case "p" -> slash = true;
                case "r" -> reverse = true;
                case "C", "color", "N", "T", "w" -> {
                }
                default -> {
                    p.error("option '" + o.spelled() + "' is not modelled in isolab");
                    return 2;
                }
            }
        }
        onePerLine |= !p.stdoutIsTty();
        List<String> operands = parsed.operands().isEmpty() ? List.of(".") : parsed.operands();
        int status = 0;
        List<String> files = new ArrayList<>();
        List<String> dirs = new ArrayList<>();
        for (String op : operands) {
            try {
                Stat st = p.sys().stat(op);
                if (st.isDirectory() && !directory) {
                    dirs.add(op);
                } else {
                    files.add(op);
                }
            } catch (SysException e) {
                try {
                    p.sys().lstat(op);
                    files.add(op);
                } catch (SysException e2) {
                    p.error("cannot access '" + op + "': " + e.strerror());
                    status = 2;
                }
            }
        }
        files.sort(null);
        dirs.sort(null);
        if (reverse) {
            java.util.Collections.reverse(files);
            java.util.Collections.reverse(dirs);
        }
        if (!files.isEmpty()) {
            print(files, "");
        }
        boolean headers = operands.size() > 1;
        for (int i = 0; i < dirs.size(); i++) {
            String dir = dirs.get(i);
            if (headers) {
                p.out((i > 0 || !files.isEmpty() ? "\n" : "") + dir + ":\n");
            }
            List<String> names = new ArrayList<>();
            try {
                int fd = p.sys().open(dir, OpenFile.O_RDONLY | OpenFile.O_DIRECTORY, 0);
                try {
                    for (DirEntry e : p.sys().getdents(fd)) {
                        String n = e.name();
                        if (n.startsWith(".") && !all && !(almostAll && !n.equals(".") && !n.equals(".."))) {
                            continue;
                        }
                        names.add(n);
                    }
                } finally {
                    p.sys().close(fd);
                }
            } catch (SysException e) {
                p.error("cannot open directory '" + dir + "': " + e.strerror());
                status = 2;
                continue;
            }
            names.sort(null);
            if (reverse) {
                java.util.Collections.reverse(names);
            }
            if (longFormat) {
                long blocks = 0;
                for (String n : names) {
                    try {
                        blocks += p.sys().lstat(join(dir, n)).blocks();
                    } catch (SysException e) {
                        // vanished: not counted
                    }
                }
                p.out("total " + (blocks + 1) / 2 + "\n");
            }
            print(names, dir);
        }
        return status;
    }

    private static String join(String dir, String name) {
        if (dir.isEmpty()) {
            return name;
        }
        return dir.endsWith("/") ? dir + name : dir + "/" + name;
    }

    private void print(List<String> names, String dir) {
        if (longFormat) {
            printLong(names, dir);
            return;
        }
        List<String> cells = new ArrayList<>();
        boolean tty = p.stdoutIsTty();
        boolean anyQuoted = tty && names.stream().anyMatch(Ls::needsQuotes);
        for (String n : names) {
            String shown = tty ? (anyQuoted && !needsQuotes(n) ? " " + n : quoted(n)) : n;
            String cell = shown + suffix(dir.isEmpty() ? n : join(dir, n));
            if (inode) {
                cell = inodeOf(dir.isEmpty() ? n : join(dir, n)) + " " + cell;
            }
            cells.add(cell);
        }
        if (onePerLine) {
            for (String c : cells) {
                p.out(c + "\n");
            }
            return;
        }
        p.out(columns(cells, 200));
    }

    private String inodeOf(String path) {
        try {
            return String.valueOf(p.sys().lstat(path).ino());
        } catch (SysException e) {
            return "?";
        }
    }

    private String suffix(String path) {
        if (!classify && !slash) {
            return "";
        }
        try {
            Stat st = p.sys().lstat(path);
            if (st.isDirectory()) {
                return "/";
            }
            if (!classify) {
                return "";
            }
            if (st.isSymlink()) {
                return "@";
            }
            if (st.isRegular() && (st.mode() & 0111) != 0) {
                return "*";
            }
        } catch (SysException e) {
            return "";
        }
        return "";
    }

    /**
     * GNU ls's vertical column layout (ls.c: calculate_columns, print_many_per_line): the most
     * columns whose widths (longest name + 2, the last column without) stay under {@code width};
     * the gaps are filled with tabs where a tab stop (every 8) is reached, as ls's indent() does.
     */
    static String columns(List<String> cells, int width) {
        if (cells.isEmpty()) {
            return "";
        }
        int n = cells.size();
        int cols = 1;
        int[] widths = {0};
        for (int c = Math.min(n, Math.max(1, width / 3)); c >= 1; c--) {
            int rows = (n + c - 1) / c;
            if ((n + rows - 1) / rows != c) {
                continue;
            }
            int[] w = new int[c];
            for (int i = 0; i < n; i++) {
                int col = i / rows;
                w[col] = Math.max(w[col], cells.get(i).length() + (col == c - 1 ? 0 : 2));
            }
            int total = 0;
            for (int x : w) {
                total += x;
            }
            if (total < width || c == 1) {
                cols = c;
                widths = w;
                break;
            }
        }
        int rows = (n + cols - 1) / cols;
        StringBuilder s = new StringBuilder();
        for (int r = 0; r < rows; r++) {
            int pos = 0;
            for (int c = 0; c < cols; c++) {
                int i = c * rows + r;
                if (i >= n) {
                    break;
                }
                String cell = cells.get(i);
                s.append(cell);
                boolean lastInRow = c == cols - 1 || (c + 1) * rows + r >= n;
                if (!lastInRow) {
                    indent(s, pos + cell.length(), pos + widths[c]);
                }
                pos += widths[c];
            }
            s.append('\n');
        }
        return s.toString();
    }

    private static void indent(StringBuilder s, int from, int to) {
        while (from < to) {
            if (to / 8 > (from + 1) / 8) {
                s.append('\t');
                from += 8 - from % 8;
            } else {
                s.append(' ');
                from++;
            }
        }
    }

    /** Whether GNU ls's shell-escape quoting (its default on a terminal) quotes {@code name}. */
    static boolean needsQuotes(String name) {
        for (char c : name.toCharArray()) {
            if (" \t\n!\"#$&'()*;<>?[\\]^`{|}~".indexOf(c) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** {@code name} as ls shows it on a terminal: 'single quoted' where the shell would need it. */
    static String quoted(String name) {
        return needsQuotes(name) ? "'" + name.replace("'", "'\\''") + "'" : name;
    }

    private void printLong(List<String> names, String dir) {
        loadNames();
        List<String[]> rows = new ArrayList<>();
        List<boolean[]> numericIds = new ArrayList<>();
        int[] widths = new int[5];
        for (String n : names) {
            String path = dir.isEmpty() ? n : join(dir, n);
            Stat st;
            try {
                st = p.sys().lstat(path);
            } catch (SysException e) {
                p.error("cannot access '" + path + "': " + e.strerror());
                continue;
            }
            String size = (st.mode() & 0170000) == 0020000 ? st.rdevMajor() + ", " + st.rdevMinor() : String.valueOf(st.size());
            String[] row = {
                String.valueOf(st.nlink()),
                numeric ? String.valueOf(st.uid()) : users.getOrDefault(st.uid(), String.valueOf(st.uid())),
                numeric ? String.valueOf(st.gid()) : groups.getOrDefault(st.gid(), String.valueOf(st.gid())),
                size,
                mode(st.mode()) + "\u0000" + date(st.mtimeEpochSeconds()) + "\u0000" + shownName(n, names) + suffix(path)
                        + (st.isSymlink() ? " -> " + (p.stdoutIsTty() ? quoted(target(path)) : target(path)) : "")
                        + "\u0000" + (inode ? st.ino() + " " : "")};
            for (int i = 0; i < 4; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
            rows.add(row);
            // ls.c: format_user_or_group: a name is left-aligned, an id without one right-aligned.
            numericIds.add(new boolean[] {numeric || !users.containsKey(st.uid()), numeric || !groups.containsKey(st.gid())});
        }
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            String[] rest = row[4].split("\u0000", -1);
            p.out(rest[3] + rest[0] + " " + pad(row[0], widths[0], true) + " " + pad(row[1], widths[1], numericIds.get(r)[0])
                    + " " + pad(row[2], widths[2], numericIds.get(r)[1]) + " " + pad(row[3], widths[3], true) + " " + rest[1]
                    + " " + rest[2] + "\n");
        }
    }

    private String shownName(String n, List<String> names) {
        if (!p.stdoutIsTty()) {
            return n;
        }
        boolean anyQuoted = names.stream().anyMatch(Ls::needsQuotes);
        return anyQuoted && !needsQuotes(n) ? " " + n : quoted(n);
    }

    private String target(String path) {
        try {
            return p.sys().readlink(path);
        } catch (SysException e) {
            return "";
        }
    }

    private static String pad(String s, int width, boolean right) {
        String spaces = " ".repeat(Math.max(0, width - s.length()));
        return right ? spaces + s : s + spaces;
    }

    static String mode(int mode) {
        char type = switch (mode & 0170000) {
            case 0040000 -> 'd';
            case 0120000 -> 'l';
            case 0020000 -> 'c';
            case 0060000 -> 'b';
            case 0010000 -> 'p';
            case 0140000 -> 's';
            default -> '-';
        };
        StringBuilder s = new StringBuilder().append(type);
        String rwx = "rwxrwxrwx";
        for (int i = 0; i < 9; i++) {
            s.append((mode & (1 << (8 - i))) != 0 ? rwx.charAt(i) : '-');
        }
        if ((mode & 04000) != 0) {
            s.setCharAt(3, s.charAt(3) == 'x' ? 's' : 'S');
        }
        if ((mode & 02000) != 0) {
            s.setCharAt(6, s.charAt(6) == 'x' ? 's' : 'S');
        }
        if ((mode & 01000) != 0) {
            s.setCharAt(9, s.charAt(9) == 'x' ? 't' : 'T');
        }
        return s.toString();
    }

    private static String date(long epochSeconds) {
        return DateTimeFormatter.ofPattern("MMM dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC)
                .format(Instant.ofEpochSecond(epochSeconds)).replaceFirst(" 0(\\d) ", "  $1 ");
    }

    private void loadNames() {
        if (!users.isEmpty()) {
            return;
        }
        for (String[] spec : new String[][] {{"/etc/passwd", "u"}, {"/etc/group", "g"}}) {
            try {
                for (String line : p.readFile(spec[0]).split("\n")) {
                    String[] f = line.split(":", -1);
                    if (f.length > 2 && f[2].matches("\\d+")) {
                        (spec[1].equals("u") ? users : groups).putIfAbsent(Integer.parseInt(f[2]), f[0]);
                    }
                }
            } catch (SysException e) {
                // numeric ids then
            }
        }
    }
}
