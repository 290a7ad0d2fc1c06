/**
 * net-tools 2.10: ifconfig, for the read-only view of a network namespace (only lo, down).
 */
package isolab.sim.userland.nettools;
