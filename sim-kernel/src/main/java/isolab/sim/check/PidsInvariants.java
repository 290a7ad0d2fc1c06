package isolab.sim.check;

import isolab.sim.cgroup.Cgroup;
import isolab.sim.cgroup.Cgroups;
import isolab.sim.cgroup.Hierarchy;
import isolab.sim.cgroup.Subsys;
import isolab.sim.cgroup.pids.PidsController;
import isolab.sim.kernel.Kernel;
import java.util.List;

/**
 * The pids controller's invariants: a cgroup's count covers its children's (the charge is
 * hierarchical), and its peak is never below its count (every charge raises the watermark).
 */
final class PidsInvariants {

    private PidsInvariants() {
    }

    static void check(Kernel kernel, List<String> v) {
        for (Hierarchy h : kernel.cgroups().hierarchies()) {
            for (Subsys ss : h.subsystems()) {
                if (ss.controller() instanceof PidsController pids) {
                    walk(kernel, pids, ss, h.root(), v);
                }
            }
        }
    }

    private static void walk(Kernel kernel, PidsController pids, Subsys ss, Cgroup c, List<String> v) {
        boolean ownState = Cgroups.css(c, ss) == c && (!c.isRoot() || c.hierarchy().delegated());
        if (ownState) {
            long current = pids.current(kernel, c);
            if (pids.peak(c) < current) {
                v.add("pids cgroup " + c + " has a peak of " + pids.peak(c) + " below its count " + current);
            }
            long children = 0;
            for (Cgroup child : c.children()) {
                if (Cgroups.css(child, ss) == child) {
                    children += pids.current(kernel, child);
                }
            }
            if (children > current) {
                v.add("pids cgroup " + c + " counts " + current + " tasks, its children " + children);
            }
        }
        for (Cgroup child : c.children()) {
            walk(kernel, pids, ss, child, v);
        }
    }
}
