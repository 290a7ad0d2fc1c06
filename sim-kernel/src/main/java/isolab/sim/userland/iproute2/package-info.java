/**
 * iproute2 6.1: ip, for the read-only view of a network namespace (only lo, down).
 */
package isolab.sim.userland.iproute2;
