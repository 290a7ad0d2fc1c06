package isolab.sim.namespace;

import isolab.api.NamespaceType;

/**
 * A namespace whose contents this slice does not model yet (cgroup): it exists,
 * has an nsfs inode, can be created, entered and compared, and isolates nothing the model shows.
 * Programs that would look inside it (ipcs, ip, ...) say they are not modelled.
 */
public final class SimpleNamespace extends Namespace {

    public SimpleNamespace(NamespaceType type, long inode, UserNamespace owner) {
        super(type, inode, owner);
        if (type == NamespaceType.PID || type == NamespaceType.UTS || type == NamespaceType.MNT
                || type == NamespaceType.USER || type == NamespaceType.TIME || type == NamespaceType.IPC || type == NamespaceType.NET) {
            throw new IllegalArgumentException(type + " namespaces have their own class");
        }
    }
}
