package isolab.sim.fs.proc;

import isolab.sim.fs.Caller;
import isolab.sim.fs.Inode;
import isolab.sim.fs.OpenFile;
import isolab.sim.fs.Path;
import isolab.sim.fs.Rendered;
import isolab.sim.fs.SuperBlock;
import isolab.sim.namespace.Namespace;

/**
 * The inode a /proc/PID/ns link leads to (fs/nsfs.c): one per namespace, numbered by the
 * namespace's inode number, on the nsfs device 0:4. Two processes share a namespace exactly when
 * their links lead to the same device and inode.
 */
public final class NsfsInode extends Inode implements Rendered {

    /** The single nsfs superblock. */
    private static final SuperBlock NSFS = new SuperBlock("nsfs", "nsfs", "0:4", "rw", 1);

    private final Namespace ns;

    private NsfsInode(Namespace ns) {
        super(NSFS, ns.inode(), S_IFREG | 0444);
        this.ns = ns;
        setNlink(1);
    }

    /** The nsfs inode of {@code ns}. */
    public static NsfsInode of(Namespace ns) {
        return new NsfsInode(ns);
    }

    /** The namespace this inode stands for (what setns(2) joins). */
    public Namespace namespace() {
        return ns;
    }

    @Override
    public long size() {
        return 0;
    }

    /** An open namespace file: what setns(2) takes; reading it fails with EINVAL. */
    @Override
    public OpenFile open(int flags, Path path, Caller caller) {
        return new OpenFile(flags, path) {
        };
    }
}
