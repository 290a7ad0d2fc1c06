package isolab.sim.userland.iproute2;

import isolab.sim.net.NetDevice;
import isolab.sim.net.RtnlDump;
import isolab.sim.userland.Proc;
import java.util.ArrayList;
import java.util.List;

/**
 * The listing {@code ip link show} and {@code ip address show} share (ip/ipaddress.c:
 * ipaddr_list_flush_or_save, print_linkinfo, print_addrinfo): filters, then one block per link
 * with its addresses, in the normal, brief ({@code -br}) and one-line ({@code -o}) forms.
 */
final class IpShow {

    /** What to list: a device, devices that are up, ports of a master, devices of a kind. */
    record Filter(String device, boolean up, String master, String kind) {
    }

    private IpShow() {
    }

    /** {@code ip link show} ({@code linkOnly}) or {@code ip address show} with the selectors in {@code args}. */
    static int show(Proc p, List<String> args, Ip.Options options, boolean linkOnly) {
        int[] status = {0};
        Filter filter = parse(p, args, status);
        if (filter == null) {
            return status[0];
        }
        list(p, filter, options, linkOnly);
        return 0;
    }

    /** Parses the selectors of {@code ip link show} / {@code ip addr show}; null after printing an error. */
    static Filter parse(Proc p, List<String> args, int[] status) {
        String device = null;
        boolean up = false;
        String master = null;
        String kind = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("up")) {
                up = true;
            } else if (a.equals("master") || a.equals("type")) {
                if (++i >= args.size()) {
                    status[0] = Ip.incomplete(p);
                    return null;
                }
                if (a.equals("master")) {
                    if (p.sys().ifNameToIndex(args.get(i)) == 0) {
                        status[0] = Ip.invarg(p, "Device does not exist\n", args.get(i));
                        return null;
                    }
                    master = args.get(i);
                } else {
                    kind = args.get(i);
                }
            } else if (a.equals("down") || a.equals("scope") || a.equals("to") || a.equals("label") || a.equals("group")
                    || a.equals("vrf") || a.equals("nomaster") || a.equals("proto") || a.equals("novf")
                    || a.equals("permanent") || a.equals("dynamic") || a.equals("secondary") || a.equals("primary")
                    || a.equals("tentative") || a.equals("-tentative") || a.equals("deprecated") || a.equals("dadfailed")
                    || a.equals("temporary")) {
                status[0] = isolab.sim.userland.Usage.notModelled(p, "show " + a);
                return null;
            } else {
                if (a.equals("dev")) {
                    if (++i >= args.size()) {
                        status[0] = Ip.incomplete(p);
                        return null;
                    }
                    a = args.get(i);
                } else if (Ip.matches(a, "help")) {
                    status[0] = isolab.sim.userland.Usage.notModelled(p, "help");
                    return null;
                }
                if (device != null) {
                    p.err("Error: either \"dev\" is duplicate, or \"" + a + "\" is a garbage.\n");
                    status[0] = 255;
                    return null;
                }
                device = a;
            }
        }
        if (device != null && p.sys().ifNameToIndex(device) == 0) {
            p.err("Device \"" + device + "\" does not exist.\n");
            status[0] = 1;
            return null;
        }
        return new Filter(device, up, master, kind);
    }

    /** Prints the links (and for {@code ip addr}, their addresses) that pass {@code filter}. */
    static void list(Proc p, Filter filter, Ip.Options options, boolean linkOnly) {
        int family = linkOnly ? -1 : options.family();
        List<RtnlDump.Link> links = p.sys().rtmGetLinks();
        List<RtnlDump.Addr> addrs = family == -1 ? List.of() : p.sys().rtmGetAddrs();
        for (RtnlDump.Link l : links) {
            if (!selected(l, filter, links)) {
                continue;
            }
            List<RtnlDump.Addr> mine = new ArrayList<>();
            boolean hasAny = false;
            for (RtnlDump.Addr a : addrs) {
                if (a.ifindex() == l.ifindex()) {
                    hasAny = true;
                    if (family == 0 || a.family() == family) {
                        mine.add(a);
                    }
                }
            }
            if (family != -1 && mine.isEmpty() && (hasAny || family != 0)) {
                continue; // ipaddr_filter: a link without an address of the asked family
            }
            if (options.brief()) {
                p.out(brief(p, l, mine, family));
            } else {
                if (!options.oneline() || family == -1) {
                    p.out(link(p, l, family, linkOnly, options.oneline()));
                }
                for (RtnlDump.Addr a : mine) {
                    p.out(address(l, a, options.oneline()));
                }
                if (options.stats() && !options.oneline()) {
                    p.out(stats(l));
                }
            }
        }
    }

    private static boolean selected(RtnlDump.Link l, Filter f, List<RtnlDump.Link> links) {
        if (f.device() != null && !l.name().equals(f.device())) {
            return false;
        }
        if (f.up() && (l.flags() & NetDevice.IFF_UP) == 0) {
            return false;
        }
        if (f.master() != null && !f.master().equals(l.master())) {
            return false;
        }
        return f.kind() == null || f.kind().equals(kindName(l.kind()));
    }

    /** The IFLA_INFO_KIND of a link; the loopback has none. */
    private static String kindName(NetDevice.Kind kind) {
        return switch (kind) {
            case LOOPBACK -> "";
            case VETH -> "veth";
            case BRIDGE -> "bridge";
        };
    }

    /** print_name_and_link: {@code name@peer} in the same namespace, {@code name@ifN} across. */
    private static String nameAndLink(RtnlDump.Link l) {
        if (l.link() == 0) {
            return l.name();
        }
        return l.name() + "@" + (l.linkName() != null ? l.linkName() : "if" + l.link());
    }

    /** print_link_flags. */
    static String flags(RtnlDump.Link l) {
        int f = l.flags();
        List<String> names = new ArrayList<>();
        if ((f & NetDevice.IFF_UP) != 0 && (f & NetDevice.IFF_RUNNING) == 0) {
            names.add("NO-CARRIER");
        }
        if ((f & NetDevice.IFF_LOOPBACK) != 0) {
            names.add("LOOPBACK");
        }
        if ((f & NetDevice.IFF_BROADCAST) != 0) {
            names.add("BROADCAST");
        }
        if ((f & NetDevice.IFF_MULTICAST) != 0) {
            names.add("MULTICAST");
        }
        if ((f & NetDevice.IFF_UP) != 0) {
            names.add("UP");
        }
        if ((f & NetDevice.IFF_LOWER_UP) != 0) {
            names.add("LOWER_UP");
        }
        return "<" + String.join(",", names) + (l.linkDown() ? ",M-DOWN" : "") + ">";
    }

    private static String link(Proc p, RtnlDump.Link l, int family, boolean linkOnly, boolean oneline) {
        StringBuilder s = new StringBuilder();
        s.append(l.ifindex()).append(": ").append(nameAndLink(l)).append(": ").append(flags(l)).append(' ');
        // an AF_INET6 link dump carries neither IFLA_QDISC nor IFLA_GROUP (measured: ip -6 addr)
        s.append("mtu ").append(l.mtu()).append(' ');
        if (family != 6) {
            s.append("qdisc ").append(l.qdisc()).append(' ');
        }
        if (l.master() != null) {
            s.append("master ").append(l.master()).append(' ');
        }
        s.append("state ").append(l.operstate()).append(' ');
        if (linkOnly) {
            s.append("mode DEFAULT ");
        }
        s.append(family == 6 ? "qlen 1000" : "group default qlen 1000");
        if (family == 0 || family == -1) {
            s.append(oneline ? "\\" : "\n");
            s.append("    link/").append(l.loopback() ? "loopback " : "ether ").append(l.mac())
                    .append(l.loopback() ? " brd 00:00:00:00:00:00" : " brd ff:ff:ff:ff:ff:ff");
        }
        if (l.linkNetnsid() >= 0) {
            String name = IpNetns.nameOf(p.sys(), l.linkNetnsid());
            s.append(name != null ? " link-netns " + name : " link-netnsid " + l.linkNetnsid());
        }
        return s.append('\n').toString();
    }

    private static String address(RtnlDump.Link l, RtnlDump.Addr a, boolean oneline) {
        StringBuilder s = new StringBuilder();
        if (oneline) {
            s.append(l.ifindex()).append(": ").append(l.name());
        }
        s.append(a.family() == 4 ? "    inet " : "    inet6 ").append(a.address()).append('/').append(a.prefixLength()).append(' ');
        if (a.broadcast() != null) {
            s.append("brd ").append(a.broadcast()).append(' ');
        }
        s.append("scope ").append(a.scope()).append(' ');
        if (a.secondary()) {
            s.append("secondary ");
        }
        if (a.tentative()) {
            s.append("tentative ");
        }
        if (a.family() == 4) {
            s.append(a.device());
        }
        s.append(oneline ? "\\" : "\n").append("       valid_lft forever preferred_lft forever\n");
        return s.toString();
    }

    /** print_stats64 with one {@code -s}: RX and TX counters in columns as wide as their widest entry. */
    static String stats(RtnlDump.Link l) {
        int[] cols = {10, 7, 6, 7, 7, 7, 10};
        long[][] values = {{l.rxBytes(), l.rxPackets(), 0, 0, 0, 0}, {l.txBytes(), l.txPackets(), 0, l.txDropped(), 0, 0}};
        for (long[] row : values) {
            for (int c = 0; c < row.length; c++) {
                cols[c] = Math.max(cols[c], String.valueOf(row[c]).length());
            }
        }
        StringBuilder s = new StringBuilder();
        String[][] heads = {{"RX:", "bytes", "packets", "errors", "dropped", "missed", "mcast"},
            {"TX:", "bytes", "packets", "errors", "dropped", "carrier", "collsns"}};
        for (int r = 0; r < 2; r++) {
            s.append("    ").append(heads[r][0]).append(' ').append(String.format("%" + (cols[0] - 4) + "s", heads[r][1]));
            for (int c = 1; c < 6; c++) {
                s.append(' ').append(String.format("%" + cols[c] + "s", heads[r][c + 1]));
            }
            s.append(' ').append(" ".repeat(cols[6])).append('\n').append("    ");
            for (int c = 0; c < 6; c++) {
                s.append(String.format("%" + cols[c] + "d ", values[r][c]));
            }
            s.append('\n');
        }
        return s.toString();
    }

    /** print_linkinfo_brief and the brief address list. */
    private static String brief(Proc p, RtnlDump.Link l, List<RtnlDump.Addr> addrs, int family) {
        StringBuilder s = new StringBuilder();
        s.append(pad(nameAndLink(l), 16)).append(' ').append(pad(l.operstate(), 14)).append(' ');
        if (family == -1) {
            s.append(l.mac()).append(' ').append(flags(l)).append(' ');
        }
        for (RtnlDump.Addr a : addrs) {
            s.append(a.address()).append('/').append(a.prefixLength()).append(' ');
        }
        return s.append('\n').toString();
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
