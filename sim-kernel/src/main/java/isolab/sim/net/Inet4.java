package isolab.sim.net;

/**
 * IPv4 addresses as {@code int}s in host order, read as inet_pton(3) reads them (four decimal
 * parts) and printed as inet_ntop(3) prints them.
 */
public final class Inet4 {

    private Inet4() {
    }

    /** An address with a prefix length, as {@code 10.0.0.1/24}. */
    public record Prefix(int address, int length) {

        /** The network part of the address. */
        public int network() {
            return address & mask(length);
        }

        /** Whether {@code other} lies inside this prefix. */
        public boolean contains(int other) {
            return (other & mask(length)) == network();
        }

        @Override
        public String toString() {
            return format(address) + "/" + length;
        }
    }

    /** The address in {@code text}, or null if it is not four decimal parts of 0..255. */
    public static Integer parse(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        int value = 0;
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)) {
                return null;
            }
            int octet = Integer.parseInt(part);
            if (octet > 255) {
                return null;
            }
            value = value << 8 | octet;
        }
        return value;
    }

    /** {@code ADDR[/LEN]} (no length: {@code whole}), or null if either part is invalid. */
    public static Prefix parsePrefix(String text, int whole) {
        int slash = text.indexOf('/');
        Integer address = parse(slash < 0 ? text : text.substring(0, slash));
        if (address == null) {
            return null;
        }
        if (slash < 0) {
            return new Prefix(address, whole);
        }
        String len = text.substring(slash + 1);
        if (len.isEmpty() || len.length() > 2 || !len.chars().allMatch(Character::isDigit)) {
            return null;
        }
        int length = Integer.parseInt(len);
        return length > 32 ? null : new Prefix(address, length);
    }

    /** The dotted-quad text of {@code address}. */
    public static String format(int address) {
        return (address >>> 24) + "." + (address >>> 16 & 0xff) + "." + (address >>> 8 & 0xff) + "." + (address & 0xff);
    }

    /** The netmask of a prefix length. */
    public static int mask(int length) {
        return length == 0 ? 0 : -1 << (32 - length);
    }

    /** Whether {@code address} is in 127.0.0.0/8. */
    public static boolean isLoopback(int address) {
        return address >>> 24 == 127;
    }
}
