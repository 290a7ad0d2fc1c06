/**
 * iproute2 6.1: {@code ip} with its global options ({@code -4 -6 -0 -br -o -n -V}), and the
 * objects {@code link} (show, add veth/bridge, set, delete), {@code address} (show, add, del,
 * flush), {@code route} (show, add, del) and {@code netns} (add, delete, list, exec, identify,
 * pids), one class each, printing what ip/ipaddress.c, iplink.c, iproute.c and ipnetns.c print.
 * Requests go to the model as rtnetlink calls; named namespaces are made, entered and removed
 * with the same mount, unshare and setns calls iproute2 makes. {@code bridge link} lists bridge ports.
 */
package isolab.sim.userland.iproute2;
