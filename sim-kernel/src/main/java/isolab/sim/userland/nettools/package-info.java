/**
 * net-tools 2.10: ifconfig, listing the devices of the caller's network namespace in net-tools'
 * long and short ({@code -s}) formats, and {@code ifconfig DEV up|down}; route, printing the main
 * routing table. Changing addresses and routes with these old tools is not modelled.
 */
package isolab.sim.userland.nettools;
