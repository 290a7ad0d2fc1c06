package isolab.sim.userland.utillinux;

import isolab.sim.syscall.SysException;
import isolab.sim.syscall.Syscalls;
import isolab.sim.userland.Getopt;
import isolab.sim.userland.Proc;
import isolab.sim.userland.Usage;
import java.util.ArrayList;
import java.util.List;

/**
 * /usr/bin/umount (util-linux 2.38): unmounts each target, lazily with {@code -l}, with its
 * submounts first with {@code -R}; failures print libmount's messages and exit 32.
 */
public final class Umount {

    private static final Getopt OPTIONS = new Getopt("aAcdfhilnRrO:t:vVqN:", List.of(
            Getopt.opt("all", Getopt.Arg.NONE, "a"), Getopt.opt("all-targets", Getopt.Arg.NONE, "A"),
            Getopt.opt("no-canonicalize", Getopt.Arg.NONE, "c"), Getopt.opt("detach-loop", Getopt.Arg.NONE, "d"),
            Getopt.opt("fake", Getopt.Arg.NONE, "fake"), Getopt.opt("force", Getopt.Arg.NONE, "f"),
            Getopt.opt("help", Getopt.Arg.NONE, "h"), Getopt.opt("internal-only", Getopt.Arg.NONE, "i"),
            Getopt.opt("lazy", Getopt.Arg.NONE, "l"), Getopt.opt("no-mtab", Getopt.Arg.NONE, "n"),
            Getopt.opt("quiet", Getopt.Arg.NONE, "q"), Getopt.opt("recursive", Getopt.Arg.NONE, "R"),
            Getopt.opt("read-only", Getopt.Arg.NONE, "r"), Getopt.opt("test-opts", Getopt.Arg.REQUIRED, "O"),
            Getopt.opt("types", Getopt.Arg.REQUIRED, "t"), Getopt.opt("verbose", Getopt.Arg.NONE, "v"),
            Getopt.opt("version", Getopt.Arg.NONE, "V"), Getopt.opt("namespace", Getopt.Arg.REQUIRED, "N")));

    private Umount() {
    }

    public static int main(Proc p) {
        Getopt.Parsed parsed = OPTIONS.parseOrTryHelp(p);
        if (parsed == null) {
            return Mount.EX_USAGE;
        }
        int flags = 0;
        boolean verbose = false;
        boolean quiet = false;
        boolean recursive = false;
        for (Getopt.Opt o : parsed.options()) {
            switch (o.key()) {
                case "l" -> flags |= Syscalls.MNT_DETACH;
                case "f" -> flags |= Syscalls.MNT_FORCE;
                case "n", "c", "i" -> {
                }
                case "v" -> verbose = true;
                case "q" -> quiet = true;
                case "R" -> recursive = true;
                default -> {
                    return Usage.notModelled(p, o.spelled());
                }
            }
        }
        if (parsed.operands().isEmpty()) {
            return Usage.tryHelp(p, "bad usage", Mount.EX_USAGE);
        }
        int status = 0;
        for (String target : parsed.operands()) {
            List<String> order = recursive ? submountsFirst(p, target) : List.of(target);
            for (String one : order) {
                try {
                    p.sys().umount(one, flags);
                    if (verbose) {
                        p.out("umount: " + one + " unmounted\n");
                    }
                } catch (SysException e) {
                    if (!(quiet && e.errno() == isolab.sim.syscall.Errno.EINVAL)) {
                        p.error(one + ": " + MountMessages.umountFailure(e.errno()));
                    }
                    status = Mount.EX_FAIL;
                    break;
                }
            }
        }
        return status;
    }

    /** {@code -R}: the mounts at and below {@code target}, deepest first (libmount reads mountinfo). */
    private static List<String> submountsFirst(Proc p, String target) {
        String top = target.endsWith("/") && target.length() > 1 ? target.substring(0, target.length() - 1) : target;
        List<String> below = new ArrayList<>();
        try {
            for (String line : p.readFile("/proc/self/mountinfo").split("\n")) {
                String[] f = line.split(" ");
                if (f.length > 4) {
                    String point = MountMessages.unescape(f[4]);
                    if (point.startsWith(top + "/") && !below.contains(point)) {
                        below.add(point);
                    }
                }
            }
        } catch (SysException e) {
            return List.of(target);
        }
        List<String> order = new ArrayList<>();
        for (int i = below.size() - 1; i >= 0; i--) {
            order.add(below.get(i));
        }
        order.add(target);
        return order;
    }
}
