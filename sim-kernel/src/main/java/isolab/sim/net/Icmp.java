package isolab.sim.net;

import java.util.ArrayList;
import java.util.List;

/**
 * ICMP echo between namespaces, by following the model's links (net/ipv4/icmp.c: icmp_echo,
 * ip_output and the neighbour layer): the route out of the sender, ARP for the next hop across
 * veth pairs and bridges, delivery in the namespace that owns the destination, and the reply
 * routed back the same way. A packet to one of the sender's own addresses goes through its
 * loopback device, which must be up. A namespace forwards what is not its own only when its
 * net.ipv4.ip_forward is set (0 in a new namespace); a router that has no route, or whose ARP
 * fails, tells the sender (Destination Net / Host Unreachable). Each namespace's
 * {@link Neighbours} remembers who answered ARP.
 */
public final class Icmp {

    /** An ICMP echo request or reply on Ethernet: 14 + 20 + 8 + 56 bytes. */
    static final int FRAME_BYTES = 98;

    /** What became of one echo request. */
    public enum Outcome {
        /** An echo reply came back. */
        REPLY,
        /** Nothing came back. */
        LOST,
        /** ARP for the next hop failed: the sender's own stack reports the host unreachable. */
        UNREACHABLE
    }

    private Icmp() {
    }

    /**
     * The source address a socket connected to {@code destination} gets (ip_route_connect), or 0
     * if there is no route at all (connect fails with ENETUNREACH).
     */
    public static int source(NetStack stack, int destination) {
        if (stack.localDevice(destination) != null) {
            return destination;
        }
        Route route = stack.lookup(destination);
        if (route == null) {
            return 0;
        }
        return route.source() != 0 ? route.source() : stack.selectSource(route.device(), route.gateway() != 0 ? route.gateway() : destination);
    }

    /**
     * What came of one request. For UNREACHABLE: who reports it ({@code errorFrom}), when the
     * error arrives, and whether it is a network (no route at a router) or a host (ARP failed)
     * that cannot be reached. For REPLY: the TTL the reply arrived with (64 less the routers it
     * crossed).
     */
    public record Result(Outcome outcome, long errorAtTicks, int errorFrom, boolean netUnreachable, int ttl) {
    }

    /** The TTL a namespace gives what it sends (net.ipv4.ip_default_ttl). */
    static final int DEFAULT_TTL = 64;

    /** Sends one echo request from {@code source} in {@code stack} to {@code destination} at {@code now}, and says what came of it. */
    public static Result echo(NetStack stack, int source, int destination, long now) {
        Hop there = send(stack, source, destination, now, true);
        if (there.failsAt >= 0) {
            return new Result(Outcome.UNREACHABLE, there.failsAt, there.errorFrom, there.net, 0);
        }
        if (there.stack == null) {
            return new Result(Outcome.LOST, -1, 0, false, 0);
        }
        Hop back = send(there.stack, destination, source, now, false);
        return back.stack == stack ? new Result(Outcome.REPLY, -1, 0, false, DEFAULT_TTL - back.hops)
                : new Result(Outcome.LOST, -1, 0, false, 0);
    }

    /**
     * Where a packet ended: delivered in {@code stack} after {@code hops} routers, or an ICMP error
     * from {@code errorFrom} reaching the sender at {@code failsAt} (else -1), or lost.
     */
    private record Hop(NetStack stack, int hops, long failsAt, int errorFrom, boolean net) {
        static Hop lost() {
            return new Hop(null, 0, -1, 0, false);
        }
    }

