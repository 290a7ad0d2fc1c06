/**
 * Namespaces (kernel/nsproxy.c and one file per kind): all eight kinds exist with nsfs inode
 * numbers ({@link isolab.sim.namespace.Nsfs}). PID namespaces are complete
 * ({@link isolab.sim.namespace.PidNamespace}: nesting to 32, cyclic allocation, init death),
 * UTS holds hostname and domain name, mount namespaces hold a
 * {@link isolab.sim.fs.MountTable}. IPC, net, cgroup and time namespaces
 * ({@link isolab.sim.namespace.SimpleNamespace}) exist and can be created and entered but isolate
 * nothing yet; user namespaces exist as a tree, and creating one is refused as not modelled.
 * {@link isolab.sim.namespace.NsProxy} is the set a task is in.
 */
package isolab.sim.namespace;
