package isolab.sim.namespace;

import isolab.api.NamespaceType;
import isolab.sim.syscall.Errno;
import isolab.sim.syscall.SysException;
import java.util.TreeSet;

/**
 * A PID namespace (kernel/pid_namespace.c): a level in the tree of PID numberings. Every task has
 * one PID in its own namespace and in each ancestor. The first PID handed out is 1, the
 * namespace's init; once its init has died the namespace takes no new tasks.
 */
public final class PidNamespace extends Namespace {

    /** MAX_PID_NS_LEVEL: the deepest nesting allowed (include/linux/pid_namespace.h). */
    public static final int MAX_PID_NS_LEVEL = 32;

    /**
     * The kernel's level of the machine's own PID namespace (docs/MACHINE.md): a child of the
     * host's initial one, so 31 more levels fit inside it. The model numbers its levels from the
     * machine's namespace (0), since nothing inside can see the host's.
     */
    public static final int MACHINE_LEVEL = 1;

    /**
     * pid_max of the lab machine's PID namespaces: PID_MAX_LIMIT, what Linux 6.14+ gives every
     * PID namespace but the host's initial one (measured: 4194304 in a new namespace, so ps pads
     * PIDs to 7 columns).
     */
    public static final int PID_MAX = 4194304;

    /** RESERVED_PIDS: where allocation restarts after wrapping (kernel/pid.c). */
    public static final int RESERVED_PIDS = 300;

    private final PidNamespace parent;
    private final int level;
    private final TreeSet<Integer> inUse = new TreeSet<>();
    private int lastPid;
    private boolean initDead;

    public PidNamespace(long inode, UserNamespace owner, PidNamespace parent) {
        super(NamespaceType.PID, inode, owner);
        this.parent = parent;
        this.level = parent == null ? 0 : parent.level + 1;
        if (level + MACHINE_LEVEL > MAX_PID_NS_LEVEL) {
            // kernel/pid_namespace.c: create_pid_namespace
            throw new SysException(Errno.ENOSPC);
        }
    }

    /** The parent namespace; null for the initial one. */
    public PidNamespace parent() {
        return parent;
    }

    /** Nesting depth; 0 for the initial namespace. */
    public int level() {
        return level;
    }

    /** Whether {@code other} is this namespace or one of its descendants. */
    public boolean isAncestorOf(PidNamespace other) {
        for (PidNamespace ns = other; ns != null; ns = ns.parent) {
            if (ns == this) {
                return true;
            }
        }
        return false;
    }

    /**
     * Allocates the next free PID, cyclically (kernel/pid.c: alloc_pid, idr_alloc_cyclic). Whether
     * the namespace still takes tasks is the caller's check, made after every level has its number
     * (see {@link #initDead()}), so a refused fork still moves the cursors on.
     */
    public int allocate() {
        int candidate = lastPid + 1;
        for (int tries = 0; tries < PID_MAX; tries++) {
            if (candidate >= PID_MAX) {
                candidate = RESERVED_PIDS;
            }
            if (!inUse.contains(candidate)) {
                inUse.add(candidate);
                lastPid = candidate;
                return candidate;
            }
            candidate++;
        }
        throw new SysException(Errno.EAGAIN);
    }

    /** Gives a PID back when its task is reaped. */
    public void free(int pid) {
        inUse.remove(pid);
    }

    /** Whether PID 1 has been handed out. */
    public boolean hasInit() {
        return lastPid > 0;
    }

    /** Marks the namespace as one whose init has died: no task may enter it any more. */
    public void markInitDead() {
        initDead = true;
    }

    /** Whether the namespace's init has died. */
    public boolean initDead() {
        return initDead;
    }

    /** PIDs in use, ascending. */
    public TreeSet<Integer> pidsInUse() {
        return new TreeSet<>(inUse);
    }
}
