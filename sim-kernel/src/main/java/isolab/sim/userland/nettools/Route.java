package isolab.sim.userland.nettools;

import isolab.sim.net.Inet4;
import isolab.sim.net.RtnlDump;
import isolab.sim.userland.Proc;
import isolab.sim.userland.Usage;

/**
 * /usr/sbin/route (net-tools 2.10, lib/inet_gr.c: rprint_fib): the main routing table of the
 * caller's network namespace in the old format, {@code -n} or not (without it the destination
 * 0.0.0.0 reads {@code default}); changing routes with route(8) is not modelled.
 */
public final class Route {

    /** What route prints on stdout after an unknown option. */
    private static final String USAGE =
            "Usage: route [-nNvee] [-FC] [<AF>]           List kernel routing tables\n"
            + "       route [-v] [-FC] {add|del|flush} ...  Modify routing table for AF.\n"
            + "\n"
            + "       route {-h|--help} [<AF>]              Detailed usage syntax for specified AF.\n"
            + "       route {-V|--version}                  Display version/author and exit.\n"
            + "\n"
            + "        -v, --verbose            be verbose\n"
            + "        -n, --numeric            don't resolve names\n"
            + "        -e, --extend             display other/more information\n"
            + "        -F, --fib                display Forwarding Information Base (default)\n"
            + "        -C, --cache              display routing cache instead of FIB\n"
            + "\n"
            + "  <AF>=Use -4, -6, '-A <af>' or '--<af>'; default: inet\n"
            + "  List of possible address families (which support routing):\n";

    /** The address families it then lists on stderr. */
    private static final String FAMILIES =
            "    inet (DARPA Internet) inet6 (IPv6) ax25 (AMPR AX.25) \n"
            + "    netrom (AMPR NET/ROM) rose (AMPR ROSE) ipx (Novell IPX) \n"
            + "    ddp (Appletalk DDP) x25 (CCITT X.25) \n";

    private Route() {
    }

    public static int main(Proc p) {
        boolean numeric = false;
        for (String a : p.args()) {
            if (a.equals("add") || a.equals("del") || a.equals("flush")) {
                return Usage.notModelled(p, a);
            }
            if (!a.startsWith("-")) {
                return Usage.notModelled(p, a);
            }
            for (char c : a.substring(1).toCharArray()) {
                if (c == 'n') {
                    numeric = true;
                } else if (c == '4' || c == 'v' || c == 'F') {
                    continue;
                } else if ("eC6ANh-V".indexOf(c) >= 0) {
                    return Usage.notModelled(p, a);
                } else {
                    p.err("route: invalid option -- '" + c + "'\n");
                    p.out(USAGE);
                    p.flush();
                    p.err(FAMILIES);
                    return 0;
                }
            }
        }
        StringBuilder s = new StringBuilder("Kernel IP routing table\n"
                + "Destination     Gateway         Genmask         Flags Metric Ref    Use Iface\n");
        for (RtnlDump.RouteMsg r : p.sys().rtmGetRoutes()) {
            String dst = r.destination();
            int len = 32;
            String net = dst;
            if (dst.equals("default")) {
                len = 0;
                net = numeric ? "0.0.0.0" : "default";
            } else if (dst.contains("/")) {
                len = Integer.parseInt(dst.substring(dst.indexOf('/') + 1));
                net = dst.substring(0, dst.indexOf('/'));
            }
            String flags = "U" + (r.gateway() != null ? "G" : "") + (len == 32 ? "H" : "");
            s.append(String.format("%-15s %-15s %-15s %-5s %-6d %-2d %7d %s%n", net,
                    r.gateway() == null ? "0.0.0.0" : r.gateway(), Inet4.format(Inet4.mask(len)), flags, 0, 0, 0, r.device()));
        }
        p.out(s.toString());
        return 0;
    }
}
