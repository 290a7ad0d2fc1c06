package isolab.sim.net;

import java.util.ArrayList;
import java.util.List;

/**
 * ICMP echo between namespaces, by following the model's links (net/ipv4/icmp.c: icmp_echo,
 * ip_output and the neighbour layer): the route out of the sender, ARP for the next hop across
 * veth pairs and bridges, delivery in the namespace that owns the destination, and the reply
 * routed back the same way. A packet to one of the sender's own addresses goes through its
 * loopback device, which must be up. Namespaces do not forward (net.ipv4.ip_forward is 0 in a
 * new namespace and is not modelled), so only directly attached addresses answer. Each
 * namespace's {@link Neighbours} remembers who answered ARP.
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

    /** What came of one request, and for UNREACHABLE, when the error arrives (the neighbour's resolution fails). */
    public record Result(Outcome outcome, long errorAtTicks) {
    }

    /** Sends one echo request from {@code source} in {@code stack} to {@code destination} at {@code now}, and says what came of it. */
    public static Result echo(NetStack stack, int source, int destination, long now) {
        Hop there = deliver(stack, source, destination, now);
        if (there.failsAt >= 0) {
            return new Result(Outcome.UNREACHABLE, there.failsAt);
        }
        if (there.stack == null) {
            return new Result(Outcome.LOST, -1);
        }
        Hop back = deliver(there.stack, destination, source, now);
        return new Result(back.stack == stack ? Outcome.REPLY : Outcome.LOST, -1);
    }

    /** Where a packet was delivered locally (null: nowhere), or when its next hop's resolution fails (else -1). */
    private record Hop(NetStack stack, long failsAt) {
    }

    private static Hop deliver(NetStack stack, int source, int destination, long now) {
        if (stack.localDevice(destination) != null) {
            NetDevice lo = stack.loopback();
            if (!lo.up()) {
                return new Hop(null, -1);
            }
            lo.transmitted(FRAME_BYTES);
            lo.received(FRAME_BYTES);
            return new Hop(stack, -1);
        }
        Route route = stack.lookup(destination);
        if (route == null) {
            return new Hop(null, -1);
        }
        NetDevice out = route.device();
        int nextHop = route.gateway() != 0 ? route.gateway() : destination;
        NetDevice endpoint = arp(out, nextHop);
        if (endpoint == null) {
            if (stack.neighbours().missed(out, nextHop, now) == Neighbours.Miss.LOST) {
                out.transmitted(FRAME_BYTES); // sent to the cached address, into the void
                return new Hop(null, -1);
            }
            return new Hop(null, stack.neighbours().failsAt(out, nextHop));
        }
        stack.neighbours().used(out, nextHop, endpoint.mac(), now);
        endpoint.stack().neighbours().learnt(endpoint, source, out.mac(), now);
        out.transmitted(FRAME_BYTES);
        endpoint.received(FRAME_BYTES);
        NetStack there = endpoint.stack();
        return new Hop(there.localDevice(destination) != null ? there : null, -1);
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
