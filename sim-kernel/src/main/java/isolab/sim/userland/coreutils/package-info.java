/**
 * GNU coreutils 9.1: echo, cat, ls, wc, head, tail, cut, tr, sort, seq, sleep, readlink, uname, pwd, id,
 * whoami, env, mkdir, rmdir, touch, rm, ln, cp, mv, chmod, stat, chroot, true, false; messages in the
 * POSIX locale.
 */
package isolab.sim.userland.coreutils;
