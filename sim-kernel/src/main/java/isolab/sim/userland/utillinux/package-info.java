/**
 * util-linux 2.38: unshare, nsenter, lsns; mount, umount (libmount's messages,
 * {@code MountMessages}), findmnt and lsns print through libsmartcols' tables
 * ({@link isolab.sim.userland.utillinux.Smartcols}, column widths and width hints included),
 * pivot_root; ipcs, ipcmk and ipcrm (System V IPC per namespace); rev lives with the small
 * coreutils.
 */
package isolab.sim.userland.utillinux;
