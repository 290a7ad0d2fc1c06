/**
 * iputils 20221126: ping for IPv4, in virtual time, with iputils' lines and statistics.
 */
package isolab.sim.userland.iputils;
