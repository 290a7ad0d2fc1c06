package isolab.sim.fs;

import java.util.ArrayList;
import java.util.List;

/**
 * A mount (fs/mount.h: struct mount): a superblock's directory (or file, for a file bind mount)
 * made visible on a mount point of a parent mount, in one mount namespace, with its place in the
 * propagation graph of fs/pnode.c: the peers it shares events with ({@code mnt_share}, one
 * {@code mnt_group_id}), the master it receives them from ({@code mnt_master}) and its slaves
 * ({@code mnt_slave_list}). The rules that change these live in {@code isolab.sim.fs.mount}.
 */
public final class Mount {

    private final int id;
    private final SuperBlock sb;
    private final Inode root;
    private final String rootName;
    private Mount parent;
    private Inode mountpoint;
    private Directory mountpointDir;
    private String mountpointName;
    private MountTable ns;
    private String options;
    private final List<Mount> children = new ArrayList<>();
    private int groupId;
    private List<Mount> peers;
    private Mount master;
    private final List<Mount> slaves = new ArrayList<>();
    private boolean unbindable;

    /**
     * @param root the directory of {@code sb} shown at the mount point (its root, or a subdirectory for bind mounts)
     * @param parent the mount this one sits on; null for a namespace's root mount
     * @param mountpoint the directory of {@code parent} this one covers
     * @param options per-mount options ({@code rw,nosuid,relatime})
     */
    public Mount(int id, SuperBlock sb, Inode root, Mount parent, Inode mountpoint, String options) {
        this(id, sb, root, null, parent, mountpoint, options);
    }

    /**
     * A mount whose root is not a directory of {@code sb} reachable by {@code ..} (a file bind
     * mount): {@code rootName} is what mountinfo's fourth field shows for it ({@code /f},
     * {@code net:[4026532001]}).
     */
    public Mount(int id, SuperBlock sb, Inode root, String rootName, Mount parent, Inode mountpoint, String options) {
        this.id = id;
        this.sb = sb;
        this.root = root;
        this.rootName = rootName;
        this.options = options;
        if (parent != null) {
            attach(parent, mountpoint);
        }
    }

    public int id() {
        return id;
    }

    public SuperBlock sb() {
        return sb;
    }

    /** The inode shown at the mount point: a directory, or a file for a file bind mount. */
    public Inode root() {
        return root;
    }

    /** The path of {@link #root} inside its filesystem, mountinfo's fourth field ({@code /}, {@code /a}). */
    public String rootPath() {
        if (rootName != null) {
            return rootName;
        }
        List<String> names = new ArrayList<>();
        Directory d = (Directory) root;
        while (d != sb.root() && d.parent() != d) {
            names.add(0, d.name());
            d = d.parent();
        }
        return names.isEmpty() ? "/" : "/" + String.join("/", names);
    }

    /** The mount this one sits on; a namespace's root mount is its own parent. */
    public Mount parent() {
        return parent == null ? this : parent;
    }

    /** Whether this is the root mount of its namespace (it sits on the namespace's hidden rootfs). */
    public boolean isRoot() {
        return parent == null;
    }

    /** The inode of the parent mount this one covers (its own root for the root mount). */
    public Inode mountpoint() {
        return mountpoint == null ? root : mountpoint;
    }

    /** For a mount on a file: the directory holding that file; null for a directory mount point. */
    public Directory mountpointDir() {
        return mountpointDir;
    }

    /** For a mount on a file: the file's name in {@link #mountpointDir}; null otherwise. */
    public String mountpointName() {
        return mountpointName;
    }

    /** Hangs this mount on {@code newMountpoint} of {@code newParent} (null: the namespace's rootfs). */
    public void attach(Mount newParent, Inode newMountpoint) {
        attach(newParent, newMountpoint, null, null);
    }

    /** Like {@link #attach(Mount, Inode)}, for a file mount point named {@code name} in {@code dir}. */
    public void attach(Mount newParent, Inode newMountpoint, Directory dir, String name) {
        if (parent != null) {
            parent.children.remove(this);
        }
        this.parent = newParent;
        this.mountpoint = newMountpoint;
        this.mountpointDir = dir;
        this.mountpointName = name;
        if (newParent != null) {
            newParent.children.add(this);
        }
    }

    /** Takes this mount off its parent (umount_mnt); it keeps its own children. */
    public void detachFromParent() {
        if (parent != null) {
            parent.children.remove(this);
        }
        parent = null;
        mountpoint = null;
    }

