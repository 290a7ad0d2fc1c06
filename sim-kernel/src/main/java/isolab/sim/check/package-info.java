/**
 * Checkers beside the model (TigerBeetle's habit): {@link isolab.sim.check.Invariants} lists the
 * violations of properties that must hold between commands; tests run it after every step.
 * {@code MountInvariants} checks the mount trees, their propagation links and peer group ids, and
 * that no overlay ever changes its lower layers.
 * {@code NetInvariants} checks the network stacks (devices, veth pairs, bridge ports, routes).
 */
package isolab.sim.check;
