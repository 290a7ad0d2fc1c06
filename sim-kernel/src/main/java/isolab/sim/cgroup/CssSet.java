package isolab.sim.cgroup;

import java.util.ArrayList;
import java.util.List;

/**
 * The cgroups a task is in, one per hierarchy (kernel/cgroup/cgroup.c: struct css_set). Immutable
 * and shared: fork gives the child its parent's set, moving a task gives it a new set that differs
 * in one hierarchy. A cgroup namespace remembers its creator's set as its roots.
 */
public record CssSet(List<Cgroup> cgroups) {

    public CssSet {
        cgroups = List.copyOf(cgroups);
    }

    /** The task's cgroup in {@code hierarchy} (task_cgroup_from_root). */
    public Cgroup in(Hierarchy hierarchy) {
        for (Cgroup c : cgroups) {
            if (c.hierarchy() == hierarchy) {
                return c;
            }
        }
        throw new IllegalStateException("no cgroup in hierarchy " + hierarchy);
    }

    /** This set with {@code cgroup} in place of the set's cgroup of the same hierarchy. */
    public CssSet with(Cgroup cgroup) {
        List<Cgroup> next = new ArrayList<>();
        for (Cgroup c : cgroups) {
            next.add(c.hierarchy() == cgroup.hierarchy() ? cgroup : c);
        }
        return new CssSet(next);
    }
}
