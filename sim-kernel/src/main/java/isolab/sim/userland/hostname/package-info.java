/**
 * Debian's hostname 3.23.
 */
package isolab.sim.userland.hostname;
