package isolab.sim.userland.nettools;

import isolab.sim.net.NetDevice;
import isolab.sim.net.NetlinkError;
import isolab.sim.net.RtnlDump;
import isolab.sim.syscall.Syscalls;
import isolab.sim.userland.Proc;
import isolab.sim.userland.Usage;
import java.util.ArrayList;
import java.util.List;

/**
 * /usr/sbin/ifconfig (net-tools 2.10, lib/interface.c: ife_print_long): the devices of the
 * caller's network namespace sorted by name (plain {@code ifconfig} only those that are up),
 * one device by name, {@code -s} for the short table, and {@code ifconfig DEV up|down}.
 */
public final class Ifconfig {

    /** net-tools' flag names, in the order ife_print_long prints them. */
    private static final int[] FLAG_BITS = {NetDevice.IFF_UP, NetDevice.IFF_BROADCAST, NetDevice.IFF_LOOPBACK,
        NetDevice.IFF_RUNNING, NetDevice.IFF_MULTICAST};
    private static final String[] FLAG_NAMES = {"UP", "BROADCAST", "LOOPBACK", "RUNNING", "MULTICAST"};

    private Ifconfig() {
    }

    public static int main(Proc p) {
        List<String> args = p.args();
        boolean all = false;
        boolean shortForm = false;
        int i = 0;
        while (i < args.size() && args.get(i).startsWith("-")) {
            switch (args.get(i)) {
                case "-a" -> all = true;
                case "-s" -> shortForm = true;
                case "-v" -> {
                }
                default -> {
                    p.err("ifconfig: option `" + args.get(i) + "' not recognised.\nifconfig: `--help' gives usage information.\n");
                    return 1;
                }
            }
            i++;
        }
        List<String> rest = args.subList(i, args.size());
        List<RtnlDump.Link> links = sorted(p.sys().rtmGetLinks());
        List<RtnlDump.Addr> addrs = p.sys().rtmGetAddrs();
        if (rest.isEmpty()) {
            if (shortForm) {
                p.out("Iface      MTU    RX-OK RX-ERR RX-DRP RX-OVR    TX-OK TX-ERR TX-DRP TX-OVR Flg\n");
            }
            for (RtnlDump.Link l : links) {
                if (all || (l.flags() & NetDevice.IFF_UP) != 0) {
                    p.out(shortForm ? shortLine(l) : long_(l, addrs));
                }
            }
            return 0;
        }
        String name = rest.get(0);
        RtnlDump.Link link = links.stream().filter(l -> l.name().equals(name)).findFirst().orElse(null);
        if (rest.size() == 1) {
            if (link == null) {
                p.err(name + ": error fetching interface information: Device not found\n");
                return 1;
            }
            if (shortForm) {
                p.out("Iface      MTU    RX-OK RX-ERR RX-DRP RX-OVR    TX-OK TX-ERR TX-DRP TX-OVR Flg\n" + shortLine(link));
            } else {
                p.out(long_(link, addrs));
            }
            return 0;
        }
        if (rest.size() == 2 && (rest.get(1).equals("up") || rest.get(1).equals("down"))) {
            if (link == null) {
                p.err("SIOCGIFFLAGS: No such device\n");
                return 255;
            }
            try {
                p.sys().rtmSetLink(name, new Syscalls.LinkChange(-1, -1, null, null, null, rest.get(1).equals("up")));
                return 0;
            } catch (NetlinkError e) {
                p.err("SIOCSIFFLAGS: " + e.errno().strerror() + "\n");
                return 255;
            }
        }
        return Usage.notModelled(p, String.join(" ", rest.subList(1, rest.size())));
    }

    /** net-tools sorts interfaces by name, digits compared as numbers (nstrcmp). */
    private static List<RtnlDump.Link> sorted(List<RtnlDump.Link> links) {
        List<RtnlDump.Link> copy = new ArrayList<>(links);
        copy.sort((a, b) -> nstrcmp(a.name(), b.name()));
        return copy;
    }

