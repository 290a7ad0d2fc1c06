/**
 * util-linux 2.38: unshare, nsenter, lsns; mount, umount (libmount's messages,
 * {@code MountMessages}), findmnt (libsmartcols' tables, {@code Smartcols}), pivot_root; ipcs,
 * ipcmk and ipcrm (System V IPC per namespace); rev lives with the small coreutils.
 */
package isolab.sim.userland.utillinux;
