/**
 * procps-ng 4.0.2: ps (reading /proc only) and kill.
 */
package isolab.sim.userland.procps;
