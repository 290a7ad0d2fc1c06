package isolab.sim.userland.iproute2;

import isolab.sim.net.Inet4;
import isolab.sim.net.NetlinkError;
import isolab.sim.net.RtnlDump;
import isolab.sim.userland.Proc;
import isolab.sim.userland.Usage;
import java.util.List;

/**
 * {@code ip route} (ip/iproute.c): show the main table (or {@code table local}), filtered by
 * {@code dev} or a destination; add and del of routes with {@code via} and/or {@code dev}.
 */
final class IpRoute {

    private IpRoute() {
    }

    static int main(Proc p, List<String> args, Ip.Options options) {
        if (options.family() == 6) {
            return Usage.notModelled(p, "-6 route");
        }
        if (args.isEmpty()) {
            return show(p, args);
        }
        String cmd = args.get(0);
        List<String> rest = args.subList(1, args.size());
        if (Ip.matches(cmd, "add")) {
            return modify(p, rest, true);
        }
        if (Ip.matches(cmd, "delete")) {
            return modify(p, rest, false);
        }
        if (Ip.matches(cmd, "list") || Ip.matches(cmd, "show") || Ip.matches(cmd, "lst")) {
            return show(p, rest);
        }
        if (Ip.matches(cmd, "get")) {
            return get(p, rest);
        }
        if (Ip.matches(cmd, "change") || Ip.matches(cmd, "replace") || Ip.matches(cmd, "prepend") || Ip.matches(cmd, "append")
                || Ip.matches(cmd, "test") || Ip.matches(cmd, "flush") || Ip.matches(cmd, "save")
                || Ip.matches(cmd, "restore") || Ip.matches(cmd, "showdump") || Ip.matches(cmd, "help")) {
            return Usage.notModelled(p, "route " + cmd);
        }
        p.err("Command \"" + cmd + "\" is unknown, try \"ip route help\".\n");
        return 255;
    }

