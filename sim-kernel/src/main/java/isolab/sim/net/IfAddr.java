package isolab.sim.net;

/**
 * An IPv4 address of a device (include/linux/inetdevice.h: struct in_ifaddr): the address and
 * prefix length, the broadcast address if one was given (0 when none), the scope, and whether
 * it is a secondary address (another address of the device already covers its subnet).
 */
public record IfAddr(int address, int prefixLength, int broadcast, Scope scope, boolean secondary) {

    /** Route and address scopes (include/uapi/linux/rtnetlink.h: rt_scope_t), as iproute2 names them. */
    public enum Scope {
        UNIVERSE("global"), LINK("link"), HOST("host");

        private final String shown;

        Scope(String shown) {
            this.shown = shown;
        }

        /** The name iproute2 prints ({@code scope global}). */
        public String shown() {
            return shown;
        }
    }

    /** The address and its subnet as one prefix. */
    public Inet4.Prefix prefix() {
        return new Inet4.Prefix(address, prefixLength);
    }

    /** Whether {@code other} is in this address's subnet. */
    public boolean sameSubnet(int other) {
        return prefix().contains(other);
    }

    /** The subnet's broadcast address (all host bits set); none for /31 and /32. */
    public int subnetBroadcast() {
        return prefixLength >= 31 ? 0 : address | ~Inet4.mask(prefixLength);
    }
}
