/**
 * The lab machine's /sbin/init: PID 1 reaps orphans and nothing else.
 */
package isolab.sim.userland.init;
