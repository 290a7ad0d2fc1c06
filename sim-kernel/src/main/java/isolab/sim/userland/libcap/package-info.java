/**
 * libcap2-bin's programs (Debian 12, libcap 2.66): {@link isolab.sim.userland.libcap.Capsh}, the
 * capability shell wrapper the seeds use to drop a capability and watch a namespace operation fail.
 * Capability names and the hexadecimal sets are libcap's; the kernel side (bounding set, sets
 * recomputed at exec) is {@link isolab.sim.process.Prctl} and {@link isolab.sim.process.Credentials}.
 */
package isolab.sim.userland.libcap;
