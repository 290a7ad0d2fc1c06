package isolab.sim.check;

import isolab.sim.kernel.Kernel;
import isolab.sim.namespace.PidNamespace;
import isolab.sim.process.Task;
import isolab.sim.process.TaskState;
import isolab.sim.sched.Fiber;
import java.util.ArrayList;
import java.util.List;

/**
 * Checkers that live beside the model (TigerBeetle's habit): properties that must hold between
 * any two steps, checked from outside after every command in tests. Each returns the violations
 * it finds as sentences; none means the model is consistent.
 */
public final class Invariants {

    private Invariants() {
    }

    /** Every violation of every invariant, in a stable order. */
    public static List<String> check(Kernel kernel) {
        List<String> v = new ArrayList<>();
        pidNamespaces(kernel, v);
        family(kernel, v);
        quiescence(kernel, v);
        init(kernel, v);
        cgroups(kernel, v);
        PidsInvariants.check(kernel, v);
        MountInvariants.check(kernel, v);
        NetInvariants.check(kernel, v);
        MemoryInvariants.check(kernel, v);
        for (String bug : kernel.bugs()) {
            v.add("a program crashed: " + bug);
        }
        return v;
    }

    /** Every task is in exactly one PID namespace chain, and visible under its number in each ancestor. */
    static void pidNamespaces(Kernel kernel, List<String> v) {
        for (Task t : kernel.pids().all()) {
            List<Integer> nsPids = t.nsPids();
            if (nsPids.size() != t.pidNs().level() + 1) {
                v.add(t + " has " + nsPids.size() + " PIDs but its namespace is at level " + t.pidNs().level());
            }
            for (PidNamespace ns = t.pidNs(); ns != null; ns = ns.parent()) {
                int nr = t.pidIn(ns);
                if (nr <= 0 || kernel.pids().find(ns, nr) != t) {
                    v.add(t + " is not visible as " + nr + " in " + ns);
                }
            }
            if (t.pidIn(kernel.initialPidNamespace()) != t.pid()) {
                v.add(t + " has PID " + t.pidIn(kernel.initialPidNamespace()) + " in the initial namespace");
            }
        }
    }

    /** Parent and child links agree, and every parent is alive or a zombie still listed. */
    static void family(Kernel kernel, List<String> v) {
        for (Task t : kernel.pids().all()) {
            Task parent = t.parent();
            if (parent == null) {
                if (t.pid() != 1) {
                    v.add(t + " has no parent");
                }
                continue;
            }
            if (!parent.children().contains(t)) {
                v.add(t + " is not among the children of its parent " + parent);
            }
            if (kernel.pids().byPid(parent.pid()) != parent) {
                v.add(t + " has a parent that was reaped: " + parent);
            }
            for (Task child : t.children()) {
                if (child.parent() != t) {
                    v.add(child + " is a child of " + t + " but names " + child.parent() + " as parent");
                }
            }
        }
    }

    /**
     * Between commands no fiber holds the baton, no task is running, and none is runnable unless
     * background work was cut off after its grace steps.
     */
    static void quiescence(Kernel kernel, List<String> v) {
        if (kernel.scheduler().hasRunnable() && !kernel.scheduler().stoppedWithRunnable()) {
            v.add("a fiber was left runnable between commands");
        }
        if (kernel.scheduler().current() != null) {
            v.add("fiber " + kernel.scheduler().current() + " still runs between commands");
        }
        for (Fiber f : kernel.scheduler().alive()) {
            if (f.state() == Fiber.State.RUNNING) {
                v.add("fiber " + f + " is marked running between commands");
            }
        }
        for (Task t : kernel.pids().all()) {
            if (t.state() == TaskState.ZOMBIE && t.fiber() != null && t.fiber().state() != Fiber.State.DEAD) {
                v.add(t + " is a zombie whose fiber has not ended");
            }
        }
    }

    /**
     * Every task is in exactly one cgroup of each hierarchy, and a live task only in cgroups that
     * exist: removing a cgroup with tasks is refused (EBUSY), so none is left in a dead one.
     */
    static void cgroups(Kernel kernel, List<String> v) {
        var hierarchies = kernel.cgroups().hierarchies();
        for (Task t : kernel.pids().all()) {
            var set = t.cgroups().cgroups();
            if (set.size() != hierarchies.size()) {
                v.add(t + " is in " + set.size() + " cgroups for " + hierarchies.size() + " hierarchies");
            }
            for (var h : hierarchies) {
                long in = set.stream().filter(c -> c.hierarchy() == h).count();
                if (in != 1) {
                    v.add(t + " is in " + in + " cgroups of hierarchy " + h);
                } else if (isolab.sim.cgroup.Cgroups.live(t) && t.cgroups().in(h).isDead()) {
                    v.add(t + " is still in the removed cgroup " + t.cgroups().in(h));
                }
            }
        }
    }

    /** The machine's init is PID 1 and alive. */
    static void init(Kernel kernel, List<String> v) {
        Task init = kernel.pids().byPid(1);
        if (init == null || init.state() == TaskState.ZOMBIE || init.state() == TaskState.DEAD) {
            v.add("PID 1 is gone");
        }
    }
}
