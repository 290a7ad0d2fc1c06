package isolab.sim.userland.coreutils;

import isolab.sim.fs.OpenFile;
import isolab.sim.syscall.Errno;
import isolab.sim.syscall.Stat;
import isolab.sim.syscall.SysException;
import isolab.sim.userland.Getopt;
import isolab.sim.userland.Proc;
import isolab.sim.userland.Usage;
import java.util.ArrayList;
import java.util.List;

/**
 * /usr/bin/cp and /usr/bin/mv (coreutils 9.1): cp copies files ({@code -r}/{@code -R}/{@code -a}
 * directories, {@code -p} and {@code -a} keeping mode and times, symbolic links copied as links
 * when recursive); mv renames, and when rename(2) says EXDEV (another mount, or a directory an
 * overlay's lower layer has) copies everything and removes the original, as coreutils does.
 */
public final class Cp {

    private static final Getopt CP = new Getopt("abdfHilLnprst:uvxPRS:TZ", List.of(
            Getopt.opt("archive", Getopt.Arg.NONE, "a"), Getopt.opt("force", Getopt.Arg.NONE, "f"),
            Getopt.opt("interactive", Getopt.Arg.NONE, "i"), Getopt.opt("no-clobber", Getopt.Arg.NONE, "n"),
            Getopt.opt("preserve", Getopt.Arg.OPTIONAL, "preserve"), Getopt.opt("recursive", Getopt.Arg.NONE, "r"),
            Getopt.opt("target-directory", Getopt.Arg.REQUIRED, "t"),
            Getopt.opt("no-target-directory", Getopt.Arg.NONE, "T"), Getopt.opt("verbose", Getopt.Arg.NONE, "v"),
            Getopt.opt("dereference", Getopt.Arg.NONE, "L"), Getopt.opt("no-dereference", Getopt.Arg.NONE, "P"),
            Getopt.opt("help", Getopt.Arg.NONE, "help"), Getopt.opt("version", Getopt.Arg.NONE, "version")));

    private static final Getopt MV = new Getopt("bfint:uvS:TZ", List.of(
            Getopt.opt("force", Getopt.Arg.NONE, "f"), Getopt.opt("interactive", Getopt.Arg.NONE, "i"),
            Getopt.opt("no-clobber", Getopt.Arg.NONE, "n"), Getopt.opt("target-directory", Getopt.Arg.REQUIRED, "t"),
            Getopt.opt("no-target-directory", Getopt.Arg.NONE, "T"), Getopt.opt("verbose", Getopt.Arg.NONE, "v"),
            Getopt.opt("help", Getopt.Arg.NONE, "help"), Getopt.opt("version", Getopt.Arg.NONE, "version")));

    /** How one invocation copies. */
    private static final class Mode {
        boolean recursive;
        boolean preserve;
        boolean dereference = true;
        boolean noClobber;
        boolean verbose;
        boolean noTargetDir;
        String targetDir;
    }

    private Cp() {
    }

    public static int cp(Proc p) {
        Getopt.Parsed parsed = CP.parseOrTryHelp(p);
        if (parsed == null) {
            return 1;
        }
        Mode m = new Mode();
        for (Getopt.Opt o : parsed.options()) {
            switch (o.key()) {
                case "a" -> {
                    m.recursive = true;
                    m.preserve = true;
                    m.dereference = false;
                }
                case "r", "R" -> m.recursive = true;
                case "p" -> m.preserve = true;
                case "preserve" -> m.preserve = true;
                case "f" -> {
                }
                case "n" -> m.noClobber = true;
                case "v" -> m.verbose = true;
                case "P", "d" -> m.dereference = false;
                case "L" -> m.dereference = true;
                case "t" -> m.targetDir = o.arg();
                case "T" -> m.noTargetDir = true;
                default -> {
                    return Usage.notModelled(p, o.spelled());
                }
            }
        }
        if (m.recursive && !parsed.has("L") && !parsed.has("a")) {
            m.dereference = false;
        }
        return run(p, m, parsed.operands(), false);
    }

