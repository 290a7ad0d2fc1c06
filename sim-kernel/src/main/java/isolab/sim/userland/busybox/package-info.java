/**
 * busybox (Debian's busybox-static), the one program a chroot needs: its ash runs as dash's
 * grammar with busybox's error prefix; its other applets are not modelled and say so.
 */
package isolab.sim.userland.busybox;