    static int nstrcmp(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char x = a.charAt(i);
            char y = b.charAt(j);
            if (Character.isDigit(x) && Character.isDigit(y)) {
                int ei = i;
                while (ei < a.length() && Character.isDigit(a.charAt(ei))) {
                    ei++;
                }
                int ej = j;
                while (ej < b.length() && Character.isDigit(b.charAt(ej))) {
                    ej++;
                }
                int c = new java.math.BigInteger(a.substring(i, ei)).compareTo(new java.math.BigInteger(b.substring(j, ej)));
                if (c != 0) {
                    return c;
                }
                i = ei;
                j = ej;
            } else {
                if (x != y) {
                    return Character.compare(x, y);
                }
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /** ife_print_long. */
    private static String long_(RtnlDump.Link l, List<RtnlDump.Addr> addrs) {
        int flags = l.flags() & 0xffff;
        List<String> names = new ArrayList<>();
        for (int k = 0; k < FLAG_BITS.length; k++) {
            if ((flags & FLAG_BITS[k]) != 0) {
                names.add(FLAG_NAMES[k]);
            }
        }
        StringBuilder s = new StringBuilder();
        s.append(l.name()).append(": flags=").append(flags).append('<').append(String.join(",", names)).append(">  mtu ")
                .append(l.mtu()).append('\n');
        RtnlDump.Addr primary = addrs.stream().filter(a -> a.ifindex() == l.ifindex() && a.family() == 4 && !a.secondary())
                .findFirst().orElse(null);
        if (primary != null) {
            s.append("        inet ").append(primary.address()).append("  netmask ").append(netmask(primary.prefixLength()));
            if ((flags & NetDevice.IFF_BROADCAST) != 0) {
                s.append("  broadcast ").append(primary.broadcast() == null ? "0.0.0.0" : primary.broadcast());
            }
            s.append('\n');
        }
        for (RtnlDump.Addr a : addrs) {
            if (a.ifindex() == l.ifindex() && a.family() == 6) {
                String scope = switch (a.scope()) {
                    case "host" -> "0x10<host>";
                    case "link" -> "0x20<link>";
                    default -> "0x0<global>";
                };
                s.append("        inet6 ").append(a.address()).append("  prefixlen ").append(a.prefixLength())
                        .append("  scopeid ").append(scope).append('\n');
            }
        }
        if (l.loopback()) {
            s.append("        loop  txqueuelen 1000  (Local Loopback)\n");
        } else {
            s.append("        ether ").append(l.mac()).append("  txqueuelen 1000  (Ethernet)\n");
        }
        s.append("        RX packets ").append(l.rxPackets()).append("  bytes ").append(l.rxBytes()).append(" (")
                .append(scaled(l.rxBytes())).append(")\n");
        s.append("        RX errors 0  dropped 0  overruns 0  frame 0\n");
        s.append("        TX packets ").append(l.txPackets()).append("  bytes ").append(l.txBytes()).append(" (")
                .append(scaled(l.txBytes())).append(")\n");
        s.append("        TX errors 0  dropped ").append(l.txDropped()).append(" overruns 0  carrier 0  collisions 0\n\n");
        return s.toString();
    }

    /** The short table's line (ife_print_short): flags as letters B, L, M, O (noarp), R, U. */
    private static String shortLine(RtnlDump.Link l) {
        int f = l.flags();
        StringBuilder flg = new StringBuilder();
        if ((f & NetDevice.IFF_BROADCAST) != 0) {
            flg.append('B');
        }
        if ((f & NetDevice.IFF_LOOPBACK) != 0) {
            flg.append('L');
        }
        if ((f & NetDevice.IFF_MULTICAST) != 0) {
            flg.append('M');
        }
        if ((f & NetDevice.IFF_RUNNING) != 0) {
            flg.append('R');
        }
        if ((f & NetDevice.IFF_UP) != 0) {
            flg.append('U');
        }
        return String.format("%-15s %5d %8d %6d %6d %-6d %8d %6d %6d %6d %s%n", l.name(), l.mtu(), l.rxPackets(), 0, 0, 0,
                l.txPackets(), 0, l.txDropped(), 0, flg);
    }

    private static String netmask(int prefixLength) {
        return isolab.sim.net.Inet4.format(isolab.sim.net.Inet4.mask(prefixLength));
    }

    /** The bytes in binary units with one truncated decimal, as net-tools prints them. */
    public static String scaled(long bytes) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        long[] limits = {1, 1024, 1048576, 1073741824L, 1099511627776L};
        int u = 0;
        for (int k = limits.length - 1; k > 0; k--) {
            if (bytes > limits[k]) {
                u = k;
                break;
            }
        }
        long tenths = bytes * 10 / limits[u];
        return tenths / 10 + "." + tenths % 10 + " " + units[u];
    }
}
