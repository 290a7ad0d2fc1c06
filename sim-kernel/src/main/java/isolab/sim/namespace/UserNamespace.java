package isolab.sim.namespace;

import isolab.api.NamespaceType;
import java.util.ArrayList;
import java.util.List;

/**
 * A user namespace (kernel/user_namespace.c): a level in the tree of id numberings. Its uid_map
 * and gid_map translate ids inside to ids in the parent namespace; each map is written once.
 * Kernel ids (kuids) are the ids of the initial namespace. An id with no mapping shows as the
 * overflow id 65534. The creator's effective uid is the namespace's owner.
 */
public final class UserNamespace extends Namespace {

    /** The overflow uid/gid shown for unmapped ids (/proc/sys/kernel/overflowuid). */
    public static final int OVERFLOW_ID = 65534;

    /**
     * The deepest level a user namespace may have: create_user_ns refuses a parent deeper than 32
     * (kernel/user_namespace.c), so 33 levels nest below the initial namespace (measured).
     */
    public static final int MAX_LEVEL = 33;

    /** The most lines a map may have (UID_GID_MAP_MAX_EXTENTS). */
    public static final int MAX_EXTENTS = 340;

    /** One line of a map: {@code count} ids from {@code inside} map to ids from {@code outside} in the parent. */
    public record Extent(long inside, long outside, long count) {
    }

    private final UserNamespace parent;
    private final int level;
    private final long ownerKuid;
    private List<Extent> uidMap = new ArrayList<>();
    private List<Extent> gidMap = new ArrayList<>();
    private boolean setgroupsAllowed = true;
    private boolean parentCouldSetfcap;

    public UserNamespace(long inode, UserNamespace parent) {
        this(inode, parent, 0);
    }

    public UserNamespace(long inode, UserNamespace parent, long ownerKuid) {
        super(NamespaceType.USER, inode, parent);
        this.parent = parent;
        this.level = parent == null ? 0 : parent.level + 1;
        this.ownerKuid = ownerKuid;
    }

    /** The parent user namespace; null for the initial one. */
    public UserNamespace parent() {
        return parent;
    }

    /** Nesting depth; 0 for the initial user namespace. */
    public int level() {
        return level;
    }

    /** The kuid of the process that created the namespace. */
    public long ownerKuid() {
        return ownerKuid;
    }

    /** Whether {@code other} is this namespace or one of its descendants. */
    public boolean isAncestorOf(UserNamespace other) {
        for (UserNamespace ns = other; ns != null; ns = ns.parent) {
            if (ns == this) {
                return true;
            }
        }
        return false;
    }

    public List<Extent> uidMap() {
        return List.copyOf(uidMap);
    }

    public List<Extent> gidMap() {
        return List.copyOf(gidMap);
    }

    /** Installs a map; the caller has checked that it is the first write and that it is allowed. */
    public void setMap(boolean uid, List<Extent> map) {
        if (uid) {
            uidMap = new ArrayList<>(map);
        } else {
            gidMap = new ArrayList<>(map);
        }
    }

    /** Whether the creator had CAP_SETFCAP when it made the namespace (may then map the parent's uid 0 itself). */
    public boolean parentCouldSetfcap() {
        return parentCouldSetfcap;
    }

    /** Records the creator's CAP_SETFCAP (kernel/user_namespace.c: create_user_ns). */
    public void setParentCouldSetfcap(boolean could) {
        parentCouldSetfcap = could;
    }

    /** What /proc/PID/setgroups says: {@code allow} or {@code deny}. */
    public boolean setgroupsAllowed() {
        return setgroupsAllowed;
    }

    public void denySetgroups() {
        setgroupsAllowed = false;
    }

    /** The id a kernel id has in this namespace (from_kuid), or -1 if it has none here. */
    public long fromKernel(long kid, boolean uid) {
        if (parent == null) {
            return kid;
        }
        long inParent = parent.fromKernel(kid, uid);
        if (inParent < 0) {
            return -1;
        }
        for (Extent e : uid ? uidMap : gidMap) {
            if (inParent >= e.outside() && inParent < e.outside() + e.count()) {
                return e.inside() + (inParent - e.outside());
            }
        }
        return -1;
    }

    /** The id shown for a kernel id in this namespace: unmapped ids show as 65534 (from_kuid_munged). */
    public long shown(long kid, boolean uid) {
        long id = fromKernel(kid, uid);
        return id < 0 ? OVERFLOW_ID : id;
    }

    /** The kernel id of id {@code id} of this namespace (make_kuid), or -1 if it is not mapped. */
    public long toKernel(long id, boolean uid) {
        if (parent == null) {
            return id;
        }
        for (Extent e : uid ? uidMap : gidMap) {
            if (id >= e.inside() && id < e.inside() + e.count()) {
                return parent.toKernel(e.outside() + (id - e.inside()), uid);
            }
        }
        return -1;
    }
}
