package isolab.sim.namespace;

import isolab.api.NamespaceType;
import isolab.sim.determinism.SplitMix64;

/**
 * Hands out nsfs inode numbers. The initial namespaces have the fixed numbers of
 * include/linux/proc_ns.h (PROC_*_INIT_INO); new ones come from the proc inum allocator
 * (fs/proc/generic.c: proc_alloc_inum, counting up from 0xF0000000). A booted Linux has used
 * a few hundred of those before a lab starts, so the first number is drawn from the seed.
 */
public final class Nsfs {

    /** PROC_DYNAMIC_FIRST: the first inode number proc_alloc_inum hands out. */
    public static final long PROC_DYNAMIC_FIRST = 0xF0000000L;

    private long next;

    public Nsfs(SplitMix64 random) {
        this.next = PROC_DYNAMIC_FIRST + 320 + random.nextInt(64) * 8;
    }

    /** The fixed inode of the initial namespace of {@code type}, as on this kernel. */
    public static long initialInode(NamespaceType type) {
        return switch (type) {
            case IPC -> 0xEFFFFFFFL;    // PROC_IPC_INIT_INO
            case UTS -> 0xEFFFFFFEL;    // PROC_UTS_INIT_INO
            case USER -> 0xEFFFFFFDL;   // PROC_USER_INIT_INO
            case PID -> 0xEFFFFFFCL;    // PROC_PID_INIT_INO
            case CGROUP -> 0xEFFFFFFBL; // PROC_CGROUP_INIT_INO
            case TIME -> 0xEFFFFFFAL;   // PROC_TIME_INIT_INO
            case NET -> 0xEFFFFFF9L;    // PROC_NET_INIT_INO
            case MNT -> 0xEFFFFFF8L;    // PROC_MNT_INIT_INO
        };
    }

    /** A fresh inode number for a new namespace. */
    public long allocate() {
        return next++;
    }
}
