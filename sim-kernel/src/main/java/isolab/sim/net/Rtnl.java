package isolab.sim.net;

import isolab.api.Event;
import isolab.api.NetEvent;
import isolab.sim.determinism.SplitMix64;
import isolab.sim.syscall.Errno;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The rtnetlink requests that change links, addresses and routes (net/core/rtnetlink.c,
 * net/ipv4/devinet.c, net/ipv4/fib_frontend.c), with the kernel's checks and errors. Callers
 * have already checked CAP_NET_ADMIN; every method either changes the model or throws a
 * {@link NetlinkError} and changes nothing.
 */
public final class Rtnl {

    /** IFNAMSIZ - 1: the longest device name. */
    public static final int IFNAMSIZ_MAX = 15;

    /** ETH_MIN_MTU and ETH_MAX_MTU of virtual Ethernet devices. */
    static final int MIN_MTU = 68, MAX_MTU = 65535;

    private Rtnl() {
    }

    // ---- links -------------------------------------------------------------------------------

    /**
     * RTM_NEWLINK type veth (drivers/net/veth.c: veth_newlink): the peer is registered first, in
     * {@code peerStack}, then the device; a null name takes the lowest free {@code vethN}.
     */
    public static NetDevice addVeth(NetStack stack, String name, NetStack peerStack, String peerName,
            SplitMix64 random, Consumer<Event> emit) {
        checkName(name);
        checkName(peerName);
        String peerFinal = peerName == null ? freeName(peerStack, "veth", null) : peerName;
        if (peerStack.device(peerFinal) != null) {
            throw new NetlinkError(Errno.EEXIST);
        }
        String devFinal = name == null ? freeName(stack, "veth", stack == peerStack ? peerFinal : null) : name;
        if (stack.device(devFinal) != null || stack == peerStack && devFinal.equals(peerFinal)) {
            throw new NetlinkError(Errno.EEXIST);
        }
        NetDevice peer = new NetDevice(NetDevice.Kind.VETH, peerFinal, randomMac(random), 1500);
        NetDevice dev = new NetDevice(NetDevice.Kind.VETH, devFinal, randomMac(random), 1500);
        peer.setPeer(dev);
        dev.setPeer(peer);
        peerStack.register(peer, 0);
        stack.register(dev, 0);
        linkNamespaces(stack, peerStack);
        emit.accept(new NetEvent.LinkCreated(inode(peerStack), peer.ifindex(), peer.name(), "veth"));
        emit.accept(new NetEvent.LinkCreated(inode(stack), dev.ifindex(), dev.name(), "veth"));
        return dev;
    }

    /** RTM_NEWLINK type bridge (net/bridge/br_netlink.c): down, no ports, a random address. */
    public static NetDevice addBridge(NetStack stack, String name, SplitMix64 random, Consumer<Event> emit) {
        checkName(name);
        String devFinal = name == null ? freeName(stack, "bridge", null) : name;
        if (stack.device(devFinal) != null) {
            throw new NetlinkError(Errno.EEXIST);
        }
        NetDevice bridge = new NetDevice(NetDevice.Kind.BRIDGE, devFinal, randomMac(random), 1500);
        stack.register(bridge, 0);
        emit.accept(new NetEvent.LinkCreated(inode(stack), bridge.ifindex(), bridge.name(), "bridge"));
        return bridge;
    }

    /** RTM_DELLINK: a veth takes its peer with it (veth_dellink); a bridge releases its ports; lo cannot go. */
    public static void delete(NetDevice dev, long now, Consumer<Event> emit) {
        if (dev.kind() == NetDevice.Kind.LOOPBACK) {
            throw new NetlinkError(Errno.EOPNOTSUPP);
        }
        unregister(dev, now, "ip link del", emit);
    }

