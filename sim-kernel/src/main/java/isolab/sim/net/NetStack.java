package isolab.sim.net;

import isolab.sim.namespace.NetNamespace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The network stack of one network namespace (include/net/net_namespace.h: struct net): its
 * devices by ifindex, the main routing table, and the ids it gave other namespaces (nsids). The
 * local table is not stored: it is what the addresses imply (net/ipv4/fib_frontend.c:
 * fib_add_ifaddr), so it is computed when asked.
 */
public final class NetStack {

    private final NetNamespace namespace;
    private final TreeMap<Integer, NetDevice> devices = new TreeMap<>();
    private final List<Route> routes = new ArrayList<>();
    private final Map<NetStack, Integer> nsids = new LinkedHashMap<>();
    private int ifindexHint = 1;
    private final Neighbours neighbours = new Neighbours();
    private int ipForward;

    /** A new stack with its loopback device, down and without addresses (net/core/dev.c: loopback_net_init). */
    public NetStack(NetNamespace namespace) {
        this.namespace = namespace;
        register(new NetDevice(NetDevice.Kind.LOOPBACK, "lo", 0, 65536), 0);
    }

    /** The namespace this stack belongs to. */
    public NetNamespace namespace() {
        return namespace;
    }

    /** Every device, by ifindex. */
    public List<NetDevice> devices() {
        return new ArrayList<>(devices.values());
    }

    /** The device called {@code name}, or null. */
    public NetDevice device(String name) {
        for (NetDevice d : devices.values()) {
            if (d.name().equals(name)) {
                return d;
            }
        }
        return null;
    }

    /** The device with {@code ifindex}, or null. */
    public NetDevice device(int ifindex) {
        return devices.get(ifindex);
    }

    /** The loopback device. */
    public NetDevice loopback() {
        return devices.get(1);
    }

    /**
     * Adds {@code dev}, keeping {@code wanted} as its ifindex if that is free, else taking the next
     * free one after the last handed out (net/core/dev.c: dev_index_reserve, a cyclic allocator).
     */
    void register(NetDevice dev, int wanted) {
        int index = wanted;
        if (index <= 0 || devices.containsKey(index)) {
            index = ifindexHint;
            while (devices.containsKey(index)) {
                index++;
            }
            ifindexHint = index + 1;
        }
        dev.attach(this, index);
        devices.put(index, dev);
    }

    /** Removes {@code dev} and every route through it. */
    void unregister(NetDevice dev) {
        devices.remove(dev.ifindex());
        removeRoutes(r -> r.device() == dev);
    }

    // ---- routes ------------------------------------------------------------------------------

    /** The main table, in the order {@code ip route} lists it (by destination, then prefix length). */
    public List<Route> routes() {
        List<Route> sorted = new ArrayList<>(routes);
        sorted.sort((a, b) -> {
            int c = Integer.compareUnsigned(a.destination(), b.destination());
            return c != 0 ? c : Integer.compare(a.prefixLength(), b.prefixLength());
        });
        return sorted;
    }

    void addRoute(Route route) {
        routes.add(route);
    }

    void removeRoutes(Predicate<Route> which) {
        routes.removeIf(which);
    }

    /** The connected route an address brings when its device is up (fib_add_ifaddr), or null. */
    static Route connectedRoute(NetDevice dev, IfAddr a) {
        if (a.secondary() || dev.kind() == NetDevice.Kind.LOOPBACK || a.prefixLength() == 32) {
            return null;
        }
        return new Route(a.prefix().network(), a.prefixLength(), dev, 0, true, IfAddr.Scope.LINK, a.address());
    }

    /** The device of this stack that has {@code address}, or null (the local table's "local" routes). */
    public NetDevice localDevice(int address) {
        for (NetDevice d : devices.values()) {
            for (IfAddr a : d.addresses()) {
                if (a.address() == address
                        || d.kind() == NetDevice.Kind.LOOPBACK && a.scope() == IfAddr.Scope.HOST && a.sameSubnet(address)) {
                    return d;
                }
            }
        }
        return null;
    }

    /** Whether {@code address} is the broadcast address of one of this stack's subnets. */
    public boolean isBroadcast(int address) {
        for (NetDevice d : devices.values()) {
            for (IfAddr a : d.addresses()) {
                if (d.up() && a.subnetBroadcast() != 0 && a.subnetBroadcast() == address) {
                    return true;
                }
            }
        }
        return address == -1;
    }

