/**
 * The contract every host fulfils: a Linux machine that runs shell command lines in named
 * terminals and can be observed.
 *
 * <p>Two implementations exist: {@code isolab.sim.SimulatedHost}, a deterministic model of a Linux
 * kernel, and {@code isolab.real.LinuxHost}, a session sandbox on a real Linux host. Which one runs
 * is decided only where the application is wired (the CLI's {@code --host sim|real}, the web
 * configuration); everything above this package sees a {@link isolab.api.Host}.
 *
 * <p>Invariants both hosts keep:
 * <ul>
 *   <li>A terminal is created on first use as a root bash in the host's initial namespaces and
 *       cgroups, working directory {@code /root}. A command that starts a new shell makes the
 *       following lines run in that shell until its {@code exit}, as at a real terminal.</li>
 *   <li>{@link isolab.api.CommandResult#output()} is what the terminal showed for the line, stdout
 *       and stderr interleaved, with {@code \n} line ends and no prompt or echo of the line.</li>
 *   <li>{@link isolab.api.HostView} is an immutable snapshot made of records only; PIDs in it are
 *       PIDs in the host's initial PID namespace (for a real host: the sandbox's).</li>
 *   <li>{@link isolab.api.Host#close()} leaves nothing behind: no process, mount or cgroup.</li>
 * </ul>
 */
package isolab.api;
