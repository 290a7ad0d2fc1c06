/**
 * util-linux 2.38: unshare, nsenter, lsns, mount and umount (libmount's listing and messages).
 */
package isolab.sim.userland.utillinux;
