package isolab.sim.check;

import isolab.sim.fs.Mount;
import isolab.sim.fs.MountTable;
import isolab.sim.fs.overlay.OverlayFs;
import isolab.sim.kernel.Kernel;
import isolab.sim.namespace.MntNamespace;
import isolab.sim.namespace.Namespace;
import java.util.List;
import java.util.TreeSet;

/**
 * Checkers of the mount trees and the overlays on them: every mount is where its namespace and
 * its parent say it is; peer groups and master/slave links agree in both directions and never
 * mix filesystems; no peer group id is held by nobody; and the lower layers of a mounted overlay
 * never change.
 */
final class MountInvariants {

    private MountInvariants() {
    }

    /** Adds a sentence to {@code v} for each violation. */
    static void check(Kernel kernel, List<String> v) {
        TreeSet<Integer> groups = new TreeSet<>();
        for (Namespace ns : kernel.namespaces().live()) {
            if (ns instanceof MntNamespace mnt) {
                table(mnt.mounts(), v, groups);
            }
        }
        if (!groups.equals(kernel.groupIds().inUse())) {
            v.add("peer group ids in use " + kernel.groupIds().inUse() + " but shared mounts hold " + groups);
        }
    }

    private static void table(MountTable table, List<String> v, TreeSet<Integer> groups) {
        for (Mount m : table.mounts()) {
            if (m.ns() != table) {
                v.add(m + " is listed in mnt:[" + table.nsInode() + "] but says it is elsewhere");
            }
            if (!m.isRoot() && (m.parent().ns() != table || !m.parent().children().contains(m))) {
                v.add(m + " hangs on " + m.parent() + ", which is not its parent in the same namespace");
            }
            if (m.isShared()) {
                groups.add(m.groupId());
                for (Mount peer : m.peers()) {
                    if (peer.groupId() != m.groupId() || peer.sb() != m.sb() || !peer.peers().contains(m)) {
                        v.add(m + " and its peer " + peer + " disagree about peer group " + m.groupId());
                    }
                }
            }
            if (m.master() != null && (!m.master().slaves().contains(m) || m.peers().contains(m.master())
                    || m.master().sb() != m.sb())) {
                v.add(m + " is a slave of " + m.master() + ", which does not list it or is its peer");
            }
            for (Mount slave : m.slaves()) {
                if (slave.master() != m) {
                    v.add(m + " lists " + slave + " as its slave, whose master is " + slave.master());
                }
            }
            if (m.sb().owner() instanceof OverlayFs overlay && !overlay.changedLowers().isEmpty()) {
                v.add("the lower layers " + overlay.changedLowers() + " of the overlay on " + m + " changed");
            }
        }
    }
}
