package isolab.sim.namespace;

import isolab.api.NamespaceType;

/**
 * A network namespace (net/core/net_namespace.c), reduced to what this slice models: the
 * loopback device every namespace is born with, down and without addresses. Bringing it up
 * gives it 127.0.0.1/8 and ::1/128 (net/ipv4/devinet.c: inetdev_event on NETDEV_UP for
 * loopback); taking it down keeps the IPv4 address and drops the IPv6 one.
 */
public final class NetNamespace extends Namespace {

    private boolean loUp;
    private boolean loEverUp;

    public NetNamespace(long inode, UserNamespace owner) {
        super(NamespaceType.NET, inode, owner);
    }

    /** Whether lo is administratively up. */
    public boolean loUp() {
        return loUp;
    }

    /** Whether lo was ever up (it then keeps 127.0.0.1/8 and the noqueue qdisc). */
    public boolean loEverUp() {
        return loEverUp;
    }

    /** Brings lo up or down. */
    public void setLoUp(boolean up) {
        loUp = up;
        loEverUp |= up;
    }
}
