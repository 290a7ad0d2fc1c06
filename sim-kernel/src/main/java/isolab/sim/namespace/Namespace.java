package isolab.sim.namespace;

import isolab.api.NamespaceType;

/**
 * A namespace of any kind: what {@code /proc/PID/ns/<type>} points at. Its identity is its nsfs
 * inode number (fs/nsfs.c), allocated once and never reused while the machine runs.
 */
public abstract class Namespace {

    private final NamespaceType type;
    private final long inode;
    private final UserNamespace owner;

    protected Namespace(NamespaceType type, long inode, UserNamespace owner) {
        this.type = type;
        this.inode = inode;
        this.owner = owner;
    }

    /** Which kind of namespace this is. */
    public NamespaceType type() {
        return type;
    }

    /** The nsfs inode number, as in {@code pid:[4026531836]}. */
    public long inode() {
        return inode;
    }

    /** The user namespace that owns this one; null only for the initial user namespace. */
    public UserNamespace owner() {
        return owner;
    }

    /** The text of the {@code /proc/PID/ns/<type>} link: {@code type:[inode]}. */
    public String linkText() {
        return type.procName() + ":[" + inode + "]";
    }

    @Override
    public String toString() {
        return linkText();
    }
}