    /** The main-table route to {@code destination}: longest prefix, first added on ties; null if none. */
    public Route lookup(int destination) {
        Route best = null;
        for (Route r : routes) {
            if (r.covers(destination) && (best == null || r.prefixLength() > best.prefixLength())) {
                best = r;
            }
        }
        return best;
    }

    /**
     * The source address for a packet to {@code destination} out of {@code dev}
     * (net/ipv4/devinet.c: inet_select_addr): a primary address of the device in the
     * destination's subnet, else its first primary, else any global address of the stack; 0 if none.
     */
    public int selectSource(NetDevice dev, int destination) {
        IfAddr first = null;
        for (IfAddr a : dev.addresses()) {
            if (!a.secondary() && a.scope() != IfAddr.Scope.HOST) {
                if (a.sameSubnet(destination)) {
                    return a.address();
                }
                if (first == null) {
                    first = a;
                }
            }
        }
        if (first != null) {
            return first.address();
        }
        for (NetDevice d : devices.values()) {
            for (IfAddr a : d.addresses()) {
                if (!a.secondary() && a.scope() == IfAddr.Scope.UNIVERSE) {
                    return a.address();
                }
            }
        }
        return 0;
    }

    /** The local table as {@code ip route show table local} prints it, one route a line. */
    public List<String> localTable() {
        TreeMap<Long, String> lines = new TreeMap<>();
        long order = 0;
        for (NetDevice d : devices.values()) {
            for (IfAddr a : d.addresses()) {
                String src = " proto kernel scope host src " + Inet4.format(a.address());
                String dev = " dev " + d.name();
                if (d.kind() == NetDevice.Kind.LOOPBACK && a.prefixLength() < 32 && !a.secondary()) {
                    lines.put(key(a.prefix().network(), a.prefixLength(), order++),
                            "local " + Inet4.format(a.prefix().network()) + "/" + a.prefixLength() + dev + src);
                }
                lines.put(key(a.address(), 32, order++), "local " + Inet4.format(a.address()) + dev + src);
                if (d.up() && a.subnetBroadcast() != 0 && !a.secondary()) {
                    lines.put(key(a.subnetBroadcast(), 32, order++), "broadcast " + Inet4.format(a.subnetBroadcast()) + dev
                            + " proto kernel scope link src " + Inet4.format(a.address()));
                }
            }
        }
        return new ArrayList<>(lines.values());
    }

    private static long key(int address, int length, long order) {
        return (Integer.toUnsignedLong(address) << 22) | ((long) length << 16) | (order & 0xffff);
    }

    // ---- nsids -------------------------------------------------------------------------------

    /** The id this stack gave {@code other}'s namespace, or -1 (net/core/net_namespace.c: peernet2id). */
    public int peerId(NetStack other) {
        return nsids.getOrDefault(other, -1);
    }

    /** The id of {@code other}, allocating the lowest free one if it has none yet (peernet2id_alloc). */
    int allocPeerId(NetStack other) {
        Integer id = nsids.get(other);
        if (id != null) {
            return id;
        }
        int next = 0;
        while (nsids.containsValue(next)) {
            next++;
        }
        nsids.put(other, next);
        return next;
    }

    /** The stack this one knows by {@code id}, or null. */
    public NetStack peerById(int id) {
        for (Map.Entry<NetStack, Integer> e : nsids.entrySet()) {
            if (e.getValue() == id) {
                return e.getKey();
            }
        }
        return null;
    }

    void forgetPeer(NetStack other) {
        nsids.remove(other);
    }

    /** net.ipv4.ip_forward: 0 in a new namespace (devconf_inherit_init_net is 0). */
    public int ipForward() {
        return ipForward;
    }

    /** Sets net.ipv4.ip_forward; any value but 0 makes the namespace a router. */
    public void setIpForward(int value) {
        ipForward = value;
    }

    /** Whether the namespace forwards packets that are not its own. */
    public boolean forwarding() {
        return ipForward != 0;
    }

    /** The ARP cache. */
    public Neighbours neighbours() {
        return neighbours;
    }

    /** Recomputes what follows from carrier changes (link-local addresses, the ARP cache) at {@code now}. */
    void refresh(long now) {
        for (NetDevice d : devices.values()) {
            d.refresh(now);
        }
        neighbours.refresh();
    }
}
