package isolab.sim.userland.iproute2;

import isolab.sim.net.NetDevice;
import isolab.sim.net.RtnlDump;
import isolab.sim.userland.Proc;
import isolab.sim.userland.Usage;
import java.util.List;

/**
 * /usr/sbin/bridge (iproute2 6.1, bridge/link.c): {@code bridge link [show] [dev DEV]}, one line
 * per bridge port with its STP state: {@code forwarding} while the port has a carrier and its
 * bridge is up (STP is off), else {@code disabled}. fdb, mdb and vlan are not modelled.
 */
public final class Bridge {

    private static final String USAGE = "Usage: bridge [ OPTIONS ] OBJECT { COMMAND | help }\n"
            + "       bridge [ -force ] -batch filename\n"
            + "where  OBJECT := { link | fdb | mdb | vlan | monitor }\n"
            + "       OPTIONS := { -V[ersion] | -s[tatistics] | -d[etails] |\n"
            + "                    -o[neline] | -t[imestamp] | -n[etns] name |\n"
            + "                    -c[ompressvlans] -color -p[retty] -j[son] }\n";

    private Bridge() {
    }

    public static int main(Proc p) {
        List<String> args = p.args();
        if (args.isEmpty()) {
            p.err(USAGE);
            return 255;
        }
        if (args.get(0).startsWith("-")) {
            return Usage.notModelled(p, args.get(0));
        }
        String object = args.get(0);
        if (Ip.matches(object, "link")) {
            return link(p, args.subList(1, args.size()));
        }
        if (Ip.matches(object, "fdb") || Ip.matches(object, "mdb") || Ip.matches(object, "vlan")
                || Ip.matches(object, "monitor") || Ip.matches(object, "help")) {
            return Usage.notModelled(p, object);
        }
        p.err("Object \"" + object + "\" is unknown, try \"bridge help\".\n");
        return 255;
    }

    private static int link(Proc p, List<String> args) {
        String dev = null;
        int i = 0;
        if (i < args.size() && (Ip.matches(args.get(i), "show") || Ip.matches(args.get(i), "list") || Ip.matches(args.get(i), "lst"))) {
            i++;
        } else if (i < args.size()) {
            return Usage.notModelled(p, "link " + args.get(i));
        }
        for (; i < args.size(); i++) {
            if (args.get(i).equals("dev") && i + 1 < args.size()) {
                dev = args.get(++i);
            } else {
                return Usage.notModelled(p, "link show " + args.get(i));
            }
        }
        if (dev != null && p.sys().ifNameToIndex(dev) == 0) {
            p.err("Cannot find device \"" + dev + "\"\n");
            return 1;
        }
        List<RtnlDump.Link> links = p.sys().rtmGetLinks();
        for (RtnlDump.Link l : links) {
            if (l.master() == null || dev != null && !dev.equals(l.name())) {
                continue;
            }
            boolean bridgeUp = links.stream().anyMatch(b -> b.name().equals(l.master()) && (b.flags() & NetDevice.IFF_UP) != 0);
            boolean running = (l.flags() & NetDevice.IFF_LOWER_UP) != 0;
            // An AF_BRIDGE dump carries the peer's ifindex without its nsid, so bridge(8) names it by
            // that index among the reader's own devices (measured: a port whose peer is device 2 of
            // another namespace shows as "vr@br0" when br0 is device 2 here).
            String name = l.name();
            if (l.link() != 0) {
                String local = links.stream().filter(d -> d.ifindex() == l.link()).map(RtnlDump.Link::name).findFirst()
                        .orElse("if" + l.link());
                name = l.name() + "@" + local;
            }
            p.out(l.ifindex() + ": " + name + ": " + IpShow.flags(l) + " mtu " + l.mtu() + " master " + l.master() + " state "
                    + (running && bridgeUp ? "forwarding" : "disabled") + " priority 32 cost 2 \n");
        }
        return 0;
    }
}
