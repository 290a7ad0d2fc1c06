package isolab.sim.net;

import java.util.ArrayList;
import java.util.List;

/**
 * What an rtnetlink dump answers (net/core/rtnetlink.c: rtnl_fill_ifinfo, devinet.c:
 * inet_fill_ifaddr, fib_semantics.c: fib_dump_info): immutable messages about the links,
 * addresses and routes of one namespace, as the requesting namespace sees them (a peer in
 * another namespace is named by its ifindex and the nsid the requester gave that namespace).
 */
public final class RtnlDump {

    private RtnlDump() {
    }

    /**
     * RTM_NEWLINK: a device. {@code link} is the veth peer's ifindex (0: none); {@code linkName}
     * its name when it is in the same namespace (else null); {@code linkNetnsid} the nsid of its
     * namespace when it is elsewhere (else -1); {@code linkDown} whether that peer is down.
     */
    public record Link(int ifindex, String name, NetDevice.Kind kind, int flags, int mtu, String qdisc, String master,
            String operstate, String mac, int link, String linkName, int linkNetnsid, boolean linkDown,
            long rxPackets, long rxBytes, long txPackets, long txBytes, long txDropped) {

        /** Whether this is the loopback device. */
        public boolean loopback() {
            return kind == NetDevice.Kind.LOOPBACK;
        }
    }

    /** RTM_NEWADDR: one address ({@code family} 4 or 6) of device {@code ifindex}. */
    public record Addr(int ifindex, String device, int family, String address, int prefixLength, String broadcast,
            String scope, boolean secondary, boolean tentative) {
    }

    /** RTM_NEWROUTE: one route, already in the words {@code ip route} prints. */
    public record RouteMsg(String type, String destination, String gateway, String device, boolean kernel,
            String scope, String source, boolean linkDown) {
    }

    /** The answer to RTM_GETROUTE for one destination: local or not, the gateway (or null), device and source. */
    public record RouteGet(boolean local, String destination, String gateway, String device, String source) {
    }

    /**
     * The route to {@code destination} (net/ipv4/route.c: ip_route_output_key): one of the
     * namespace's own addresses goes through lo (when lo is up: its local routes exist from then
     * on); else the main table; null if none.
     */
    public static RouteGet routeGet(NetStack stack, int destination) {
        if (stack.localDevice(destination) != null) {
            return new RouteGet(true, Inet4.format(destination), null, "lo", Inet4.format(destination));
        }
        Route r = stack.lookup(destination);
        if (r == null) {
            return null;
        }
        int source = Icmp.source(stack, destination);
        return new RouteGet(false, Inet4.format(destination), r.gateway() == 0 ? null : Inet4.format(r.gateway()),
                r.device().name(), Inet4.format(source));
    }

    /** Every device of {@code stack}, by ifindex. */
    public static List<Link> links(NetStack stack) {
        List<Link> links = new ArrayList<>();
        for (NetDevice d : stack.devices()) {
            NetDevice peer = d.peer();
            boolean here = peer != null && peer.stack() == stack;
            links.add(new Link(d.ifindex(), d.name(), d.kind(), d.flags(), d.mtu(), d.qdisc(),
                    d.master() == null ? null : d.master().name(), d.operstate(), d.macText(),
                    peer == null ? 0 : peer.ifindex(), here ? peer.name() : null,
                    peer == null || here ? -1 : stack.allocPeerId(peer.stack()), here && !peer.up(),
                    d.rxPackets(), d.rxBytes(), d.txPackets(), d.txBytes(), d.txDropped()));
        }
        return links;
    }

    /** Every address of {@code stack}: IPv4 ones first, device by device, then IPv6 ones, at {@code now}. */
    public static List<Addr> addresses(NetStack stack, long now) {
        List<Addr> addrs = new ArrayList<>();
        for (NetDevice d : stack.devices()) {
            for (IfAddr a : d.addresses()) {
                addrs.add(new Addr(d.ifindex(), d.name(), 4, Inet4.format(a.address()), a.prefixLength(),
                        a.broadcast() == 0 ? null : Inet4.format(a.broadcast()), a.scope().shown(), a.secondary(), false));
            }
        }
        for (NetDevice d : stack.devices()) {
            for (String[] a : d.inet6(now)) {
                addrs.add(new Addr(d.ifindex(), d.name(), 6, a[0], Integer.parseInt(a[1]), null, a[2], false,
                        a[3].equals("tentative")));
            }
        }
        return addrs;
    }

    /** The main table. */
    public static List<RouteMsg> routes(NetStack stack) {
        List<RouteMsg> routes = new ArrayList<>();
        for (Route r : stack.routes()) {
            routes.add(new RouteMsg("unicast", r.shownDestination(), r.gateway() == 0 ? null : Inet4.format(r.gateway()),
                    r.device().name(), r.kernel(), r.scope() == IfAddr.Scope.UNIVERSE ? null : r.scope().shown(),
                    r.source() == 0 ? null : Inet4.format(r.source()), !r.device().carrier()));
        }
        return routes;
    }
}
