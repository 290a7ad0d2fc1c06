package isolab.sim.userland.iproute2;

import isolab.sim.net.Inet4;
import isolab.sim.net.Neighbours;
import isolab.sim.userland.Proc;
import isolab.sim.userland.Usage;
import java.util.List;

/**
 * {@code ip neigh} (ip/ipneigh.c): the ARP cache of the caller's namespace, newest entry first,
 * as {@code ADDR dev DEV [lladdr MAC] STATE} ({@code dev} left out when filtering by device).
 * Adding, deleting and flushing entries are not modelled.
 */
final class IpNeigh {

    private IpNeigh() {
    }

    static int main(Proc p, List<String> args, Ip.Options options) {
        if (options.family() == 6) {
            return 0; // no IPv6 neighbours are modelled, and none appear without IPv6 traffic
        }
        int i = 0;
        if (!args.isEmpty()) {
            String cmd = args.get(0);
            if (Ip.matches(cmd, "show") || Ip.matches(cmd, "list") || Ip.matches(cmd, "lst")) {
                i = 1;
            } else if (Ip.matches(cmd, "add") || Ip.matches(cmd, "delete") || Ip.matches(cmd, "change")
                    || Ip.matches(cmd, "replace") || Ip.matches(cmd, "flush") || Ip.matches(cmd, "get") || Ip.matches(cmd, "help")) {
                return Usage.notModelled(p, "neigh " + cmd);
            } else {
                p.err("Command \"" + cmd + "\" is unknown, try \"ip neigh help\".\n");
                return 255;
            }
        }
        String dev = null;
        String address = null;
        for (; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("dev")) {
                if (++i >= args.size()) {
                    return Ip.incomplete(p);
                }
                dev = args.get(i);
            } else if (Inet4.parse(a) != null && address == null) {
                address = Inet4.format(Inet4.parse(a));
            } else {
                return Usage.notModelled(p, "neigh show " + a);
            }
        }
        if (dev != null && p.sys().ifNameToIndex(dev) == 0) {
            p.err("Cannot find device \"" + dev + "\"\n");
            return 1;
        }
        for (Neighbours.Shown n : p.sys().rtmGetNeighbours()) {
            if (dev != null && !dev.equals(n.device()) || address != null && !address.equals(n.address())) {
                continue;
            }
            StringBuilder s = new StringBuilder(n.address()).append(' ');
            if (dev == null) {
                s.append("dev ").append(n.device()).append(' ');
            }
            if (n.mac() != null) {
                s.append("lladdr ").append(n.mac()).append(' ');
            }
            p.out(s.append(n.state()).append(" \n").toString());
        }
        return 0;
    }
}