    public static int mv(Proc p) {
        Getopt.Parsed parsed = MV.parseOrTryHelp(p);
        if (parsed == null) {
            return 1;
        }
        Mode m = new Mode();
        m.recursive = true;
        m.preserve = true;
        m.dereference = false;
        for (Getopt.Opt o : parsed.options()) {
            switch (o.key()) {
                case "f" -> {
                }
                case "n" -> m.noClobber = true;
                case "v" -> m.verbose = true;
                case "t" -> m.targetDir = o.arg();
                case "T" -> m.noTargetDir = true;
                default -> {
                    return Usage.notModelled(p, o.spelled());
                }
            }
        }
        return run(p, m, parsed.operands(), true);
    }

    private static int run(Proc p, Mode m, List<String> operands, boolean move) {
        List<String> sources = new ArrayList<>(operands);
        String dest;
        if (m.targetDir != null) {
            dest = m.targetDir;
        } else {
            if (sources.isEmpty()) {
                return Usage.tryHelp(p, "missing file operand", 1);
            }
            if (sources.size() == 1) {
                return Usage.tryHelp(p, "missing destination file operand after " + Usage.quote(sources.get(0)), 1);
            }
            dest = sources.remove(sources.size() - 1);
        }
        boolean destIsDir = !m.noTargetDir && isDirectory(p, dest);
        if (sources.size() > 1 && !destIsDir) {
            if (m.targetDir != null || exists(p, dest)) {
                p.error("target " + Usage.quote(dest) + " is not a directory");
            } else {
                p.error("target " + Usage.quote(dest) + ": No such file or directory");
            }
            return 1;
        }
        int status = 0;
        for (String source : sources) {
            String target = destIsDir ? join(dest, baseName(source)) : dest;
            status |= move ? moveOne(p, m, source, target) : copyTop(p, m, source, target);
        }
        return status;
    }

    private static int copyTop(Proc p, Mode m, String source, String target) {
        Stat st;
        try {
            st = m.dereference ? p.sys().stat(source) : p.sys().lstat(source);
        } catch (SysException e) {
            p.error("cannot stat " + Usage.quote(source) + ": " + e.strerror());
            return 1;
        }
        if (st.isDirectory() && !m.recursive) {
            p.error("-r not specified; omitting directory " + Usage.quote(source));
            return 1;
        }
        if (same(p, source, target)) {
            p.error(Usage.quote(source) + " and " + Usage.quote(target) + " are the same file");
            return 1;
        }
        return copy(p, m, source, target, st);
    }

    /** Copies {@code source} (whose stat is {@code st}) to {@code target}; prints what fails. */
    private static int copy(Proc p, Mode m, String source, String target, Stat st) {
        int type = st.mode() & isolab.sim.fs.Inode.S_IFMT;
        if (m.noClobber && exists(p, target)) {
            return 0;
        }
        try {
            if (type == isolab.sim.fs.Inode.S_IFDIR) {
                return copyDirectory(p, m, source, target, st);
            }
            if (type == isolab.sim.fs.Inode.S_IFLNK) {
                p.sys().symlink(p.sys().readlink(source), target);
            } else if (type == isolab.sim.fs.Inode.S_IFREG) {
                copyData(p, source, target, st.mode() & 07777);
            } else {
                p.error("cannot copy " + Usage.quote(source) + ": copying special files is not modelled in isolab");
                return 1;
            }
        } catch (SysException e) {
            p.error("cannot create regular file " + Usage.quote(target) + ": " + e.strerror());
            return 1;
        }
        if (m.verbose) {
            p.out(Usage.quote(source) + " -> " + Usage.quote(target) + "\n");
        }
        if (m.preserve && type != isolab.sim.fs.Inode.S_IFLNK) {
            preserve(p, target, st);
        }
        return 0;
    }

