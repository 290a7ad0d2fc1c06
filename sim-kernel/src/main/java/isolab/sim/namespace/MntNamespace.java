package isolab.sim.namespace;

import isolab.api.NamespaceType;
import isolab.sim.fs.MountTable;

/**
 * A mount namespace (fs/namespace.c): its own tree of mounts. A new one is a copy of its
 * creator's tree (copy_mnt_ns, {@link isolab.sim.fs.mount.CopyMntNs}), with new mount ids; later
 * mounts and unmounts in either reach the other only through propagation between shared mounts
 * ({@link isolab.sim.fs.mount.Propagation}).
 */
public final class MntNamespace extends Namespace {

    private final MountTable mounts;

    public MntNamespace(long inode, UserNamespace owner) {
        super(NamespaceType.MNT, inode, owner);
        mounts = new MountTable(inode);
    }

    /** The namespace's mounts. */
    public MountTable mounts() {
        return mounts;
    }
}
