package isolab.sim.net;

/**
 * A route of the main table (net/ipv4/fib_semantics.c: struct fib_info with one nexthop):
 * destination prefix, the device and gateway (0: on-link), who added it ({@code proto kernel} for
 * the connected routes an address brings, {@code boot} for {@code ip route add}), scope, and
 * preferred source (0: none).
 */
public record Route(int destination, int prefixLength, NetDevice device, int gateway, boolean kernel,
        IfAddr.Scope scope, int source) {

    /** Whether {@code address} is inside the destination prefix. */
    public boolean covers(int address) {
        return new Inet4.Prefix(destination, prefixLength).contains(address);
    }

    /** The destination as {@code ip route} prints it: {@code default} or {@code 10.0.0.0/24}. */
    public String shownDestination() {
        if (prefixLength == 0) {
            return "default";
        }
        return prefixLength == 32 ? Inet4.format(destination) : Inet4.format(destination) + "/" + prefixLength;
    }
}
