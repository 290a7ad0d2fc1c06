package isolab.sim.userland.iproute2;

import isolab.sim.fs.OpenFile;
import isolab.sim.net.NetlinkError;
import isolab.sim.syscall.SysException;
import isolab.sim.syscall.Syscalls;
import isolab.sim.userland.Proc;
import isolab.sim.userland.Usage;
import java.util.List;

/**
 * {@code ip link} (ip/iplink.c, ip/link_veth.c): show, add (types veth and bridge), set
 * ({@code up}, {@code down}, {@code name}, {@code mtu}, {@code master}, {@code nomaster},
 * {@code netns}) and delete, parsed as iplink_parse parses them.
 */
final class IpLink {

    private IpLink() {
    }

    static int main(Proc p, List<String> args, Ip.Options options) {
        if (args.isEmpty()) {
            return IpShow.show(p, args, options, true);
        }
        String cmd = args.get(0);
        List<String> rest = args.subList(1, args.size());
        if (Ip.matches(cmd, "add")) {
            return add(p, rest);
        }
        if (Ip.matches(cmd, "set") || Ip.matches(cmd, "change")) {
            return set(p, rest);
        }
        if (Ip.matches(cmd, "replace")) {
            return Usage.notModelled(p, "link replace");
        }
        if (Ip.matches(cmd, "delete")) {
            return delete(p, rest);
        }
        if (Ip.matches(cmd, "show") || Ip.matches(cmd, "lst") || Ip.matches(cmd, "list")) {
            return IpShow.show(p, rest, options, true);
        }
        if (Ip.matches(cmd, "xstats") || Ip.matches(cmd, "afstats") || Ip.matches(cmd, "property") || Ip.matches(cmd, "help")) {
            return Usage.notModelled(p, "link " + cmd);
        }
        p.err("Command \"" + cmd + "\" is unknown, try \"ip link help\".\n");
        return 255;
    }

    /** What iplink_parse gathered: the device, a new name, and the attributes set. */
    private static final class Request {
        String dev;
        String name;
        String type;
        Boolean up;
        Integer mtu;
        String master;
        String netns;
        int typeAt = -1;
    }

