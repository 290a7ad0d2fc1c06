package isolab.sim.fs.mount;

import isolab.sim.fs.Directory;
import isolab.sim.fs.Inode;
import isolab.sim.fs.Mount;
import isolab.sim.kernel.Kernel;
import java.util.ArrayList;
import java.util.List;

/**
 * Mount propagation (fs/pnode.c): the four types a mount can have, how a mount changes type, and
 * the walk over every mount that receives events from a given one: its peers, their slaves, the
 * slaves' peers, and so on down.
 */
public final class Propagation {

    /** The propagation types of mount(2)'s MS_SHARED, MS_PRIVATE, MS_SLAVE, MS_UNBINDABLE. */
    public enum Type { SHARED, PRIVATE, SLAVE, UNBINDABLE }

    private Propagation() {
    }

    /** fs/pnode.c: change_mnt_propagation: makes {@code mnt} of {@code type}. */
    public static void change(Kernel kernel, Mount mnt, Type type) {
        if (type == Type.SHARED) {
            if (!mnt.isShared()) {
                mnt.startPeerGroup(kernel.groupIds().allocate());
            }
            return;
        }
        makeSlave(kernel, mnt);
        if (type != Type.SLAVE) {
            mnt.setMaster(null);
            mnt.setUnbindable(type == Type.UNBINDABLE);
        }
    }

    /**
     * fs/pnode.c: do_make_slave: {@code mnt} leaves its peer group and becomes a slave of a former
     * peer (one with the same root if there is one) or stays with its master; its own slaves go to
     * that master too. A mount that was nobody's slave and had no peers frees its slaves.
     */
    static void makeSlave(Kernel kernel, Mount mnt) {
        Mount master;
        if (mnt.peers().size() == 1) {
            if (mnt.isShared()) {
                int id = mnt.groupId();
                mnt.leavePeers();
                kernel.groupIds().release(id);
            }
            master = mnt.master();
            if (master == null) {
                for (Mount slave : mnt.slaves()) {
                    slave.setMaster(null);
                }
                return;
            }
        } else {
            master = mnt.nextPeer();
            for (Mount m = mnt.nextPeer(); m != mnt; m = m.nextPeer()) {
                if (m.root() == mnt.root()) {
                    master = m;
                    break;
                }
            }
            mnt.leavePeers();
        }
        for (Mount slave : mnt.slaves()) {
            slave.setMaster(master, false);
        }
        mnt.setMaster(master, true);
    }

    /** fs/pnode.c: propagation_next: the mount after {@code m} in the walk over everything {@code origin} propagates to. */
    static Mount next(Mount m, Mount origin) {
        if (m.ns() != null && !m.slaves().isEmpty()) {
            return m.slaves().get(0);
        }
        Mount cur = m;
        while (true) {
            Mount master = cur.master();
            if (master == origin.master()) {
                Mount next = cur.nextPeer();
                return next == origin ? null : next;
            }
            List<Mount> siblings = master.slaves();
            int at = siblings.indexOf(cur);
            if (at + 1 < siblings.size()) {
                return siblings.get(at + 1);
            }
            cur = master;
        }
    }

    /**
     * fs/namespace.c: do_change_type: makes {@code mnt} (and with {@code recursive} every mount
     * below it) of {@code type}.
     */
    public static void changeTree(Kernel kernel, Mount mnt, Type type, boolean recursive) {
        for (Mount m : recursive ? CloneTree.subtree(mnt) : List.of(mnt)) {
            change(kernel, m, type);
        }
    }

    /** Every mount that receives mount and umount events from {@code origin}, in walk order. */
    public static List<Mount> receivers(Mount origin) {
        List<Mount> out = new ArrayList<>();
        for (Mount m = next(origin, origin); m != null; m = next(m, origin)) {
            out.add(m);
        }
        return out;
    }

    /**
     * fs/pnode.c: propagate_mnt: a copy of the tree {@code source} for every mount that receives
     * propagation from {@code dest} and can see {@code mountpoint}, each hung there (not yet in any
     * namespace); returns every mount made, submounts included, in the order made. Copies for peers of {@code dest} are peers of {@code source}; copies for slaves
     * are slaves of the copy they came from, and peers of each other when the slaves are shared.
     */
    static List<Mount> propagate(Kernel kernel, Mount dest, Inode mountpoint, Directory mpDir, String mpName,
            Mount source) {
        List<Mount> made = new ArrayList<>();
        List<Mount> visited = new ArrayList<>();
        List<Mount> group = dest.peers();
        int start = group.indexOf(dest);
        List<Mount> copyAt = new ArrayList<>();
        for (int i = 0; i < group.size(); i++) {
            Mount n = group.get((start + i) % group.size());
            visited.add(n);
            if (n == dest) {
                copyAt.add(source);
                continue;
            }
            if (!needsCopy(n, mountpoint, mpDir)) {
                copyAt.add(null);
                continue;
            }
            Mount copy = copy(kernel, source, CloneTree.CL_MAKE_SHARED, made);
            hang(copy, n, mountpoint, mpDir, mpName);
            copyAt.add(copy);
        }
        for (int i = 0; i < group.size(); i++) {
            Mount n = group.get((start + i) % group.size());
            Mount from = copyAt.get(i) != null ? copyAt.get(i) : source;
            for (Mount slave : n.slaves()) {
                toSlaveGroup(kernel, slave, mountpoint, mpDir, mpName, from, made, visited);
            }
        }
        return made;
    }

