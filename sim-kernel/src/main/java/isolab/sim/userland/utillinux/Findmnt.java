package isolab.sim.userland.utillinux;

import isolab.sim.syscall.SysException;
import isolab.sim.userland.Getopt;
import isolab.sim.userland.Proc;
import isolab.sim.userland.Usage;
import java.util.ArrayList;
import java.util.List;

/**
 * /usr/bin/findmnt (util-linux 2.38, misc-utils/findmnt.c): the mounts of /proc/self/mountinfo
 * (or /proc/PID/mountinfo with {@code -N}) as a tree drawn from the root mount, or the mounts
 * matching a source or target as a list (a tree of their submounts with {@code -R}); columns
 * chosen with {@code -o}; {@code -l} list, {@code -r} raw, {@code -n} no headings, {@code -t}
 * types, {@code -T} the mount holding a path, {@code -f} first match only. Status 1 when nothing
 * matches.
 */
public final class Findmnt {

    private static final Getopt OPTIONS = new Getopt("AabCcDd:ehIiJfF:o:O:p::PklmM:nN:rst:uvRS:T:Uw:xyH", List.of(
            Getopt.opt("all", Getopt.Arg.NONE, "A"), Getopt.opt("ascii", Getopt.Arg.NONE, "a"),
            Getopt.opt("bytes", Getopt.Arg.NONE, "b"), Getopt.opt("canonicalize", Getopt.Arg.NONE, "c"),
            Getopt.opt("direction", Getopt.Arg.REQUIRED, "d"), Getopt.opt("df", Getopt.Arg.NONE, "D"),
            Getopt.opt("evaluate", Getopt.Arg.NONE, "e"), Getopt.opt("first-only", Getopt.Arg.NONE, "f"),
            Getopt.opt("fstab", Getopt.Arg.NONE, "s"), Getopt.opt("help", Getopt.Arg.NONE, "h"),
            Getopt.opt("invert", Getopt.Arg.NONE, "i"), Getopt.opt("json", Getopt.Arg.NONE, "J"),
            Getopt.opt("kernel", Getopt.Arg.NONE, "k"), Getopt.opt("list", Getopt.Arg.NONE, "l"),
            Getopt.opt("mountpoint", Getopt.Arg.REQUIRED, "M"), Getopt.opt("mtab", Getopt.Arg.NONE, "m"),
            Getopt.opt("noheadings", Getopt.Arg.NONE, "n"), Getopt.opt("notruncate", Getopt.Arg.NONE, "u"),
            Getopt.opt("options", Getopt.Arg.REQUIRED, "O"), Getopt.opt("output", Getopt.Arg.REQUIRED, "o"),
            Getopt.opt("output-all", Getopt.Arg.NONE, "output-all"), Getopt.opt("poll", Getopt.Arg.OPTIONAL, "p"),
            Getopt.opt("pairs", Getopt.Arg.NONE, "P"), Getopt.opt("raw", Getopt.Arg.NONE, "r"),
            Getopt.opt("types", Getopt.Arg.REQUIRED, "t"), Getopt.opt("nocanonicalize", Getopt.Arg.NONE, "C"),
            Getopt.opt("nofsroot", Getopt.Arg.NONE, "v"), Getopt.opt("submounts", Getopt.Arg.NONE, "R"),
            Getopt.opt("source", Getopt.Arg.REQUIRED, "S"), Getopt.opt("tab-file", Getopt.Arg.REQUIRED, "F"),
            Getopt.opt("task", Getopt.Arg.REQUIRED, "N"), Getopt.opt("target", Getopt.Arg.REQUIRED, "T"),
            Getopt.opt("timeout", Getopt.Arg.REQUIRED, "w"), Getopt.opt("uniq", Getopt.Arg.NONE, "U"),
            Getopt.opt("verify", Getopt.Arg.NONE, "x"), Getopt.opt("version", Getopt.Arg.NONE, "V"),
            Getopt.opt("verbose", Getopt.Arg.NONE, "verbose"), Getopt.opt("tree", Getopt.Arg.NONE, "tree"),
            Getopt.opt("real", Getopt.Arg.NONE, "real"), Getopt.opt("pseudo", Getopt.Arg.NONE, "pseudo"),
            Getopt.opt("shell", Getopt.Arg.NONE, "y"), Getopt.opt("list-columns", Getopt.Arg.NONE, "H")));

