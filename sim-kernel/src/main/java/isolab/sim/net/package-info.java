/**
 * The network stack of each network namespace (net/core, net/ipv4, drivers/net/veth.c,
 * net/bridge): enough to answer the seeds' experiments - {@code ifconfig} in a container, a veth
 * cable between namespaces, a bridge, {@code ping} - the way Linux does.
 *
 * <p>The model. A {@link isolab.sim.net.NetStack} (struct net) holds devices by ifindex, the
 * main routing table and the nsids it gave other namespaces. A {@link isolab.sim.net.NetDevice}
 * is the loopback, a veth end or a bridge; its carrier and operational state are derived, as
 * the drivers derive them, from the administrative state of itself and what it is joined to.
 * IPv4 addresses ({@link isolab.sim.net.IfAddr}) are stored per device; the local table is what
 * they imply, the main table stores the connected routes an address brings while its device is
 * up and the routes {@code ip route add} made. IPv6 is shown only as what addrconf would add: ::1
 * on an up loopback, a link-local address from the MAC once an Ethernet device is up with a
 * carrier, tentative for its first two seconds.
 *
 * <p>The mechanism. {@link isolab.sim.net.Rtnl} carries out rtnetlink requests with the kernel's
 * checks and errors ({@link isolab.sim.net.NetlinkError} keeps the extended ack iproute2 prints);
 * {@link isolab.sim.net.RtnlDump} answers dumps with immutable messages; {@link
 * isolab.sim.net.Icmp} follows one echo request along routes, ARP across veth pairs and bridges,
 * delivery in the namespace that owns the address, and the reply back. Programs reach all of it
 * only through {@link isolab.sim.syscall.Syscalls}.
 *
 * <p>Invariants: a device is in exactly one stack, under a name unique there; the two ends of a
 * veth pair point at each other until both are gone; a bridge's ports are in its stack; every
 * main-table route goes through an up device of its stack; a namespace's death deletes its
 * virtual devices, taking a veth's peer in another namespace with them.
 *
 * <p>Simplifies (docs/FIDELITY.md): forwarding follows routes and net.ipv4.ip_forward but there
 * is no NAT, no port mapping and no netfilter;
 * the ARP cache ({@link isolab.sim.net.Neighbours}) has fixed timers; packet counters count
 * ICMP echo frames only (no ARP, no IPv6 chatter); no sockets besides
 * ping's; no sysctls; no other device kinds (macvlan, vlan, tun, dummy).
 */
package isolab.sim.net;