    private static void unregister(NetDevice dev, long now, String why, Consumer<Event> emit) {
        NetStack stack = dev.stack();
        if (stack == null) {
            return;
        }
        emit.accept(new NetEvent.LinkDeleted(inode(stack), dev.name(), why));
        for (NetDevice port : dev.ports()) {
            port.setMaster(null);
        }
        dev.setUp(false);
        dev.setMaster(null);
        dev.clearAddresses();
        stack.unregister(dev);
        dev.attach(null, dev.ifindex());
        NetDevice peer = dev.peer();
        if (peer != null) {
            peer.setPeer(null);
            dev.setPeer(null);
            NetStack peerStack = peer.stack();
            unregister(peer, now, "its veth peer " + dev.name() + " went", emit);
            if (peerStack != null) {
                peerStack.refresh(now);
            }
        }
        stack.refresh(now);
    }

    /** IFF_UP on or off (dev_open, dev_close): routes of a closed device are flushed (fib_disable_ip). */
    public static void setUp(NetDevice dev, boolean up, long now) {
        if (dev.up() == up) {
            return;
        }
        dev.setUp(up);
        NetStack stack = dev.stack();
        if (up && dev.kind() == NetDevice.Kind.LOOPBACK) {
            // net/ipv4/devinet.c: inetdev_event, NETDEV_UP of a loopback: 127.0.0.1/8, once.
            try {
                addAddress(dev, new Inet4.Prefix(0x7f000001, 8), 0, IfAddr.Scope.HOST);
            } catch (NetlinkError alreadyThere) {
                // inet_insert_ifa's EEXIST is ignored there too
            }
        }
        if (up) {
            for (IfAddr a : dev.addresses()) {
                Route r = NetStack.connectedRoute(dev, a);
                if (r != null) {
                    stack.addRoute(r);
                }
            }
        } else {
            stack.removeRoutes(r -> r.device() == dev);
        }
        refresh(dev, now);
    }

    /** IFLA_MASTER: makes {@code dev} a port of {@code bridge}, or of nothing when null (br_add_if, br_del_if). */
    public static void setMaster(NetDevice dev, NetDevice bridge, long now) {
        if (bridge != null) {
            if (bridge.kind() != NetDevice.Kind.BRIDGE) {
                throw new NetlinkError(Errno.EOPNOTSUPP);
            }
            if (dev.kind() == NetDevice.Kind.BRIDGE) {
                throw new NetlinkError(Errno.ELOOP, "Can not enslave a bridge to a bridge"); // br_add_if
            }
            if (dev.kind() != NetDevice.Kind.VETH) {
                throw new NetlinkError(Errno.EINVAL);
            }
        }
        dev.setMaster(bridge);
        refresh(dev, now);
    }

    /**
     * IFLA_NET_NS_FD / IFLA_NET_NS_PID (net/core/dev.c: __dev_change_net_namespace): the device is
     * closed, leaves its bridge, loses its addresses and routes, and keeps its ifindex if the
     * target has it free. Both namespaces then know each other by an nsid, as do the namespaces
     * of a veth pair split across two.
     */
    public static void setNamespace(NetDevice dev, NetStack target, long now, Consumer<Event> emit) {
        if (dev.kind() != NetDevice.Kind.VETH) {
            throw new NetlinkError(Errno.EINVAL, "The interface netns is immutable");
        }
        NetStack old = dev.stack();
        if (old == target) {
            return;
        }
        if (target.device(dev.name()) != null) {
            throw new NetlinkError(Errno.EEXIST);
        }
        setUp(dev, false, now);
        for (NetDevice port : dev.ports()) {
            port.setMaster(null);
        }
        dev.setMaster(null);
        dev.clearAddresses();
        old.unregister(dev);
        target.register(dev, dev.ifindex());
        old.allocPeerId(target);
        if (dev.peer() != null) {
            linkNamespaces(target, dev.peer().stack());
        }
        old.refresh(now);
        refresh(dev, now);
        emit.accept(new NetEvent.LinkMoved(dev.name(), inode(old), inode(target), dev.ifindex()));
    }

