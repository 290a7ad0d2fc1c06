package isolab.sim.userland.nettools;

import isolab.sim.userland.Proc;
import isolab.sim.userland.Usage;

/**
 * /usr/sbin/ifconfig (net-tools 2.10): lists the loopback device, the only one the model has
 * (plain {@code ifconfig} lists it only while it is up); configuring is not modelled.
 */
public final class Ifconfig {

    private Ifconfig() {
    }

    private static String lo(boolean[] st) {
        StringBuilder s = new StringBuilder();
        s.append(st[0] ? "lo: flags=73<UP,LOOPBACK,RUNNING>  mtu 65536\n" : "lo: flags=8<LOOPBACK>  mtu 65536\n");
        if (st[1]) {
            s.append("        inet 127.0.0.1  netmask 255.0.0.0\n");
        }
        if (st[0]) {
            s.append("        inet6 ::1  prefixlen 128  scopeid 0x10<host>\n");
        }
        s.append("""
                        loop  txqueuelen 1000  (Local Loopback)
                        RX packets 0  bytes 0 (0.0 B)
                        RX errors 0  dropped 0  overruns 0  frame 0
                        TX packets 0  bytes 0 (0.0 B)
                        TX errors 0  dropped 0 overruns 0  carrier 0  collisions 0

                """);
        return s.toString();
    }

    public static int main(Proc p) {
        var args = p.args();
        boolean[] st = p.sys().loopbackState();
        if (args.isEmpty()) {
            if (st[0]) {
                p.out(lo(st));
            }
            return 0;
        }
        if (args.size() == 1 && (args.get(0).equals("-a") || args.get(0).equals("lo"))) {
            p.out(lo(st));
            return 0;
        }
        if (args.size() == 1 && !args.get(0).startsWith("-")) {
            p.err(args.get(0) + ": error fetching interface information: Device not found\n");
            return 1;
        }
        return Usage.notModelled(p, String.join(" ", args));
    }
}
