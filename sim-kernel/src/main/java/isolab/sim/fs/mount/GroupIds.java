package isolab.sim.fs.mount;

import java.util.TreeSet;

/**
 * Peer group ids (fs/namespace.c: mnt_group_ida): the lowest free number from 1, machine-wide,
 * given back when the last member of a group leaves it.
 */
public final class GroupIds {

    private final TreeSet<Integer> used = new TreeSet<>();

    /** The lowest free id (mnt_alloc_group_id). */
    public int allocate() {
        int id = 1;
        for (int taken : used) {
            if (taken != id) {
                break;
            }
            id++;
        }
        used.add(id);
        return id;
    }

    /** Gives {@code id} back (mnt_release_group_id). */
    public void release(int id) {
        used.remove(id);
    }

    /** The ids in use, for checkers. */
    public TreeSet<Integer> inUse() {
        return new TreeSet<>(used);
    }
}