    private static Mount copy(Kernel kernel, Mount from, int flags, List<Mount> made) {
        return CloneTree.copyTree(kernel, from, from.root(), CloneTree.rootNameOf(from), flags, made);
    }

    /** Copies for the peer group of {@code slave}, slaves of {@code from}, and on down their own slaves. */
    private static void toSlaveGroup(Kernel kernel, Mount slave, Inode mountpoint, Directory mpDir, String mpName,
            Mount from, List<Mount> made, List<Mount> visited) {
        if (visited.contains(slave)) {
            return;
        }
        List<Mount> group = slave.peers();
        int start = group.indexOf(slave);
        List<Mount> members = new ArrayList<>();
        List<Mount> copies = new ArrayList<>();
        Mount first = null;
        for (int i = 0; i < group.size(); i++) {
            Mount n = group.get((start + i) % group.size());
            visited.add(n);
            members.add(n);
            if (!needsCopy(n, mountpoint, mpDir)) {
                copies.add(null);
                continue;
            }
            Mount copy;
            if (first == null) {
                copy = copy(kernel, from, CloneTree.CL_SLAVE | (slave.isShared() ? CloneTree.CL_MAKE_SHARED : 0), made);
                first = copy;
            } else {
                copy = copy(kernel, first, CloneTree.CL_MAKE_SHARED, made);
            }
            hang(copy, n, mountpoint, mpDir, mpName);
            copies.add(copy);
        }
        for (int i = 0; i < members.size(); i++) {
            Mount master = copies.get(i) != null ? copies.get(i) : first != null ? first : from;
            for (Mount s : members.get(i).slaves()) {
                toSlaveGroup(kernel, s, mountpoint, mpDir, mpName, master, made, visited);
            }
        }
    }

    /** fs/pnode.c: need_secondary: whether {@code m} shows the directory the event happened on. */
    private static boolean needsCopy(Mount m, Inode mountpoint, Directory mpDir) {
        if (m.ns() == null) {
            return false;
        }
        return isSubdir(mpDir != null ? mpDir : mountpoint, m.root());
    }

    /** fs/dcache.c: is_subdir: whether {@code inode} is {@code ancestor} or below it in its filesystem. */
    static boolean isSubdir(Inode inode, Inode ancestor) {
        if (inode == ancestor) {
            return true;
        }
        if (!(inode instanceof Directory d) || !(ancestor instanceof Directory)) {
            return false;
        }
        Directory cur = d;
        while (cur.parent() != cur) {
            cur = cur.parent();
            if (cur == ancestor) {
                return true;
            }
        }
        return false;
    }

    /** Hangs {@code copy} on {@code mountpoint} of {@code parent}, under whatever is mounted there already. */
    private static void hang(Mount copy, Mount parent, Inode mountpoint, Directory mpDir, String mpName) {
        Mount existing = null;
        for (Mount child : parent.children()) {
            if (child.mountpoint() == mountpoint && child.ns() != null) {
                existing = child;
            }
        }
        copy.attach(parent, mountpoint, mpDir, mpName);
        if (existing != null) {
            // fs/namespace.c: attach_recursive_mnt tucks the propagated mount under the one already there.
            existing.attach(copy, copy.root());
        }
    }

    /**
     * fs/pnode.c: propagate_umount: the mounts that go with {@code set} by propagation: for each
     * unmounted mount, the mount on the same mount point of every receiver of its parent, if all
     * of that mount's own submounts go too.
     */
    static List<Mount> umountCandidates(List<Mount> set) {
        List<Mount> candidates = new ArrayList<>();
        for (Mount m : set) {
            if (m.isRoot()) {
                continue;
            }
            for (Mount q : receivers(m.parent())) {
                Mount child = topOn(q, m.mountpoint());
                if (child != null && !set.contains(child) && !candidates.contains(child)) {
                    candidates.add(child);
                }
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Mount c : List.copyOf(candidates)) {
                for (Mount sub : c.children()) {
                    if (!set.contains(sub) && !candidates.contains(sub)) {
                        candidates.remove(c);
                        changed = true;
                        break;
                    }
                }
            }
        }
        return candidates;
    }

    /** The lowest live mount on {@code mountpoint} of {@code parent} (__lookup_mnt), or null. */
    static Mount topOn(Mount parent, Inode mountpoint) {
        for (Mount child : parent.children()) {
            if (child.mountpoint() == mountpoint && child.ns() != null) {
                return child;
            }
        }
        return null;
    }
}
