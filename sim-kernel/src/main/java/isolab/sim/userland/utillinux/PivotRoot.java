package isolab.sim.userland.utillinux;

import isolab.sim.syscall.SysException;
import isolab.sim.userland.Proc;
import isolab.sim.userland.Usage;
import java.util.List;

/** /usr/sbin/pivot_root (util-linux 2.38, sys-utils/pivot_root.c): pivot_root(2) of its two arguments. */
public final class PivotRoot {

    private PivotRoot() {
    }

    public static int main(Proc p) {
        List<String> args = p.args();
        for (String a : args) {
            if (a.equals("-h") || a.equals("--help") || a.equals("-V") || a.equals("--version")) {
                return Usage.notModelled(p, a);
            }
            if (a.startsWith("-") && a.length() > 1) {
                return Usage.tryHelp(p, a.startsWith("--") ? "unrecognized option '" + a + "'"
                        : "invalid option -- '" + a.charAt(1) + "'", 1);
            }
        }
        if (args.size() != 2) {
            return Usage.tryHelp(p, "bad usage", 1);
        }
        try {
            p.sys().pivotRoot(args.get(0), args.get(1));
            return 0;
        } catch (SysException e) {
            p.error("failed to change root from `" + args.get(0) + "' to `" + args.get(1) + "': " + e.strerror());
            return 1;
        }
    }
}