    /** The columns findmnt has (misc-utils/findmnt.c: infos[]), and which of them isolab renders. */
    private static final List<String> MODELLED = List.of("SOURCE", "TARGET", "FSTYPE", "OPTIONS", "VFS-OPTIONS",
            "FS-OPTIONS", "MAJ:MIN", "FSROOT", "ID", "PARENT", "OPT-FIELDS", "PROPAGATION");
    private static final List<String> UNMODELLED = List.of("SOURCES", "LABEL", "UUID", "PARTLABEL", "PARTUUID",
            "ACTION", "OLD-TARGET", "OLD-OPTIONS", "SIZE", "AVAIL", "USED", "USE%", "FREQ", "PASSNO", "TID");
    private static final List<String> DEFAULT = List.of("TARGET", "SOURCE", "FSTYPE", "OPTIONS");

    /** One line of mountinfo. */
    record Fs(int id, int parent, String majMin, String root, String target, String vfsOptions, String fields,
            String type, String source, String fsOptions) {
    }

    /** What the command line asks for. */
    private static final class Query {
        List<String> columns = new ArrayList<>(DEFAULT);
        String match;
        String source;
        String target;
        String mountpoint;
        List<String> types;
        boolean submounts;
        boolean list;
        boolean raw;
        boolean noHeadings;
        boolean first;
        boolean noFsRoot;
        String task = "self";
    }

    private Findmnt() {
    }

    public static int main(Proc p) {
        Getopt.Parsed parsed = OPTIONS.parseOrTryHelp(p);
        if (parsed == null) {
            return 1;
        }
        Query q = new Query();
        for (Getopt.Opt o : parsed.options()) {
            switch (o.key()) {
                case "o" -> {
                    String arg = o.arg();
                    List<String> cols = arg.startsWith("+") ? new ArrayList<>(DEFAULT) : new ArrayList<>();
                    for (String c : (arg.startsWith("+") ? arg.substring(1) : arg).split(",")) {
                        String name = c.toUpperCase(java.util.Locale.ROOT);
                        if (!MODELLED.contains(name) && !UNMODELLED.contains(name)) {
                            p.error("unknown column: " + c);
                            return 1;
                        }
                        if (!MODELLED.contains(name)) {
                            return Usage.notModelled(p, "-o " + c);
                        }
                        cols.add(name);
                    }
                    q.columns = cols;
                }
                case "t" -> q.types = List.of(o.arg().split(","));
                case "R" -> q.submounts = true;
                case "l" -> q.list = true;
                case "r" -> q.raw = true;
                case "n" -> q.noHeadings = true;
                case "f" -> q.first = true;
                case "v" -> q.noFsRoot = true;
                case "S" -> q.source = o.arg();
                case "T" -> {
                    String holder = holderOf(p, o.arg());
                    if (holder == null) {
                        return 1;
                    }
                    q.target = holder;
                }
                case "M" -> q.mountpoint = canonical(p, o.arg());
                case "N" -> q.task = o.arg();
                case "a", "k", "c", "C", "u" -> {
                }
                default -> {
                    return Usage.notModelled(p, o.spelled());
                }
            }
        }
        List<String> operands = parsed.operands();
        if (operands.size() == 1) {
            q.match = operands.get(0);
        } else if (operands.size() == 2) {
            q.source = operands.get(0);
            q.target = canonical(p, operands.get(1));
        } else if (operands.size() > 2) {
            p.error("bad usage");
            p.err("Try 'findmnt --help' for more information.\n");
            return 1;
        }
        List<Fs> table;
        try {
            table = parse(p.readFile("/proc/" + q.task + "/mountinfo"));
        } catch (SysException e) {
            p.error("can't read /proc/" + q.task + "/mountinfo: " + e.strerror());
            return 1;
        }
        Smartcols out = build(p, q, table);
        if (out.isEmpty()) {
            return 1;
        }
        p.out(out.render());
        return 0;
    }