    private static int show(Proc p, List<String> args) {
        String dev = null;
        String table = "main";
        Inet4.Prefix match = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("dev") || a.equals("oif") || a.equals("table")) {
                if (++i >= args.size()) {
                    return Ip.incomplete(p);
                }
                if (a.equals("table")) {
                    table = args.get(i);
                } else {
                    dev = args.get(i);
                }
            } else if (a.equals("default") || Inet4.parsePrefix(a, 32) != null) {
                match = a.equals("default") ? new Inet4.Prefix(0, 0) : Inet4.parsePrefix(a, 32);
            } else {
                return Usage.notModelled(p, "route show " + a);
            }
        }
        if (dev != null && p.sys().ifNameToIndex(dev) == 0) {
            p.err("Cannot find device \"" + dev + "\"\n");
            return 1;
        }
        if (table.equals("local") || table.equals("255")) {
            if (dev != null || match != null) {
                return Usage.notModelled(p, "route show table local with selectors");
            }
            for (String line : p.sys().rtmGetLocalRoutes()) {
                p.out(line + " \n");
            }
            return 0;
        }
        if (table.equals("254")) {
            table = "main";
        }
        if (!table.equals("main")) {
            if (table.equals("all") || table.equals("0") || table.equals("unspec")) {
                return Usage.notModelled(p, "route table " + table);
            }
            if (!table.equals("default") && !table.matches("\\d{1,10}")) {
                p.err("Error: argument \"" + table + "\" is wrong: table id value is invalid\n\n");
                return 255;
            }
            return 0; // a table the model never fills is empty
        }
        for (RtnlDump.RouteMsg r : p.sys().rtmGetRoutes()) {
            if (dev != null && !dev.equals(r.device())) {
                continue;
            }
            if (match != null && !r.destination().equals(match.length() == 0 ? "default"
                    : match.length() == 32 ? Inet4.format(match.address()) : match.toString())) {
                continue;
            }
            p.out(line(r, dev != null) + "\n");
        }
        return 0;
    }

    /** print_route: {@code DST [via GW] [dev DEV] [proto kernel] [scope S] [src A] [linkdown]}, each word followed by a space. */
    private static String line(RtnlDump.RouteMsg r, boolean devFiltered) {
        StringBuilder s = new StringBuilder(r.destination()).append(' ');
        if (r.gateway() != null) {
            s.append("via ").append(r.gateway()).append(' ');
        }
        if (!devFiltered) {
            s.append("dev ").append(r.device()).append(' ');
        }
        if (r.kernel()) {
            s.append("proto kernel ");
        }
        if (r.scope() != null) {
            s.append("scope ").append(r.scope()).append(' ');
        }
        if (r.source() != null) {
            s.append("src ").append(r.source()).append(' ');
        }
        if (r.linkDown()) {
            s.append("linkdown ");
        }
        return s.toString();
    }

    /** iproute_get for one address: {@code DST [via GW] dev DEV src SRC uid UID}, then its cache line. */
    private static int get(Proc p, List<String> args) {
        if (args.size() != 1 && !(args.size() == 2 && args.get(0).equals("to"))) {
            return Usage.notModelled(p, "route get " + String.join(" ", args));
        }
        String dst = args.get(args.size() - 1);
        Inet4.Prefix prefix = Inet4.parsePrefix(dst, 32);
        if (prefix == null) {
            p.err("Error: any valid prefix is expected rather than \"" + dst + "\".\n");
            return 1;
        }
        try {
            RtnlDump.RouteGet r = p.sys().rtmGetRoute(prefix.address());
            StringBuilder s = new StringBuilder(r.local() ? "local " : "").append(r.destination()).append(' ');
            if (r.gateway() != null) {
                s.append("via ").append(r.gateway()).append(' ');
            }
            s.append("dev ").append(r.device()).append(" src ").append(r.source()).append(" uid ").append(p.sys().getuid())
                    .append(" \n    cache ").append(r.local() ? "<local> " : "").append('\n');
            p.out(s.toString());
            return 0;
        } catch (NetlinkError e) {
            return Ip.answers(p, e);
        }
    }

    /** iproute_modify for add and del, with {@code via}, {@code dev} and a destination. */
    private static int modify(Proc p, List<String> args, boolean add) {
        String via = null;
        String dev = null;
        String dst = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("via") || a.equals("dev") || a.equals("oif")) {
                if (++i >= args.size()) {
                    return Ip.incomplete(p);
                }
                if (a.equals("via")) {
                    via = args.get(i);
                } else {
                    dev = args.get(i);
                }
            } else if (a.equals("to")) {
                if (++i >= args.size()) {
                    return Ip.incomplete(p);
                }
                dst = args.get(i);
            } else if (dst == null && !a.equals("src") && !a.equals("metric") && !a.equals("table") && !a.equals("proto")
                    && !a.equals("scope") && !a.equals("type") && !a.equals("mtu") && !a.equals("onlink")
                    && !a.equals("nexthop") && !a.equals("encap") && !a.equals("realm") && !a.equals("from")) {
                dst = a;
            } else {
                return Usage.notModelled(p, "route " + a);
            }
        }
        if (dst == null) {
            return Usage.notModelled(p, "route " + (add ? "add" : "del") + " without a destination");
        }
        Inet4.Prefix prefix = dst.equals("default") || dst.equals("all") || dst.equals("any") ? new Inet4.Prefix(0, 0)
                : Inet4.parsePrefix(dst, 32);
        if (prefix == null) {
            p.err("Error: any valid prefix is expected rather than \"" + dst + "\".\n");
            return 1;
        }
        int gateway = 0;
        if (via != null) {
            Integer g = Inet4.parse(via);
            if (g == null) {
                p.err("Error: any valid address is expected rather than \"" + via + "\".\n");
                return 1;
            }
            gateway = g;
        }
        if (add && via == null && dev == null) {
            return Usage.notModelled(p, "route add without via or dev");
        }
        if (dev != null && p.sys().ifNameToIndex(dev) == 0) {
            return Ip.nodev(p, dev);
        }
        try {
            if (add) {
                p.sys().rtmNewRoute(prefix, gateway, dev);
            } else {
                p.sys().rtmDelRoute(prefix, gateway, dev);
            }
            return 0;
        } catch (NetlinkError e) {
            return Ip.answers(p, e);
        }
    }
}
