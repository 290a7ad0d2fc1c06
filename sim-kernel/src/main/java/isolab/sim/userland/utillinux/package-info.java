/**
 * util-linux 2.38: unshare.
 */
package isolab.sim.userland.utillinux;
