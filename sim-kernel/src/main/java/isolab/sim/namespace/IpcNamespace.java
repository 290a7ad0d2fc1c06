package isolab.sim.namespace;

import isolab.api.NamespaceType;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * An IPC namespace (ipc/namespace.c, ipc/util.c): its own System V message queues, shared memory
 * segments and semaphore sets, each kind numbered from 0 in a new namespace. Objects live as
 * long as the namespace (or until removed); message contents, attaching and semaphore values are
 * not modelled.
 */
public final class IpcNamespace extends Namespace {

    /** The three kinds of System V IPC object. */
    public enum Kind { MSG, SHM, SEM }

    /**
     * One object: its key, id, creator, mode and size (bytes for shm, semaphores for sem), the
     * creator's PID ({@code cpid}: in the machine's PID namespace, or as the reader sees it in a
     * listing) and when it was last changed ({@code ctime}, seconds since the epoch).
     */
    public record IpcObject(Kind kind, long key, int id, long creatorKuid, long creatorKgid, int mode, long size,
            Pid creatorPid, long ctimeSeconds) {
    }

    /**
     * An object as a reader lists it (ipc/util.c: sysvipc_proc_show): ids in the reader's user
     * namespace, the creator's PID in the reader's PID namespace (0 if not visible there).
     */
    public record Listed(Kind kind, long key, int id, long uid, long gid, int mode, long size, int cpid,
            long ctimeSeconds) {
    }

    /**
     * A process's PIDs at every level of its PID namespace (struct pid): what shm_cprid keeps, so
     * the number still reads after the process is gone (pid_nr_ns).
     */
    public record Pid(PidNamespace ns, List<Integer> nsPids) {

        public Pid {
            nsPids = List.copyOf(nsPids);
        }

        /** The PID as {@code reader} numbers it, or 0 if it is not visible there. */
        public int in(PidNamespace reader) {
            for (PidNamespace at = ns; at != null; at = at.parent()) {
                if (at == reader) {
                    return nsPids.get(reader.level());
                }
            }
            return 0;
        }
    }

    private final TreeMap<Integer, IpcObject> msg = new TreeMap<>();
    private final TreeMap<Integer, IpcObject> shm = new TreeMap<>();
    private final TreeMap<Integer, IpcObject> sem = new TreeMap<>();
    private final int[] nextId = new int[3];

    public IpcNamespace(long inode, UserNamespace owner) {
        super(NamespaceType.IPC, inode, owner);
    }

    private TreeMap<Integer, IpcObject> table(Kind kind) {
        return switch (kind) {
            case MSG -> msg;
            case SHM -> shm;
            case SEM -> sem;
        };
    }

    /** Every object of {@code kind}, by id. */
    public List<IpcObject> objects(Kind kind) {
        return new ArrayList<>(table(kind).values());
    }

    /** The object of {@code kind} with {@code key}, or null (IPC_PRIVATE, key 0, never matches). */
    public IpcObject byKey(Kind kind, long key) {
        if (key == 0) {
            return null;
        }
        for (IpcObject o : table(kind).values()) {
            if (o.key() == key) {
                return o;
            }
        }
        return null;
    }

    /** The object of {@code kind} with {@code id}, or null. */
    public IpcObject byId(Kind kind, int id) {
        return table(kind).get(id);
    }

    /** Creates an object with the next id of its kind (ipc_addid: ids count up from 0). */
    public IpcObject create(Kind kind, long key, long uid, long gid, int mode, long size, Pid creatorPid,
            long ctimeSeconds) {
        int id = nextId[kind.ordinal()]++;
        IpcObject o = new IpcObject(kind, key, id, uid, gid, mode & 0777, size, creatorPid, ctimeSeconds);
        table(kind).put(id, o);
        return o;
    }

    /** Removes an object (IPC_RMID); false if there is none with that id. */
    public boolean remove(Kind kind, int id) {
        return table(kind).remove(id) != null;
    }
}