    private static Smartcols build(Proc p, Query q, List<Fs> table) {
        List<Smartcols.Column> cols = new ArrayList<>();
        boolean matching = q.match != null || q.source != null || q.target != null || q.mountpoint != null;
        boolean tree = !q.list && !q.raw && (q.submounts || !matching && !q.first);
        for (String c : q.columns) {
            cols.add(new Smartcols.Column(c, c.equals("ID") || c.equals("PARENT") || c.equals("MAJ:MIN"),
                    tree && c.equals("TARGET")));
        }
        Smartcols out = new Smartcols(cols).noHeadings(q.noHeadings).raw(q.raw);
        List<Fs> matches = matches(p, q, table);
        if (!matching && !q.submounts) {
            if (tree) {
                addTree(q, table, out, matches);
            } else {
                for (Fs fs : matches) {
                    out.add(cells(q, fs), null);
                }
            }
            return out;
        }
        for (Fs fs : q.first && !matches.isEmpty() ? matches.subList(0, 1) : matches) {
            Smartcols.Line line = out.add(cells(q, fs), null);
            if (q.submounts) {
                addChildren(q, table, fs, line, out, tree);
            }
        }
        return out;
    }

    /** The whole tree from the root mount; with a type filter, a line whose parent is filtered out starts a tree of its own. */
    private static void addTree(Query q, List<Fs> table, Smartcols out, List<Fs> shown) {
        Fs root = rootOf(table);
        if (root == null) {
            return;
        }
        addShown(q, table, root, null, out, shown);
    }

    private static void addShown(Query q, List<Fs> table, Fs fs, Smartcols.Line parent, Smartcols out, List<Fs> shown) {
        Smartcols.Line line = parent;
        if (shown.contains(fs)) {
            line = out.add(cells(q, fs), parent);
        }
        for (Fs child : children(table, fs)) {
            addShown(q, table, child, line, out, shown);
        }
    }

    private static void addChildren(Query q, List<Fs> table, Fs fs, Smartcols.Line line, Smartcols out, boolean tree) {
        for (Fs child : children(table, fs)) {
            Smartcols.Line added = out.add(cells(q, child), tree ? line : null);
            addChildren(q, table, child, added, out, tree);
        }
    }

    /** libmount: mnt_table_next_child_fs: the mounts on {@code fs}, by ascending mount id (not mountinfo order). */
    private static List<Fs> children(List<Fs> table, Fs fs) {
        List<Fs> children = new ArrayList<>();
        for (Fs child : table) {
            if (child.parent() == fs.id() && child != fs) {
                children.add(child);
            }
        }
        children.sort(java.util.Comparator.comparingInt(Fs::id));
        return children;
    }

    /** libmount: mnt_table_get_root_fs: the mount with the lowest parent id, then up while its parent is listed. */
    private static Fs rootOf(List<Fs> table) {
        Fs root = null;
        for (Fs fs : table) {
            if (root == null || fs.parent() < root.parent()) {
                root = fs;
            }
        }
        for (int guard = 0; root != null && guard < table.size(); guard++) {
            Fs up = byId(table, root.parent());
            if (up == null || up == root) {
                break;
            }
            root = up;
        }
        return root;
    }

    private static Fs byId(List<Fs> table, int id) {
        for (Fs fs : table) {
            if (fs.id() == id) {
                return fs;
            }
        }
        return null;
    }

    /** The lines that pass the filters; a single argument matches sources first, then targets. */
    private static List<Fs> matches(Proc p, Query q, List<Fs> table) {
        List<Fs> found = filter(q, table, q.match, null);
        if (found.isEmpty() && q.match != null) {
            found = filter(q, table, null, canonical(p, q.match));
        }
        return found;
    }

    private static List<Fs> filter(Query q, List<Fs> table, String source, String target) {
        List<Fs> found = new ArrayList<>();
        for (Fs fs : table) {
            if (q.types != null && !typeMatches(q.types, fs.type())) {
                continue;
            }
            if (source != null && !fs.source().equals(source) || q.source != null && !fs.source().equals(q.source)) {
                continue;
            }
            if (target != null && !fs.target().equals(target) || q.target != null && !fs.target().equals(q.target)
                    || q.mountpoint != null && !fs.target().equals(q.mountpoint)) {
                continue;
            }
            found.add(fs);
        }
        return found;
    }