    /** IFLA_IFNAME on an existing device: EEXIST if the name is taken. */
    public static void rename(NetDevice dev, String name) {
        checkName(name);
        NetDevice other = dev.stack().device(name);
        if (other == dev) {
            return;
        }
        if (other != null) {
            throw new NetlinkError(Errno.EEXIST);
        }
        dev.rename(name);
    }

    /** IFLA_MTU within the device's limits (net/core/dev.c: dev_validate_mtu). */
    public static void setMtu(NetDevice dev, int mtu) {
        int min = dev.kind() == NetDevice.Kind.LOOPBACK ? 0 : MIN_MTU;
        int max = dev.kind() == NetDevice.Kind.LOOPBACK ? Integer.MAX_VALUE : MAX_MTU;
        if (mtu < min) {
            throw new NetlinkError(Errno.EINVAL, "mtu less than device minimum");
        }
        if (mtu > max) {
            throw new NetlinkError(Errno.EINVAL, "mtu greater than device maximum");
        }
        dev.setMtu(mtu);
    }

    // ---- addresses ---------------------------------------------------------------------------

    /**
     * RTM_NEWADDR (net/ipv4/devinet.c: __inet_insert_ifa): the same address and mask twice is
     * EEXIST; a second address in a subnet the device already has is secondary. A primary address
     * on a device that is up brings its connected route.
     */
    public static void addAddress(NetDevice dev, Inet4.Prefix prefix, int broadcast, IfAddr.Scope scope) {
        boolean secondary = false;
        for (IfAddr a : dev.addresses()) {
            if (a.prefixLength() == prefix.length() && a.sameSubnet(prefix.address())) {
                if (a.address() == prefix.address()) {
                    throw new NetlinkError(Errno.EEXIST, "ipv4: Address already assigned");
                }
                secondary = true;
            }
        }
        IfAddr added = new IfAddr(prefix.address(), prefix.length(), broadcast, scope, secondary);
        dev.addAddress(added);
        Route r = NetStack.connectedRoute(dev, added);
        if (r != null && dev.up()) {
            dev.stack().addRoute(r);
        }
    }

    /**
     * RTM_DELADDR: the address with that prefix length, else EADDRNOTAVAIL. Deleting a primary
     * deletes its secondaries too (promote_secondaries is off by default).
     */
    public static void delAddress(NetDevice dev, Inet4.Prefix prefix) {
        IfAddr victim = null;
        for (IfAddr a : dev.addresses()) {
            if (a.address() == prefix.address() && a.prefixLength() == prefix.length()) {
                victim = a;
            }
        }
        if (victim == null) {
            throw new NetlinkError(Errno.EADDRNOTAVAIL, "ipv4: Address not found");
        }
        List<IfAddr> gone = new ArrayList<>();
        gone.add(victim);
        if (!victim.secondary()) {
            for (IfAddr a : dev.addresses()) {
                if (a.secondary() && a.prefixLength() == victim.prefixLength() && victim.sameSubnet(a.address())) {
                    gone.add(a);
                }
            }
        }
        for (IfAddr a : gone) {
            dev.removeAddress(a);
            dev.stack().removeRoutes(r -> r.device() == dev && r.source() == a.address());
        }
    }

    // ---- routes ------------------------------------------------------------------------------

