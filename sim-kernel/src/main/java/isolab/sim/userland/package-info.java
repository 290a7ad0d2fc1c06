/**
 * The installed programs: each a {@link isolab.sim.userland.Program} with one method, using a
 * {@link isolab.sim.userland.Proc} (libc: argv, environment, stdio buffering) over system calls.
 * {@link isolab.sim.userland.Programs} installs them as files in the root file system, where exec
 * finds them; {@link isolab.sim.userland.Getopt} is glibc's getopt_long;
 * {@link isolab.sim.userland.Catalog} names programs Linux has that are not modelled yet;
 * {@link isolab.sim.userland.Help} holds the {@code --help} texts copied from the real programs.
 * Subpackages are named after the Debian packages that ship the programs.
 */
package isolab.sim.userland;