    private static int copyDirectory(Proc p, Mode m, String source, String target, Stat st) {
        if (target.equals(source) || target.startsWith(source.endsWith("/") ? source : source + "/")) {
            p.error("cannot copy a directory, " + Usage.quote(source) + ", into itself, " + Usage.quote(target));
            return 1;
        }
        boolean made = false;
        if (!isDirectory(p, target)) {
            try {
                p.sys().mkdir(target, st.mode() & 07777);
                made = true;
            } catch (SysException e) {
                p.error("cannot create directory " + Usage.quote(target) + ": " + e.strerror());
                return 1;
            }
        }
        if (m.verbose) {
            p.out(Usage.quote(source) + " -> " + Usage.quote(target) + "\n");
        }
        int status = 0;
        for (String name : p.listDir(source)) {
            String from = join(source, name);
            try {
                Stat child = p.sys().lstat(from);
                status |= copy(p, m, from, join(target, name), child);
            } catch (SysException e) {
                p.error("cannot stat " + Usage.quote(from) + ": " + e.strerror());
                status = 1;
            }
        }
        if (m.preserve || made) {
            try {
                p.sys().chmod(target, st.mode() & 07777);
            } catch (SysException e) {
                // coreutils reports nothing when it cannot fix the mode of a directory it made
            }
        }
        if (m.preserve) {
            preserve(p, target, st);
        }
        return status;
    }

    private static void copyData(Proc p, String source, String target, int mode) {
        int in = p.sys().open(source, OpenFile.O_RDONLY, 0);
        try {
            int out = p.sys().open(target, OpenFile.O_WRONLY | OpenFile.O_CREAT | OpenFile.O_TRUNC, mode);
            try {
                byte[] buffer = new byte[65536];
                int n;
                while ((n = p.sys().read(in, buffer, 0, buffer.length)) > 0) {
                    int done = 0;
                    while (done < n) {
                        done += p.sys().write(out, buffer, done, n - done);
                    }
                }
            } finally {
                p.sys().close(out);
            }
        } finally {
            p.sys().close(in);
        }
    }

    private static void preserve(Proc p, String target, Stat st) {
        try {
            p.sys().chmod(target, st.mode() & 07777);
            p.sys().utimes(target, st.mtimeEpochSeconds());
        } catch (SysException e) {
            p.error("preserving times for " + Usage.quote(target) + ": " + e.strerror());
        }
    }

    private static int moveOne(Proc p, Mode m, String source, String target) {
        Stat st;
        try {
            st = p.sys().lstat(source);
        } catch (SysException e) {
            p.error("cannot stat " + Usage.quote(source) + ": " + e.strerror());
            return 1;
        }
        if (m.noClobber && exists(p, target)) {
            return 0;
        }
        try {
            p.sys().rename(source, target);
        } catch (SysException e) {
            if (e.errno() != Errno.EXDEV) {
                String why = e.errno() == Errno.EINVAL && st.isDirectory()
                        ? "cannot move " + Usage.quote(source) + " to a subdirectory of itself, " + Usage.quote(target)
                        : "cannot move " + Usage.quote(source) + " to " + Usage.quote(target) + ": " + e.strerror();
                p.error(why);
                return 1;
            }
            // coreutils copy.c: rename failed across devices; copy, then remove the source.
            int status = copy(p, m, source, target, st);
            if (status != 0) {
                return status;
            }
            return removeTree(p, source);
        }
        if (m.verbose) {
            p.out("renamed " + Usage.quote(source) + " -> " + Usage.quote(target) + "\n");
        }
        return 0;
    }

    private static int removeTree(Proc p, String path) {
        try {
            if (p.sys().lstat(path).isDirectory()) {
                int status = 0;
                for (String name : p.listDir(path)) {
                    status |= removeTree(p, join(path, name));
                }
                p.sys().rmdir(path);
                return status;
            }
            p.sys().unlink(path);
            return 0;
        } catch (SysException e) {
            p.error("cannot remove " + Usage.quote(path) + ": " + e.strerror());
            return 1;
        }
    }

    private static boolean isDirectory(Proc p, String path) {
        try {
            return p.sys().stat(path).isDirectory();
        } catch (SysException e) {
            return false;
        }
    }

    private static boolean exists(Proc p, String path) {
        try {
            p.sys().lstat(path);
            return true;
        } catch (SysException e) {
            return false;
        }
    }

    private static boolean same(Proc p, String a, String b) {
        try {
            Stat x = p.sys().stat(a);
            Stat y = p.sys().stat(b);
            return x.device().equals(y.device()) && x.ino() == y.ino();
        } catch (SysException e) {
            return false;
        }
    }

    private static String baseName(String path) {
        String trimmed = path;
        while (trimmed.length() > 1 && trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }

    private static String join(String dir, String name) {
        return dir.endsWith("/") ? dir + name : dir + "/" + name;
    }
}
