/**
 * Namespaces (kernel/nsproxy.c and one file per kind): all eight kinds exist with nsfs inode
 * numbers ({@link isolab.sim.namespace.Nsfs}). PID namespaces are complete
 * ({@link isolab.sim.namespace.PidNamespace}: nesting to 32, cyclic allocation, init death),
 * UTS holds hostname and domain name, mount namespaces hold a
 * {@link isolab.sim.fs.MountTable} whose mounts propagate to other namespaces' through shared
 * peer groups and slaves ({@code isolab.sim.fs.mount}), IPC namespaces their System V objects
 * ({@link isolab.sim.namespace.IpcNamespace}), time namespaces their clock offsets
 * ({@link isolab.sim.namespace.TimeNamespace}), network namespaces their network stack
 * ({@link isolab.sim.namespace.NetNamespace}, {@link isolab.sim.net.NetStack}: devices,
 * addresses, routes). Cgroup namespaces
 * ({@link isolab.sim.namespace.SimpleNamespace}) exist and can be created and entered; with no
 * cgroups modelled yet every hierarchy shows its root, which is what a cgroup namespace shows. User namespaces
 * ({@link isolab.sim.namespace.UserNamespace}) hold uid and gid maps and own the namespaces
 * created in them; ids are kernel ids, shown through a namespace's maps (65534 when unmapped).
 * {@link isolab.sim.namespace.NsProxy} is the set a task is in.
 */
package isolab.sim.namespace;
