package isolab.sim.namespace;

import isolab.api.NamespaceType;
import isolab.sim.cgroup.Cgroup;
import isolab.sim.cgroup.CssSet;
import isolab.sim.cgroup.Hierarchy;

/**
 * A cgroup namespace (kernel/cgroup/namespace.c; cgroup_namespaces(7)): the cgroups its creator
 * was in when it was made are its roots, one per hierarchy. /proc/PID/cgroup and the root of a
 * cgroup filesystem show paths relative to the reader's namespace's roots, with {@code /..} for
 * cgroups outside them; a cgroup filesystem mounted inside shows the namespace's root only.
 */
public final class CgroupNamespace extends Namespace {

    private final CssSet roots;

    public CgroupNamespace(long inode, UserNamespace owner, CssSet roots) {
        super(NamespaceType.CGROUP, inode, owner);
        this.roots = roots;
    }

    /** The namespace's roots (root_cset). */
    public CssSet roots() {
        return roots;
    }

    /** The namespace's root in {@code hierarchy} (cset_cgroup_from_root). */
    public Cgroup root(Hierarchy hierarchy) {
        return roots.in(hierarchy);
    }
}