    /** libmount: mnt_match_fstype: a list of types, or of types each prefixed with {@code no} to exclude. */
    private static boolean typeMatches(List<String> types, String type) {
        boolean negated = types.get(0).startsWith("no");
        for (String t : types) {
            if (negated ? t.substring(2).equals(type) : t.equals(type)) {
                return !negated;
            }
        }
        return negated;
    }

    private static List<String> cells(Query q, Fs fs) {
        List<String> cells = new ArrayList<>();
        for (String c : q.columns) {
            cells.add(switch (c) {
                case "SOURCE" -> !q.noFsRoot && !fs.root().equals("/") ? fs.source() + "[" + fs.root() + "]" : fs.source();
                case "TARGET" -> fs.target();
                case "FSTYPE" -> fs.type();
                case "OPTIONS" -> options(fs);
                case "VFS-OPTIONS" -> fs.vfsOptions();
                case "FS-OPTIONS" -> fs.fsOptions();
                case "MAJ:MIN" -> fs.majMin();
                case "FSROOT" -> fs.root();
                case "ID" -> String.valueOf(fs.id());
                case "PARENT" -> String.valueOf(fs.parent());
                case "OPT-FIELDS" -> fs.fields();
                default -> propagation(fs.fields());
            });
        }
        return cells;
    }

    /** libmount: mnt_fs_strdup_options: the mount's options, then the filesystem's (whose "ro" wins over "rw"). */
    static String options(Fs fs) {
        String vfs = fs.vfsOptions();
        String fsOpts = fs.fsOptions();
        if (fsOpts.equals("ro") || fsOpts.startsWith("ro,")) {
            vfs = "ro" + vfs.substring(2);
        }
        int comma = fsOpts.indexOf(',');
        return comma < 0 ? vfs : vfs + fsOpts.substring(comma);
    }

    /** findmnt's PROPAGATION: "shared" or "private", then ",slave" and ",unbindable". */
    static String propagation(String fields) {
        StringBuilder s = new StringBuilder(fields.contains("shared:") ? "shared" : "private");
        if (fields.contains("master:")) {
            s.append(",slave");
        }
        if (fields.contains("unbindable")) {
            s.append(",unbindable");
        }
        return s.toString();
    }

    /** Parses mountinfo (proc(5)). */
    static List<Fs> parse(String mountinfo) {
        List<Fs> table = new ArrayList<>();
        for (String line : mountinfo.split("\n")) {
            if (line.isEmpty()) {
                continue;
            }
            String[] halves = line.split(" - ", 2);
            String[] left = halves[0].split(" ");
            String[] right = halves[1].split(" ");
            List<String> fields = new ArrayList<>();
            for (int i = 6; i < left.length; i++) {
                fields.add(left[i]);
            }
            table.add(new Fs(Integer.parseInt(left[0]), Integer.parseInt(left[1]), left[2],
                    MountMessages.unescape(left[3]), MountMessages.unescape(left[4]), left[5], String.join(" ", fields),
                    right[0], MountMessages.unescape(right[1]), right.length > 2 ? right[2] : ""));
        }
        return table;
    }

    /** {@code path} as findmnt compares it: canonicalized (links followed), or cleaned up if it does not exist. */
    static String canonical(Proc p, String path) {
        try {
            return isolab.sim.userland.coreutils.Readlink.canonicalize(p, path, "m");
        } catch (SysException e) {
            return path;
        }
    }

    /** {@code -T PATH}: the mount point that holds {@code path} (libmount: mnt_find_mountpoint); null if it does not exist. */
    private static String holderOf(Proc p, String path) {
        try {
            p.sys().stat(path);
        } catch (SysException e) {
            return null;
        }
        String abs = canonical(p, path);
        List<Fs> table;
        try {
            table = parse(p.readFile("/proc/self/mountinfo"));
        } catch (SysException e) {
            return null;
        }
        for (String cur = abs; ; cur = cur.substring(0, Math.max(1, cur.lastIndexOf('/')))) {
            for (Fs fs : table) {
                if (fs.target().equals(cur)) {
                    return cur;
                }
            }
            if (cur.equals("/")) {
                return null;
            }
        }
    }
}
