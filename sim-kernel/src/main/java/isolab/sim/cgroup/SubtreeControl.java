package isolab.sim.cgroup;

import isolab.sim.kernel.Kernel;
import isolab.sim.syscall.Errno;
import isolab.sim.syscall.SysException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Which controllers a v2 cgroup's children get (kernel/cgroup/cgroup.c:
 * cgroup_subtree_control_write, cgroup_vet_subtree_control_enable, cgroup_migrate_vet_dst;
 * Documentation/admin-guide/cgroup-v2.rst 2-4): a cgroup may enable for its children only what
 * its own {@code cgroup.controllers} lists (the machine root's: every v2 controller of the
 * hierarchy; anyone else's: the parent's {@code cgroup.subtree_control}). The no-internal-process
 * rule: a non-root cgroup with processes cannot enable controllers, and a non-root cgroup with
 * controllers enabled cannot take processes (EBUSY); a controller a child still enables cannot be
 * disabled (EBUSY). The machine's root is exempt, as a v2 machine's root is.
 */
public final class SubtreeControl {

    private SubtreeControl() {
    }

    /** cgroup.controllers, in the kernel's controller order. */
    public static List<String> controllers(Cgroup cgroup) {
        List<String> all = new ArrayList<>();
        for (Subsys ss : cgroup.hierarchy().subsystems()) {
            if (ss.v2Name() != null) {
                all.add(ss.v2Name());
            }
        }
        if (cgroup.isRoot()) {
            return all;
        }
        List<String> enabled = new ArrayList<>();
        for (String name : all) {
            if (cgroup.parent().subtreeControl().contains(name)) {
                enabled.add(name);
            }
        }
        return enabled;
    }

    /** cgroup.subtree_control, in the kernel's controller order. */
    public static List<String> enabled(Cgroup cgroup) {
        List<String> list = new ArrayList<>();
        for (String name : controllers(cgroup)) {
            if (cgroup.subtreeControl().contains(name)) {
                list.add(name);
            }
        }
        return list;
    }

    /**
     * A write of {@code +name} and {@code -name} tokens, applied all or nothing: EINVAL for a
     * malformed token, ENOENT for a controller not in cgroup.controllers, EBUSY for the rules above.
     */
    public static void write(Kernel kernel, Cgroup cgroup, String text) {
        TreeMap<String, Boolean> changes = new TreeMap<>();
        for (String token : text.trim().split("\\s+")) {
            if (token.isEmpty()) {
                continue;
            }
            char sign = token.charAt(0);
            String name = token.substring(1);
            if (sign != '+' && sign != '-' || name.isEmpty()) {
                throw new SysException(Errno.EINVAL);
            }
            if (!controllers(cgroup).contains(name)) {
                throw new SysException(Errno.ENOENT);
            }
            changes.put(name, sign == '+');
        }
        boolean enabling = changes.containsValue(true);
        if (enabling && !cgroup.isRoot() && !kernel.cgroups().tasks(kernel, cgroup).isEmpty()) {
            throw new SysException(Errno.EBUSY);
        }
        for (var change : changes.entrySet()) {
            if (!change.getValue()) {
                for (Cgroup child : cgroup.children()) {
                    if (child.subtreeControl().contains(change.getKey())) {
                        throw new SysException(Errno.EBUSY);
                    }
                }
            }
        }
        for (var change : changes.entrySet()) {
            if (change.getValue()) {
                boolean was = cgroup.subtreeControl().contains(change.getKey());
                cgroup.enable(change.getKey());
                if (!was) {
                    online(kernel, cgroup, change.getKey());
                }
            } else {
                cgroup.disable(change.getKey());
            }
        }
    }

    /** Tells the controller {@code name} that each child of {@code cgroup} has its own state now. */
    private static void online(Kernel kernel, Cgroup cgroup, String name) {
        for (Subsys ss : cgroup.hierarchy().subsystems()) {
            if (name.equals(ss.v2Name()) && ss.controller() != null) {
                for (Cgroup child : cgroup.children()) {
                    ss.controller().online(kernel, child);
                }
            }
        }
    }

    /** cgroup_migrate_vet_dst: a process may not join a non-root cgroup that enables controllers (EBUSY). */
    public static void vetDestination(Cgroup cgroup) {
        if (cgroup.hierarchy().isDefault() && !cgroup.isRoot() && !cgroup.subtreeControl().isEmpty()) {
            throw new SysException(Errno.EBUSY);
        }
    }
}
