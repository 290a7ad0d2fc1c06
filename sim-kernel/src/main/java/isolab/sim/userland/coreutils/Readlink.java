package isolab.sim.userland.coreutils;

import isolab.sim.syscall.SysException;
import isolab.sim.userland.Getopt;
import isolab.sim.userland.Proc;
import isolab.sim.userland.Usage;
import java.util.ArrayList;
import java.util.List;

/** /usr/bin/readlink (coreutils): prints symbolic links' targets; -f/-e/-m canonicalize, -n, -v. */
public final class Readlink {

    private static final Getopt OPTIONS = new Getopt("efmnqsvz", List.of(
            Getopt.opt("canonicalize", Getopt.Arg.NONE, "f"), Getopt.opt("canonicalize-existing", Getopt.Arg.NONE, "e"),
            Getopt.opt("canonicalize-missing", Getopt.Arg.NONE, "m"), Getopt.opt("no-newline", Getopt.Arg.NONE, "n"),
            Getopt.opt("quiet", Getopt.Arg.NONE, "q"), Getopt.opt("silent", Getopt.Arg.NONE, "s"),
            Getopt.opt("verbose", Getopt.Arg.NONE, "v"), Getopt.opt("zero", Getopt.Arg.NONE, "z"),
            Getopt.opt("help", Getopt.Arg.NONE, "help"), Getopt.opt("version", Getopt.Arg.NONE, "version")));

    private Readlink() {
    }

    public static int main(Proc p) {
        Getopt.Parsed parsed = OPTIONS.parseOrTryHelp(p);
        if (parsed == null) {
            return 1;
        }
        boolean canonical = false;
        boolean verbose = false;
        boolean noNewline = false;
        String mode = null;
        for (Getopt.Opt o : parsed.options()) {
            switch (o.key()) {
                case "f", "e", "m" -> {
                    canonical = true;
                    mode = o.key();
                }
                case "v" -> verbose = true;
                case "q", "s" -> verbose = false;
                case "n" -> noNewline = true;
                default -> {
                    return Usage.notModelled(p, o.spelled());
                }
            }
        }
        if (parsed.operands().isEmpty()) {
            return Usage.tryHelp(p, "missing operand", 1);
        }
        int status = 0;
        List<String> results = new ArrayList<>();
        for (String path : parsed.operands()) {
            try {
                results.add(canonical ? canonicalize(p, path, mode) : p.sys().readlink(path));
            } catch (SysException e) {
                if (verbose || (canonical && !"m".equals(mode))) {
                    if (verbose) {
                        p.error(path + ": " + e.strerror());
                    }
                }
                status = 1;
            }
        }
        for (int i = 0; i < results.size(); i++) {
            boolean lastOne = i == results.size() - 1;
            p.out(results.get(i) + (noNewline && lastOne && parsed.operands().size() == 1 ? "" : "\n"));
        }
        return status;
    }

    /**
     * gnulib canonicalize_filename_mode: every link followed, . and .. removed; mode {@code "e"}
     * wants every component to exist, {@code "f"} all but the last, {@code "m"} none.
     */
    public static String canonicalize(Proc p, String path, String mode) {
        List<String> done = new ArrayList<>();
        List<String> todo = new ArrayList<>(List.of(path.split("/")));
        if (!path.startsWith("/")) {
            String cwd = p.sys().getcwd();
            List<String> base = new ArrayList<>(List.of(cwd.split("/")));
            base.addAll(todo);
            todo = base;
        }
        int links = 0;
        while (!todo.isEmpty()) {
            String part = todo.remove(0);
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (!done.isEmpty()) {
                    done.remove(done.size() - 1);
                }
                continue;
            }
            String candidate = "/" + String.join("/", done) + (done.isEmpty() ? "" : "/") + part;
            String target;
            try {
                target = p.sys().readlink(candidate);
            } catch (SysException e) {
                if (e.errno() == isolab.sim.syscall.Errno.EINVAL) {
                    done.add(part);
                    continue;
                }
                if (e.errno() == isolab.sim.syscall.Errno.ENOENT && ("m".equals(mode) || ("f".equals(mode) && todo.isEmpty()))) {
                    done.add(part);
                    continue;
                }
                throw e;
            }
            if (++links > 40) {
                throw new SysException(isolab.sim.syscall.Errno.ELOOP);
            }
            List<String> expanded = new ArrayList<>(List.of(target.split("/")));
            if (target.startsWith("/")) {
                done.clear();
            }
            expanded.addAll(todo);
            todo = expanded;
        }
        return "/" + String.join("/", done);
    }
}
