package isolab.sim.userland.iproute2;

import isolab.sim.net.NetlinkError;
import isolab.sim.userland.Proc;
import isolab.sim.userland.Usage;
import java.util.List;

/**
 * /usr/sbin/ip (iproute2 6.1): global options, then an object ({@code link}, {@code address},
 * {@code route}, {@code netns}) and its command, each in its own class. Options and objects
 * may be abbreviated as iproute2's {@code matches()} allows: any prefix, the first object of
 * ip.c's table winning ({@code ip a} is address, {@code ip n} neighbour).
 */
public final class Ip {

    /** The usage ip prints on stderr (status 255) when given no object. */
    private static final String USAGE =
            "Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }\n"
            + "       ip [ -force ] -batch filename\n"
            + "where  OBJECT := { address | addrlabel | amt | fou | help | ila | ioam | l2tp |\n"
            + "                   link | macsec | maddress | monitor | mptcp | mroute | mrule |\n"
            + "                   neighbor | neighbour | netconf | netns | nexthop | ntable |\n"
            + "                   ntbl | route | rule | sr | tap | tcpmetrics |\n"
            + "                   token | tunnel | tuntap | vrf | xfrm }\n"
            + "       OPTIONS := { -V[ersion] | -s[tatistics] | -d[etails] | -r[esolve] |\n"
            + "                    -h[uman-readable] | -iec | -j[son] | -p[retty] |\n"
            + "                    -f[amily] { inet | inet6 | mpls | bridge | link } |\n"
            + "                    -4 | -6 | -M | -B | -0 |\n"
            + "                    -l[oops] { maximum-addr-flush-attempts } | -br[ief] |\n"
            + "                    -o[neline] | -t[imestamp] | -ts[hort] | -b[atch] [filename] |\n"
            + "                    -rc[vbuf] [size] | -n[etns] name | -N[umeric] | -a[ll] |\n"
            + "                    -c[olor]}\n";

    /** The objects of ip.c's command table, in its order. */
    private static final List<String> OBJECTS = List.of("address", "addrlabel", "maddress", "route", "rule", "neighbor",
            "neighbour", "ntable", "ntbl", "link", "l2tp", "fou", "ila", "macsec", "tunnel", "tunl", "tuntap", "tap", "token",
            "tcpmetrics", "tcp_metrics", "monitor", "xfrm", "mroute", "mrule", "netns", "netconf", "vrf", "sr", "nexthop",
            "mptcp", "ioam", "amt", "help");

    /** The global options in force: address family (0 any, 4, 6, -1 link layer), brief and one-line output. */
    record Options(int family, boolean brief, boolean oneline, boolean stats) {
    }

    private Ip() {
    }

