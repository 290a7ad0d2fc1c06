package isolab.sim.userland.iproute2;

import isolab.sim.net.IfAddr;
import isolab.sim.net.Inet4;
import isolab.sim.net.NetlinkError;
import isolab.sim.net.RtnlDump;
import isolab.sim.userland.Proc;
import isolab.sim.userland.Usage;
import java.util.List;

/**
 * {@code ip address} (ip/ipaddress.c): show (with {@code -4}, {@code -6}, {@code -br},
 * {@code -o}), add ({@code brd +|ADDR}, {@code scope}), del and flush of IPv4 addresses. The
 * scope defaults as iproute2's default_scope does: host for 127.0.0.0/8, else global.
 */
final class IpAddress {

    private IpAddress() {
    }

    static int main(Proc p, List<String> args, Ip.Options options) {
        if (args.isEmpty()) {
            return IpShow.show(p, args, options, false);
        }
        String cmd = args.get(0);
        List<String> rest = args.subList(1, args.size());
        if (Ip.matches(cmd, "add")) {
            return modify(p, rest, options, true);
        }
        if (Ip.matches(cmd, "delete")) {
            return modify(p, rest, options, false);
        }
        if (Ip.matches(cmd, "list") || Ip.matches(cmd, "show") || Ip.matches(cmd, "lst")) {
            return IpShow.show(p, rest, options, false);
        }
        if (Ip.matches(cmd, "flush")) {
            return flush(p, rest, options);
        }
        if (Ip.matches(cmd, "change") || Ip.matches(cmd, "replace") || Ip.matches(cmd, "save")
                || Ip.matches(cmd, "showdump") || Ip.matches(cmd, "restore") || Ip.matches(cmd, "help")) {
            return Usage.notModelled(p, "address " + cmd);
        }
        p.err("Command \"" + cmd + "\" is unknown, try \"ip address help\".\n");
        return 255;
    }

    /** ipaddr_modify for add and del. */
    private static int modify(Proc p, List<String> args, Ip.Options options, boolean add) {
        String local = null;
        String dev = null;
        String brd = null;
        String scope = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (Ip.matches(a, "broadcast") || a.equals("brd")) {
                if (++i >= args.size()) {
                    return Ip.incomplete(p);
                }
                brd = args.get(i);
            } else if (a.equals("scope")) {
                if (++i >= args.size()) {
                    return Ip.incomplete(p);
                }
                scope = args.get(i);
            } else if (a.equals("dev")) {
                if (++i >= args.size()) {
                    return Ip.incomplete(p);
                }
                dev = args.get(i);
            } else if (a.equals("peer") || a.equals("remote") || Ip.matches(a, "anycast") || a.equals("label")
                    || a.equals("valid_lft") || a.equals("preferred_lft") || a.equals("metric") || a.equals("priority")
                    || a.equals("proto") || a.equals("home") || a.equals("nodad") || a.equals("optimistic")
                    || a.equals("mngtmpaddr") || a.equals("noprefixroute") || a.equals("autojoin")) {
                return Usage.notModelled(p, "address " + a);
            } else {
                if (Ip.matches(a, "local")) {
                    if (++i >= args.size()) {
                        return Ip.incomplete(p);
                    }
                    a = args.get(i);
                }
                if (local != null) {
                    p.err("Error: duplicate \"local\": \"" + a + "\" is the second value.\n");
                    return 255;
                }
                local = a;
            }
        }
        if (dev == null) {
            p.err("Not enough information: \"dev\" argument is required.\n");
            return 1;
        }
        if (local == null) {
            return Usage.notModelled(p, "address " + (add ? "add" : "del") + " without an address");
        }
        Inet4.Prefix prefix = Inet4.parsePrefix(local, 32);
        if (prefix == null) {
            p.err("Error: " + (options.family() == 4 ? "inet" : "any valid") + " prefix is expected rather than \"" + local + "\".\n");
            return 1;
        }
        if (!add && !local.contains("/")) {
            return Usage.notModelled(p, "address del without a prefix length");
        }
        int broadcast = 0;
        if (brd != null) {
            if (brd.equals("+") || brd.equals("-")) {
                broadcast = brd.equals("+") && prefix.length() < 31 ? prefix.address() | ~Inet4.mask(prefix.length()) : 0;
            } else {
                Integer b = Inet4.parse(brd);
                if (b == null) {
                    p.err("Error: " + (options.family() == 4 ? "inet" : "any valid") + " address is expected rather than \"" + brd + "\".\n");
                    return 1;
                }
                broadcast = b;
            }
        }
        IfAddr.Scope s = Inet4.isLoopback(prefix.address()) ? IfAddr.Scope.HOST : IfAddr.Scope.UNIVERSE;
        if (scope != null) {
            s = switch (scope) {
                case "global", "universe", "0" -> IfAddr.Scope.UNIVERSE;
                case "link", "253" -> IfAddr.Scope.LINK;
                case "host", "254" -> IfAddr.Scope.HOST;
                default -> null;
            };
            if (s == null) {
                return Ip.invarg(p, "invalid scope value.", scope);
            }
        }
        if (p.sys().ifNameToIndex(dev) == 0) {
            return Ip.nodev(p, dev);
        }
        try {
            if (add) {
                p.sys().rtmNewAddr(dev, prefix, broadcast, s);
            } else {
                p.sys().rtmDelAddr(dev, prefix);
            }
            return 0;
        } catch (NetlinkError e) {
            return Ip.answers(p, e);
        }
    }

    /** ipaddr_flush: every IPv4 address of the device (removing IPv6 addresses is not modelled). */
    private static int flush(Proc p, List<String> args, Ip.Options options) {
        if (args.isEmpty()) {
            p.err("Flush requires arguments.\n");
            return 1;
        }
        String dev = args.get(0).equals("dev") && args.size() > 1 ? args.get(1) : args.get(0);
        if (args.size() > (args.get(0).equals("dev") ? 2 : 1)) {
            return Usage.notModelled(p, "address flush " + String.join(" ", args));
        }
        if (p.sys().ifNameToIndex(dev) == 0) {
            p.err("Device \"" + dev + "\" does not exist.\n");
            return 1;
        }
        List<RtnlDump.Addr> addrs = p.sys().rtmGetAddrs();
        if (options.family() != 4 && addrs.stream().anyMatch(a -> a.device().equals(dev) && a.family() == 6)) {
            return Usage.notModelled(p, "address flush of IPv6 addresses");
        }
        for (RtnlDump.Addr a : addrs) {
            if (a.device().equals(dev) && a.family() == 4) {
                try {
                    p.sys().rtmDelAddr(dev, Inet4.parsePrefix(a.address() + "/" + a.prefixLength(), 32));
                } catch (NetlinkError e) {
                    // a secondary already gone with its primary
                }
            }
        }
        return 0;
    }
}