    /** The mounts sitting on this one, in the order they were attached (mnt_mounts). */
    public List<Mount> children() {
        return List.copyOf(children);
    }

    /** The namespace's table this mount is in; null once unmounted. */
    public MountTable ns() {
        return ns;
    }

    void setNs(MountTable table) {
        this.ns = table;
    }

    /** Per-mount options, mountinfo's sixth field. */
    public String options() {
        return options;
    }

    public void setOptions(String options) {
        this.options = options;
    }

    // ---- propagation state (fs/mount.h) ----------------------------------------------------

    /** The peer group id ({@code mnt_group_id}); 0 unless the mount is shared. */
    public int groupId() {
        return groupId;
    }

    /** Whether the mount is shared (IS_MNT_SHARED). */
    public boolean isShared() {
        return peers != null;
    }

    /** The peer list this mount is in, itself included, in ring order; a list of itself when not shared. */
    public List<Mount> peers() {
        return peers == null ? List.of(this) : List.copyOf(peers);
    }

    /** The peer after this one in the ring (next_peer); itself when not shared. */
    public Mount nextPeer() {
        if (peers == null) {
            return this;
        }
        return peers.get((peers.indexOf(this) + 1) % peers.size());
    }

    /** Makes this mount the only member of a new peer group {@code id}. */
    public void startPeerGroup(int id) {
        groupId = id;
        peers = new ArrayList<>(List.of(this));
    }

    /** Puts this mount into {@code peer}'s group, right after it in the ring (list_add on mnt_share). */
    public void joinPeersOf(Mount peer) {
        groupId = peer.groupId;
        peers = peer.peers;
        peers.add(peers.indexOf(peer) + 1, this);
    }

    /** Leaves the peer group; returns whether it was the last member (its id is then free). */
    public boolean leavePeers() {
        if (peers == null) {
            return false;
        }
        peers.remove(this);
        boolean last = peers.isEmpty();
        peers = null;
        groupId = 0;
        return last;
    }

    /** The mount this one receives propagation from ({@code mnt_master}); null unless a slave. */
    public Mount master() {
        return master;
    }

    /** Whether the mount is a slave (IS_MNT_SLAVE). */
    public boolean isSlave() {
        return master != null;
    }

    /** The slaves of this mount ({@code mnt_slave_list}), in list order. */
    public List<Mount> slaves() {
        return List.copyOf(slaves);
    }

    /** Makes this mount a slave of {@code newMaster} (at the head of its list, as list_add does), or of none. */
    public void setMaster(Mount newMaster) {
        setMaster(newMaster, true);
    }

    /** Makes this mount a slave of {@code newMaster}, first or last in its slave list. */
    public void setMaster(Mount newMaster, boolean first) {
        if (master != null) {
            master.slaves.remove(this);
        }
        master = newMaster;
        if (newMaster != null) {
            if (first) {
                newMaster.slaves.add(0, this);
            } else {
                newMaster.slaves.add(this);
            }
        }
    }

    /** Makes this mount a slave of {@code newMaster}, right after {@code sibling} in its slave list. */
    public void setMasterAfter(Mount newMaster, Mount sibling) {
        if (master != null) {
            master.slaves.remove(this);
        }
        master = newMaster;
        int at = newMaster.slaves.indexOf(sibling);
        newMaster.slaves.add(at < 0 ? 0 : at + 1, this);
    }

    /** Whether the mount may not be bind mounted (MNT_UNBINDABLE). */
    public boolean unbindable() {
        return unbindable;
    }

    public void setUnbindable(boolean unbindable) {
        this.unbindable = unbindable;
    }

    /** mountinfo's optional fields: {@code shared:N}, {@code master:N}, {@code unbindable}; empty for a private mount. */
    public String propagation() {
        List<String> fields = new ArrayList<>();
        if (isShared()) {
            fields.add("shared:" + groupId);
        }
        if (master != null) {
            fields.add("master:" + master.groupId);
        }
        if (unbindable) {
            fields.add("unbindable");
        }
        return String.join(" ", fields);
    }

    /** Whether writes through this mount are refused (EROFS). */
    public boolean readOnly() {
        return options.startsWith("ro") || sb.readOnly();
    }

    @Override
    public String toString() {
        return "mount " + id + " (" + sb.fsType() + ")";
    }
}
