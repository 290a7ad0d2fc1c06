package isolab.sim.userland.nettools;

import isolab.sim.userland.Proc;
import isolab.sim.userland.Usage;

/**
 * /usr/sbin/ifconfig (net-tools 2.10): the model's only interface is lo, down, so plain
 * {@code ifconfig} (up interfaces only) prints nothing and {@code -a} or {@code lo} prints the
 * down loopback; configuring is not modelled.
 */
public final class Ifconfig {

    private static final String LO = """
            lo: flags=8<LOOPBACK>  mtu 65536
                    loop  txqueuelen 1000  (Local Loopback)
                    RX packets 0  bytes 0 (0.0 B)
                    RX errors 0  dropped 0  overruns 0  frame 0
                    TX packets 0  bytes 0 (0.0 B)
                    TX errors 0  dropped 0 overruns 0  carrier 0  collisions 0

            """;

    private Ifconfig() {
    }

    public static int main(Proc p) {
        var args = p.args();
        if (args.isEmpty()) {
            return 0;
        }
        if (args.size() == 1 && (args.get(0).equals("-a") || args.get(0).equals("lo"))) {
            p.out(LO);
            return 0;
        }
        if (args.size() == 1 && !args.get(0).startsWith("-")) {
            p.err(args.get(0) + ": error fetching interface information: Device not found\n");
            return 1;
        }
        return Usage.notModelled(p, String.join(" ", args));
    }
}