    public static int main(Proc p) {
        List<String> args = p.args();
        int family = 0;
        boolean brief = false;
        boolean oneline = false;
        boolean stats = false;
        int i = 0;
        while (i < args.size() && args.get(i).startsWith("-")) {
            String opt = args.get(i);
            if (opt.equals("--")) {
                i++;
                break;
            }
            if (opt.startsWith("--")) {
                opt = opt.substring(1);
            }
            if (opt.equals("-4")) {
                family = 4;
            } else if (opt.equals("-6")) {
                family = 6;
            } else if (opt.equals("-0")) {
                family = -1;
            } else if (opt.equals("-M") || opt.equals("-B")) {
                return Usage.notModelled(p, opt);
            } else if ((matches(opt, "-stats") || matches(opt, "-statistics")) && !stats
                    && !matches(opt, "-loops") && !matches(opt, "-family") && !matches(opt, "-human") && !matches(opt, "-iec")) {
                stats = true;
            } else if (matches(opt, "-loops") || matches(opt, "-family") || matches(opt, "-human") || matches(opt, "-iec")
                    || matches(opt, "-stats") || matches(opt, "-statistics") || matches(opt, "-details")
                    || matches(opt, "-resolve") || matches(opt, "-timestamp") || matches(opt, "-tshort")) {
                return Usage.notModelled(p, opt);
            } else if (matches(opt, "-oneline")) {
                oneline = true;
            } else if (matches(opt, "-Version")) {
                p.out("ip utility, iproute2-6.1.0, libbpf 1.1.2\n");
                return 0;
            } else if (matches(opt, "-force") || matches(opt, "-batch")) {
                return Usage.notModelled(p, opt);
            } else if (matches(opt, "-brief")) {
                brief = true;
            } else if (matches(opt, "-json") || matches(opt, "-pretty") || matches(opt, "-rcvbuf") || matches(opt, "-color")
                    || matches(opt, "-colour") || matches(opt, "-Numeric") || matches(opt, "-all") || opt.equals("-echo")) {
                return Usage.notModelled(p, opt);
            } else if (matches(opt, "-help")) {
                p.err(USAGE);
                return 255;
            } else if (matches(opt, "-netns")) {
                if (i + 1 >= args.size()) {
                    p.err("Command line is not complete. Try option \"help\"\n");
                    return 255;
                }
                if (IpNetns.switchTo(p, args.get(++i)) != 0) {
                    return 255;
                }
            } else {
                p.err("Option \"" + opt + "\" is unknown, try \"ip -help\".\n");
                return 255;
            }
            i++;
        }
        if (i >= args.size()) {
            p.err(USAGE);
            return 255;
        }
        Options options = new Options(family, brief, oneline, stats);
        String object = args.get(i);
        List<String> rest = args.subList(i + 1, args.size());
        for (String candidate : OBJECTS) {
            if (matches(object, candidate)) {
                return run(p, candidate, rest, options);
            }
        }
        p.err("Object \"" + object + "\" is unknown, try \"ip help\".\n");
        return 1;
    }

    private static int run(Proc p, String object, List<String> args, Options options) {
        return switch (object) {
            case "link" -> IpLink.main(p, args, options);
            case "address" -> IpAddress.main(p, args, options);
            case "route" -> IpRoute.main(p, args, options);
            case "netns" -> IpNetns.main(p, args, options);
            case "neighbor", "neighbour" -> IpNeigh.main(p, args, options);
            case "tuntap", "tap" -> args.isEmpty() || matches(args.get(0), "show") || matches(args.get(0), "list")
                    ? 0 // the model has no tun/tap devices (and cannot make them), so the list is empty
                    : Usage.notModelled(p, object + " " + args.get(0));
            case "help" -> {
                p.err(USAGE);
                yield 255;
            }
            default -> Usage.notModelled(p, object);
        };
    }

    /** iproute2's matches(): whether {@code given} is a non-empty prefix of {@code word}. */
    static boolean matches(String given, String word) {
        return !given.isEmpty() && word.startsWith(given);
    }

    /** How iproute2 reports a refused request: the kernel's extended ack, else the errno; status 2. */
    static int answers(Proc p, NetlinkError e) {
        if (e.extack() != null) {
            p.err("Error: " + e.extack() + ".\n");
        } else {
            p.err("RTNETLINK answers: " + e.errno().strerror() + "\n");
        }
        return 2;
    }

    /** invarg(): {@code Error: argument "ARG" is wrong: MSG}, status 255. */
    static int invarg(Proc p, String message, String arg) {
        p.err("Error: argument \"" + arg + "\" is wrong: " + message + "\n");
        return 255;
    }

    /** NEXT_ARG() past the end of the line. */
    static int incomplete(Proc p) {
        p.err("Command line is not complete. Try option \"help\"\n");
        return 255;
    }

    /** duparg2(): a second device name, or garbage. */
    static int garbage(Proc p, String key, String arg) {
        p.err("Error: either \"" + key + "\" is duplicate, or \"" + arg + "\" is a garbage.\n");
        return 255;
    }

    /** nodev(): {@code Cannot find device "X"}, status 1. */
    static int nodev(Proc p, String dev) {
        p.err("Cannot find device \"" + dev + "\"\n");
        return 1;
    }
}
