/**
 * util-linux 2.38: unshare, nsenter, lsns, mount and umount (libmount's listing and messages), ipcs,
 * ipcmk and ipcrm (System V IPC per namespace); rev lives with the small coreutils. Tables go
 * through {@link isolab.sim.userland.utillinux.Smartcols}, libsmartcols' column widths included.
 */
package isolab.sim.userland.utillinux;
