package isolab.sim.namespace;

import isolab.api.NamespaceType;

/**
 * A user namespace. This slice models the tree (parent, level) and identity only; uid/gid maps
 * and capabilities inside are not modelled yet: creating one is refused as not modelled.
 */
public final class UserNamespace extends Namespace {

    private final UserNamespace parent;
    private final int level;

    public UserNamespace(long inode, UserNamespace parent) {
        super(NamespaceType.USER, inode, parent);
        this.parent = parent;
        this.level = parent == null ? 0 : parent.level + 1;
    }

    /** The parent user namespace; null for the initial one. */
    public UserNamespace parent() {
        return parent;
    }

    /** Nesting depth; 0 for the initial user namespace. */
    public int level() {
        return level;
    }
}
