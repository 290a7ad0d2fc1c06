package isolab.sim.namespace;

import isolab.api.NamespaceType;
import isolab.sim.fs.MountTable;

/**
 * A mount namespace (fs/namespace.c): a private list of mounts. A new one is a copy of its
 * creator's list (copy_mnt_ns), with new mount ids; later mounts and unmounts in either are
 * invisible to the other, since every mount here is private.
 */
public final class MntNamespace extends Namespace {

    private final MountTable mounts = new MountTable();

    public MntNamespace(long inode, UserNamespace owner) {
        super(NamespaceType.MNT, inode, owner);
    }

    /** The namespace's mounts. */
    public MountTable mounts() {
        return mounts;
    }
}
