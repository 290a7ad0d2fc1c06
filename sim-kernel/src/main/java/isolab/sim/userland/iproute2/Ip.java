package isolab.sim.userland.iproute2;

import isolab.sim.syscall.Errno;
import isolab.sim.syscall.SysException;
import isolab.sim.userland.Proc;
import isolab.sim.userland.Usage;
import java.util.List;

/**
 * /usr/sbin/ip (iproute2 6.1) for the part of networking the model has: every network namespace
 * holds only the loopback device, which can be brought up (127.0.0.1/8 and ::1/128) and down.
 * {@code ip link [show]}, {@code ip addr [show]}, {@code ip route}, {@code -br}, {@code ip link set
 * [dev] lo up|down}, with iproute2's texts (measured in a fresh namespace). Other devices, netns,
 * veth and address changes are not modelled.
 */
public final class Ip {

    private Ip() {
    }

    private static String flags(boolean up) {
        return up ? "<LOOPBACK,UP,LOWER_UP>" : "<LOOPBACK>";
    }

    private static String header(boolean[] st, boolean link) {
        boolean up = st[0];
        String qdisc = st[1] ? "noqueue" : "noop";
        return "1: lo: " + flags(up) + " mtu 65536 qdisc " + qdisc + " state " + (up ? "UNKNOWN" : "DOWN")
                + (link ? " mode DEFAULT" : "") + " group default qlen 1000\n"
                + "    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n";
    }

    private static String addresses(boolean[] st) {
        StringBuilder s = new StringBuilder();
        if (st[1]) {
            s.append("    inet 127.0.0.1/8 scope host lo\n       valid_lft forever preferred_lft forever\n");
        }
        if (st[0]) {
            s.append("    inet6 ::1/128 scope host \n       valid_lft forever preferred_lft forever\n");
        }
        return s.toString();
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(1, width - s.length()));
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
        String device = show && rest.size() >= 2 ? rest.get(rest.size() - 1) : null;
        if (matches(object, "link")) {
            if (command.equals("set")) {
                return set(p, rest.subList(1, rest.size()));
            }
            if (!show) {
                return Usage.notModelled(p, "link " + command);
            }
            if (device != null && !device.equals("lo")) {
                p.err("Device \"" + device + "\" does not exist.\n");
                return 1;
            }
            boolean[] st = p.sys().loopbackState();
            p.out(brief ? pad("lo", 17) + pad(st[0] ? "UNKNOWN" : "DOWN", 15) + "00:00:00:00:00:00 " + flags(st[0]) + " \n"
                    : header(st, true));
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
            boolean[] st = p.sys().loopbackState();
            if (brief) {
                String addrs = (st[1] ? "127.0.0.1/8 " : "") + (st[0] ? "::1/128 " : "");
                p.out(pad("lo", 17) + pad(st[0] ? "UNKNOWN" : "DOWN", 15) + addrs + "\n");
            } else {
                p.out(header(st, false) + addresses(st));
            }
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

    /** {@code ip link set [dev] DEVICE up|down}. */
    private static int set(Proc p, List<String> args) {
        String device = null;
        Boolean up = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("dev") && i + 1 < args.size()) {
                device = args.get(++i);
            } else if (a.equals("up") || a.equals("down")) {
                up = a.equals("up");
            } else if (device == null) {
                device = a;
            } else {
                return Usage.notModelled(p, "link set " + a);
            }
        }
        if (device == null || up == null) {
            return Usage.notModelled(p, "link set " + String.join(" ", args));
        }
        try {
            p.sys().linkSetUp(device, up);
            return 0;
        } catch (SysException e) {
            if (e.errno() == Errno.ENODEV) {
                p.err("Cannot find device \"" + device + "\"\n");
                return 1;
            }
            p.err("RTNETLINK answers: " + e.strerror() + "\n");
            return 2;
        }
    }

    /** iproute2 accepts any prefix of an object's name. */
    private static boolean matches(String given, String object) {
        return !given.isEmpty() && object.startsWith(given);
    }
}