    /**
     * RTM_NEWROUTE with NLM_F_EXCL (net/ipv4/fib_semantics.c: fib_create_info, fib_check_nh): a
     * gateway must be reachable on a link of an up device (of {@code dev} if given); a device
     * route needs the device up; a destination already routed is EEXIST.
     */
    public static void addRoute(NetStack stack, Inet4.Prefix destination, int gateway, NetDevice dev) {
        if ((destination.address() & ~Inet4.mask(destination.length())) != 0) {
            throw new NetlinkError(Errno.EINVAL, "Invalid prefix for given prefix length");
        }
        NetDevice out = dev;
        if (gateway != 0) {
            Route link = null;
            for (Route r : stack.routes()) {
                if (r.gateway() == 0 && r.scope() == IfAddr.Scope.LINK && r.covers(gateway)
                        && (dev == null || r.device() == dev) && (link == null || r.prefixLength() > link.prefixLength())) {
                    link = r;
                }
            }
            NetDevice local = stack.localDevice(gateway);
            if (link == null && local == null) {
                throw new NetlinkError(Errno.EINVAL, "Nexthop has invalid gateway");
            }
            // fib_check_nh_v4_gw: a gateway on a link, or one of the namespace's own addresses (RTN_LOCAL)
            out = link != null ? link.device() : local;
        } else if (!dev.up()) {
            throw new NetlinkError(Errno.ENETDOWN, "Device for nexthop is not up");
        }
        for (Route r : stack.routes()) {
            if (r.destination() == destination.address() && r.prefixLength() == destination.length()) {
                throw new NetlinkError(Errno.EEXIST);
            }
        }
        stack.addRoute(new Route(destination.address(), destination.length(), out, gateway, false,
                gateway == 0 ? IfAddr.Scope.LINK : IfAddr.Scope.UNIVERSE, 0));
    }

    /** RTM_DELROUTE: the first route matching destination (and gateway and device if given), else ESRCH. */
    public static void delRoute(NetStack stack, Inet4.Prefix destination, int gateway, NetDevice dev) {
        for (Route r : stack.routes()) {
            if (r.destination() == destination.address() && r.prefixLength() == destination.length()
                    && (gateway == 0 || r.gateway() == gateway) && (dev == null || r.device() == dev)) {
                stack.removeRoutes(x -> x == r);
                return;
            }
        }
        throw new NetlinkError(Errno.ESRCH);
    }

    // ---- namespaces --------------------------------------------------------------------------

    /**
     * A network namespace dies (net/core/dev.c: default_device_exit_batch): its virtual devices
     * are deleted, a veth's peer in another namespace with it; the others forget its nsid.
     */
    public static void destroy(NetStack dying, List<NetStack> others, long now, Consumer<Event> emit) {
        for (NetDevice dev : dying.devices()) {
            if (dev.kind() != NetDevice.Kind.LOOPBACK && dev.stack() == dying) {
                unregister(dev, now, "its network namespace died", emit);
            }
        }
        for (NetStack other : others) {
            other.forgetPeer(dying);
        }
    }

    // ---- helpers -----------------------------------------------------------------------------

    /** dev_valid_name: at most 15 characters, not "." or "..", no '/', ':' or white space. */
    private static void checkName(String name) {
        if (name == null) {
            return;
        }
        if (name.length() > IFNAMSIZ_MAX) {
            throw new NetlinkError(Errno.EINVAL, "Attribute failed policy validation");
        }
        if (name.isEmpty() || name.equals(".") || name.equals("..") || name.matches(".*[/:\\s].*")) {
            throw new NetlinkError(Errno.EINVAL);
        }
    }

    /** The lowest free {@code prefixN} (net/core/dev.c: __dev_alloc_name). */
    private static String freeName(NetStack stack, String prefix, String alsoTaken) {
        for (int n = 0; ; n++) {
            String name = prefix + n;
            if (stack.device(name) == null && !name.equals(alsoTaken)) {
                return name;
            }
        }
    }

    /** eth_random_addr: six random bytes, unicast and locally administered. */
    private static long randomMac(SplitMix64 random) {
        long mac = random.nextLong() & 0xffffffffffffL;
        long first = (mac >>> 40 & 0xfe) | 0x02;
        return (mac & 0xffffffffffL) | first << 40;
    }

    private static long inode(NetStack stack) {
        return stack.namespace() == null ? 0 : stack.namespace().inode();
    }

    /** Two namespaces that share a veth pair give each other nsids. */
    private static void linkNamespaces(NetStack a, NetStack b) {
        if (a != b && a != null && b != null) {
            a.allocPeerId(b);
            b.allocPeerId(a);
        }
    }

    private static void refresh(NetDevice dev, long now) {
        if (dev.stack() != null) {
            dev.stack().refresh(now);
        }
        if (dev.peer() != null && dev.peer().stack() != null) {
            dev.peer().stack().refresh(now);
        }
    }
}