    /**
     * One packet from {@code origin}: through its loopback if the destination is its own, else
     * along routes and ARP, forwarded by namespaces whose net.ipv4.ip_forward is set (never to
     * 127.0.0.0/8, a martian), at most 63 times. A router that cannot go on reports it to the
     * sender when {@code report} (the request's path; errors about replies go to the replier).
     */
    private static Hop send(NetStack origin, int source, int destination, long now, boolean report) {
        if (origin.localDevice(destination) != null) {
            NetDevice lo = origin.loopback();
            if (!lo.up()) {
                lo.dropped(); // measured: /proc/net/dev counts it in lo's transmit drops
                return Hop.lost();
            }
            lo.transmitted(FRAME_BYTES);
            lo.received(FRAME_BYTES);
            return new Hop(origin, 0, -1, 0, false);
        }
        NetStack at = origin;
        for (int hops = 0; hops < DEFAULT_TTL; hops++) {
            Route route = at.lookup(destination);
            if (route == null) {
                return at == origin || !report ? Hop.lost() : routerError(at, origin, source, now, true, now);
            }
            NetDevice out = route.device();
            int nextHop = route.gateway() != 0 ? route.gateway() : destination;
            NetDevice endpoint = arp(out, nextHop);
            if (endpoint == null) {
                if (at.neighbours().missed(out, nextHop, now) == Neighbours.Miss.LOST) {
                    out.transmitted(FRAME_BYTES); // sent to the cached address, into the void
                    return Hop.lost();
                }
                long failsAt = at.neighbours().failsAt(out, nextHop);
                if (at == origin) {
                    return new Hop(null, 0, failsAt, source, false);
                }
                return report ? routerError(at, origin, source, now, false, failsAt) : Hop.lost();
            }
            int arpSender = at == origin ? source : at.selectSource(out, nextHop);
            at.neighbours().used(out, nextHop, endpoint.mac(), now);
            endpoint.stack().neighbours().learnt(endpoint, arpSender, out.mac(), now);
            out.transmitted(FRAME_BYTES);
            endpoint.received(FRAME_BYTES);
            NetStack next = endpoint.stack();
            if (Inet4.isLoopback(destination)) {
                return Hop.lost(); // route.c: ip_route_input_slow, a martian destination on a wire
            }
            if (next.localDevice(destination) != null) {
                return new Hop(next, hops, -1, 0, false);
            }
            if (!next.forwarding()) {
                return Hop.lost();
            }
            at = next;
        }
        return Hop.lost();
    }

    /** A router's ICMP error (net/ipv4/icmp.c: icmp_send) about {@code source}'s packet: it comes back only if the router can route it there. */
    private static Hop routerError(NetStack router, NetStack origin, int source, long now, boolean net, long at) {
        int from = source(router, source);
        if (from == 0) {
            return Hop.lost();
        }
        Hop back = send(router, from, source, now, false);
        return back.stack == origin ? new Hop(null, 0, at, from, net) : Hop.lost();
    }

    /**
     * The device that answers ARP for {@code address} on the link of {@code dev} (net/ipv4/arp.c:
     * arp_process with arp_ignore 0: any device whose namespace has the address), or null.
     */
    static NetDevice arp(NetDevice dev, int address) {
        for (NetDevice candidate : reached(dev)) {
            if (candidate.up() && candidate.stack() != null && candidate.stack().localDevice(address) != null) {
                return candidate;
            }
        }
        return null;
    }

    /** The devices that receive a frame broadcast on {@code dev}: its veth peer, or through bridges their ports' peers and the bridges themselves. */
    static List<NetDevice> reached(NetDevice dev) {
        List<NetDevice> out = new ArrayList<>();
        List<NetDevice> seen = new ArrayList<>();
        seen.add(dev);
        if (dev.carrier()) {
            transmit(dev, out, seen);
        }
        return out;
    }

    /** A frame leaves on {@code dev}: where it arrives. */
    private static void transmit(NetDevice dev, List<NetDevice> out, List<NetDevice> seen) {
        if (dev.kind() == NetDevice.Kind.VETH) {
            arrive(dev.peer(), out, seen);
        } else if (dev.kind() == NetDevice.Kind.BRIDGE) {
            for (NetDevice port : dev.ports()) {
                if (!seen.contains(port) && port.carrier()) {
                    seen.add(port);
                    transmit(port, out, seen);
                }
            }
        }
    }

    /** A frame arrives on {@code dev}: a bridge port hands it to its bridge (br_handle_frame), which floods it. */
    private static void arrive(NetDevice dev, List<NetDevice> out, List<NetDevice> seen) {
        if (dev == null || !dev.up() || seen.contains(dev)) {
            return;
        }
        seen.add(dev);
        NetDevice bridge = dev.master();
        if (bridge == null) {
            out.add(dev);
            return;
        }
        if (!bridge.up() || seen.contains(bridge)) {
            return;
        }
        seen.add(bridge);
        out.add(bridge);
        for (NetDevice port : bridge.ports()) {
            if (!seen.contains(port) && port.carrier()) {
                seen.add(port);
                transmit(port, out, seen);
            }
        }
    }
}
