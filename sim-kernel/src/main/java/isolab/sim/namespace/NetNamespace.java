package isolab.sim.namespace;

import isolab.api.NamespaceType;
import isolab.sim.net.NetStack;

/**
 * A network namespace (net/core/net_namespace.c): its identity here, its contents - devices,
 * addresses, routes, nsids - in its {@link NetStack}. It is born with only the loopback device,
 * down and without addresses.
 */
public final class NetNamespace extends Namespace {

    private final NetStack stack = new NetStack(this);

    public NetNamespace(long inode, UserNamespace owner) {
        super(NamespaceType.NET, inode, owner);
    }

    /** The namespace's network stack. */
    public NetStack stack() {
        return stack;
    }
}
