package isolab.sim.userland.iproute2;

import isolab.sim.userland.Proc;
import isolab.sim.userland.Usage;
import java.util.List;

/**
 * /usr/sbin/ip (iproute2 6.1), the read-only part that holds for every network namespace of the
 * model: each has only the loopback device, administratively down, without addresses or routes
 * (a new network namespace on Linux looks exactly so). Changing anything (link set, addr add,
 * netns, veth) is not modelled yet.
 */
public final class Ip {

    private static final String LINK = "1: lo: <LOOPBACK> mtu 65536 qdisc noop state DOWN mode DEFAULT group default qlen 1000\n"
            + "    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n";
    private static final String ADDR = "1: lo: <LOOPBACK> mtu 65536 qdisc noop state DOWN group default qlen 1000\n"
            + "    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n";
    private static final String BRIEF_LINK = "lo               DOWN           00:00:00:00:00:00 <LOOPBACK> \n";
    private static final String BRIEF_ADDR = "lo               DOWN           \n";

    private Ip() {
    }

    public static int main(Proc p) {
        List<String> args = p.args();
        boolean brief = false;
        int i = 0;
        while (i < args.size() && args.get(i).startsWith("-")) {
            String a = args.get(i);
            if (a.equals("-br") || a.equals("-brief")) {
                brief = true;
            } else {
                return Usage.notModelled(p, a);
            }
            i++;
        }
        if (i >= args.size()) {
            p.err("Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }\n");
            return 255;
        }
        String object = args.get(i);
        List<String> rest = args.subList(i + 1, args.size());
        String command = rest.isEmpty() ? "show" : rest.get(0);
        boolean show = List.of("show", "list", "lst", "sh", "ls", "l").contains(command);
        String device = rest.size() >= 2 ? rest.get(rest.size() - 1) : null;
        if (matches(object, "link")) {
            if (!show) {
                return Usage.notModelled(p, "link " + command);
            }
            if (device != null && !device.equals("lo")) {
                p.err("Device \"" + device + "\" does not exist.\n");
                return 1;
            }
            p.out(brief ? BRIEF_LINK : LINK);
            return 0;
        }
        if (matches(object, "address") || object.equals("a") || object.equals("ad")) {
            if (!show) {
                return Usage.notModelled(p, "address " + command);
            }
            if (device != null && !device.equals("lo")) {
                p.err("Device \"" + device + "\" does not exist.\n");
                return 1;
            }
            p.out(brief ? BRIEF_ADDR : ADDR);
            return 0;
        }
        if (matches(object, "route")) {
            if (!show) {
                return Usage.notModelled(p, "route " + command);
            }
            return 0;
        }
        if (matches(object, "netns") || matches(object, "neighbour") || matches(object, "rule") || matches(object, "tunnel")
                || matches(object, "maddress") || matches(object, "monitor")) {
            return Usage.notModelled(p, object);
        }
        p.err("Object \"" + object + "\" is unknown, try \"ip help\".\n");
        return 1;
    }

    /** iproute2 accepts any prefix of an object's name. */
    private static boolean matches(String given, String object) {
        return !given.isEmpty() && object.startsWith(given);
    }
}
