package isolab.sim.check;

import isolab.sim.kernel.Kernel;
import isolab.sim.namespace.Namespace;
import isolab.sim.namespace.NetNamespace;
import isolab.sim.net.NetDevice;
import isolab.sim.net.NetStack;
import isolab.sim.net.Route;
import java.util.ArrayList;
import java.util.List;

/**
 * The network model's invariants (isolab.sim.net's essay), checked from outside: every device
 * is in the stack it names, under a name unique there; veth ends point at each other; bridge
 * ports are in their bridge's stack; main-table routes go through up devices of their stack;
 * nothing refers to a stack whose namespace is dead.
 */
final class NetInvariants {

    private NetInvariants() {
    }

    static void check(Kernel kernel, List<String> v) {
        List<NetStack> live = new ArrayList<>();
        for (Namespace ns : kernel.namespaces().live()) {
            if (ns instanceof NetNamespace net) {
                live.add(net.stack());
            }
        }
        for (NetStack stack : live) {
            List<String> names = new ArrayList<>();
            for (NetDevice d : stack.devices()) {
                if (d.stack() != stack) {
                    v.add(d + " is listed in net:[" + stack.namespace().inode() + "] but names another stack");
                }
                if (names.contains(d.name())) {
                    v.add("two devices called " + d.name() + " in net:[" + stack.namespace().inode() + "]");
                }
                names.add(d.name());
                NetDevice peer = d.peer();
                if (d.kind() == NetDevice.Kind.VETH && (peer == null || peer.peer() != d || !live.contains(peer.stack()))) {
                    v.add("veth " + d + " has no live peer pointing back at it");
                }
                if (d.master() != null && d.master().stack() != stack) {
                    v.add(d + " is a port of a bridge in another namespace");
                }
            }
            for (Route r : stack.routes()) {
                if (r.device().stack() != stack || !r.device().up()) {
                    v.add("route " + r.shownDestination() + " goes through " + r.device() + ", which is down or elsewhere");
                }
            }
        }
    }
}