    /** iplink_parse; returns null after printing ip's message (status in {@code status[0]}). */
    private static Request parse(Proc p, List<String> args, int[] status) {
        Request r = new Request();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("up") || a.equals("down")) {
                r.up = a.equals("up");
            } else if (a.equals("name")) {
                if (++i >= args.size()) {
                    status[0] = Ip.incomplete(p);
                    return null;
                }
                if (r.name != null) {
                    status[0] = duparg(p, "name", args.get(i));
                    return null;
                }
                if (!validIfname(args.get(i))) {
                    status[0] = Ip.invarg(p, "\"name\" not a valid ifname", args.get(i));
                    return null;
                }
                r.name = args.get(i);
                if (r.dev == null) {
                    r.dev = r.name;
                }
            } else if (a.equals("mtu")) {
                if (++i >= args.size()) {
                    status[0] = Ip.incomplete(p);
                    return null;
                }
                if (r.mtu != null) {
                    status[0] = duparg(p, "mtu", args.get(i));
                    return null;
                }
                try {
                    r.mtu = Integer.parseInt(args.get(i));
                } catch (NumberFormatException e) {
                    status[0] = Ip.invarg(p, "Invalid \"mtu\" value\n", args.get(i));
                    return null;
                }
            } else if (a.equals("netns")) {
                if (++i >= args.size()) {
                    status[0] = Ip.incomplete(p);
                    return null;
                }
                r.netns = args.get(i);
            } else if (Ip.matches(a, "master")) {
                if (++i >= args.size()) {
                    status[0] = Ip.incomplete(p);
                    return null;
                }
                if (p.sys().ifNameToIndex(args.get(i)) == 0) {
                    status[0] = Ip.invarg(p, "Device does not exist\n", args.get(i));
                    return null;
                }
                r.master = args.get(i);
            } else if (a.equals("nomaster")) {
                r.master = "";
            } else if (Ip.matches(a, "type")) {
                if (++i >= args.size()) {
                    status[0] = Ip.incomplete(p);
                    return null;
                }
                r.type = args.get(i);
                r.typeAt = i + 1;
                break;
            } else if (a.equals("index") || Ip.matches(a, "link") || Ip.matches(a, "address") || Ip.matches(a, "broadcast")
                    || a.equals("brd") || Ip.matches(a, "txqueuelen") || a.equals("qlen") || Ip.matches(a, "txqlen")
                    || a.equals("multicast") || a.equals("allmulticast") || a.equals("promisc") || a.equals("trailers")
                    || a.equals("arp") || a.equals("vrf") || a.equals("group") || a.equals("alias") || a.equals("inet")
                    || a.equals("mode") || a.equals("state") || a.equals("protodown") || a.equals("addrgenmode")
                    || a.equals("link-netns") || a.equals("link-netnsid") || a.startsWith("xdp") || a.equals("vf")
                    || a.equals("dynamic") || a.equals("carrier") || a.equals("parentdev")) {
                status[0] = Usage.notModelled(p, "link " + a);
                return null;
            } else {
                if (Ip.matches(a, "help")) {
                    status[0] = Usage.notModelled(p, "link help");
                    return null;
                }
                if (a.equals("dev")) {
                    if (++i >= args.size()) {
                        status[0] = Ip.incomplete(p);
                        return null;
                    }
                    a = args.get(i);
                }
                if (r.dev != null && r.dev != r.name) {
                    status[0] = Ip.garbage(p, "dev", a);
                    return null;
                }
                r.dev = a;
            }
        }
        if (r.name == null) {
            r.name = r.dev;
        }
        return r;
    }

    /** lib/utils.c: check_ifname: not empty, shorter than IFNAMSIZ, no '/' and no white space. */
    private static boolean validIfname(String name) {
        return !name.isEmpty() && name.length() < 16 && name.chars().noneMatch(c -> c == '/' || Character.isWhitespace(c));
    }

    private static int duparg(Proc p, String key, String arg) {
        p.err("Error: duplicate \"" + key + "\": \"" + arg + "\" is the second value.\n");
        return 255;
    }

    /** A netlink request that may name a network namespace: by an open file, else by a PID (-1 for neither). */
    private interface NetnsRequest {
        void send(int netnsFd, int netnsPid);
    }

    /**
     * Sends {@code request} with the namespace {@code netns} names (none when null) and closes it after;
     * status 0, or how ip reports a bad {@code netns} value or a refused request.
     */
    private static int inNetns(Proc p, String netns, NetnsRequest request) {
        int[] target = {-1, -1};
        if (netns != null) {
            target = netnsTarget(p, netns);
            if (target == null) {
                return Ip.invarg(p, "Invalid \"netns\" value\n", netns);
            }
        }
        try {
            request.send(target[0], target[1]);
            return 0;
        } catch (NetlinkError e) {
            return Ip.answers(p, e);
        } finally {
            if (target[0] >= 0) {
                p.sys().close(target[0]);
            }
        }
    }

    /** Opens the network namespace a {@code netns} argument names: a name under /run/netns, else a PID. */
    private static int[] netnsTarget(Proc p, String value) {
        try {
            String path = value.contains("/") ? value : IpNetns.RUN_DIR + "/" + value;
            return new int[] {p.sys().open(path, OpenFile.O_RDONLY, 0), -1};
        } catch (SysException e) {
            if (!value.isEmpty() && value.chars().allMatch(Character::isDigit)) {
                try {
                    return new int[] {-1, Integer.parseInt(value)};
                } catch (NumberFormatException tooBig) {
                    return null;
                }
            }
            return null;
        }
    }

    private static int add(Proc p, List<String> args) {
        int[] status = {0};
        Request r = parse(p, args, status);
        if (r == null) {
            return status[0];
        }
        if (r.type == null) {
            p.err("Not enough information: \"type\" argument is required\n");
            return 1;
        }
        if (r.up != null || r.mtu != null || r.master != null || r.netns != null) {
            return Usage.notModelled(p, "link add with attributes");
        }
        String peerName = null;
        String peerNetns = null;
        List<String> typeArgs = args.subList(Math.min(r.typeAt, args.size()), args.size());
        if (r.type.equals("veth") && !typeArgs.isEmpty()) {
            if (!typeArgs.get(0).equals("peer")) {
                return Usage.notModelled(p, "link add type veth " + typeArgs.get(0));
            }
            Request peer = parse(p, typeArgs.subList(1, typeArgs.size()), status);
            if (peer == null) {
                return status[0];
            }
            if (peer.type != null || peer.up != null || peer.mtu != null || peer.master != null) {
                return Usage.notModelled(p, "link add peer attributes");
            }
            peerName = peer.name;
            peerNetns = peer.netns;
        } else if (!typeArgs.isEmpty()) {
            p.err("Garbage instead of arguments \"" + typeArgs.get(0) + " ...\". Try \"ip link help\".\n");
            return 1;
        }
        String peer = peerName;
        return inNetns(p, peerNetns, (fd, pid) -> p.sys().rtmNewLink(r.type, r.name, peer, fd, pid));
    }

    private static int set(Proc p, List<String> args) {
        int[] status = {0};
        Request r = parse(p, args, status);
        if (r == null) {
            return status[0];
        }
        if (r.type != null) {
            return Usage.notModelled(p, "link set type");
        }
        int missing = missingDevice(p, r.dev);
        if (missing != 0) {
            return missing;
        }
        String rename = r.name != null && !r.name.equals(r.dev) ? r.name : null;
        return inNetns(p, r.netns, (fd, pid) -> p.sys().rtmSetLink(r.dev, new Syscalls.LinkChange(fd, pid, r.mtu, rename, r.master, r.up)));
    }

    /** 0 when {@code dev} names a device; else ip's complaint (no "dev" argument, or no such device) and its status. */
    private static int missingDevice(Proc p, String dev) {
        if (dev == null) {
            p.err("Not enough information: \"dev\" argument is required.\n");
            return 255;
        }
        if (p.sys().ifNameToIndex(dev) == 0) {
            return Ip.nodev(p, dev);
        }
        return 0;
    }

    private static int delete(Proc p, List<String> args) {
        int[] status = {0};
        Request r = parse(p, args, status);
        if (r == null) {
            return status[0];
        }
        int missing = missingDevice(p, r.dev);
        if (missing != 0) {
            return missing;
        }
        try {
            p.sys().rtmDelLink(r.dev);
            return 0;
        } catch (NetlinkError e) {
            return Ip.answers(p, e);
        }
    }
}
