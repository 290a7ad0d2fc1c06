/**
 * The machine's state and its boot order in one place (xv6's main.c): {@link
 * isolab.sim.kernel.Kernel} owns the clock, scheduler, PID table, namespaces, devices and the
 * timeline; {@code MachineMounts} and {@code RootFs} build the mount table and root file system
 * of docs/MACHINE.md; {@link isolab.sim.kernel.Namespaces} creates, copies and retires
 * namespaces; {@link isolab.sim.kernel.Uts} is sethostname(2).
 *
 * <p>Invariant: a namespace is live exactly while some task refers to it (zombies keep only
 * their PID namespaces); its death is a {@code NamespaceEvent.Destroyed}.
 */
package isolab.sim.kernel;
