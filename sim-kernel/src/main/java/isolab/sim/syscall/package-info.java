/**
 * The system call boundary ({@link isolab.sim.syscall.Syscalls}): argument checks and errnos, then
 * a call into the mechanism. Programs see the machine only through it. Every call is a
 * scheduling step and a point where pending signals act. {@link isolab.sim.syscall.Errno} has
 * Linux's names, numbers and strerror texts.
 */
package isolab.sim.syscall;
