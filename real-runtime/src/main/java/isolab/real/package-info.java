/**
 * A real Linux host: {@link isolab.real.LinuxHost} builds one session sandbox presenting the
 * machine of docs/MACHINE.md and runs the lab's terminals in it as real bash on real ptys.
 *
 * <h2>The sandbox</h2>
 * <p>{@code LinuxHost.start(MachineConfig)} detects the host's cgroup layout and refuses, with a
 * {@link isolab.real.HostRefusedException} a person can act on, a machine it cannot build (the other
 * cgroup layout, a JVM that is not root, no memory or pids hierarchy). It then sweeps away what
 * sessions of dead JVMs left ({@link isolab.real.cgroup.Sweeper}) and starts a launcher process;
 * the JVM itself never calls unshare or setns. The C launcher ({@code isolab-launcher.c}, compiled
 * on first use) makes the session's cgroups {@code /sys/fs/cgroup/<c>/isolab/<session>} with a
 * 512M memory and 512 pids ceiling, enters them, unshares the PID namespace and forks PID 1, which
 * unshares mount, uts, ipc, net and cgroup namespaces (so the cgroup mounts are rooted at the
 * session's cgroups), mounts a tmpfs on {@code /run} of its own mount namespace, builds the overlay
 * root ({@code lowerdir=/}, upper and work on that tmpfs: no directory is made on the host) and
 * MACHINE.md's mounts in order, pivot_roots, names the machine, and serves as init. Without gcc,
 * util-linux builds the same machine ({@link isolab.real.launch.UtilLinuxSandbox} says how it differs).
 *
 * <h2>Teardown</h2>
 * <p>{@code close()} tells init to quit: PID 1's exit kills every process of the namespace
 * (kernel/pid_namespace.c: zap_pid_ns_processes), the mounts go with the last process, and the
 * launcher removes the cgroups (killing whatever a lab moved into cgroups below them first). The
 * same happens when the JVM dies: init reads end-of-file on its stdin. A JVM shutdown hook closes
 * open hosts; what a killed JVM and launcher leave is removed by the next JVM's sweeper, which
 * knows a session's owner by the PID and start time in its name and never touches the session of
 * a live JVM.
 *
 * <h2>The prompt protocol</h2>
 * <p>Each terminal's bash starts with MACHINE.md's environment plus four variables:
 * <pre>
 *   ISOLAB_NONCE=3f9a2c71e0b4                  twelve hex digits, fresh per host
 *   PS1={isolab:${ISOLAB_NONCE}:$?}            after every command: the command is over, its status
 *   PS2={isolab:${ISOLAB_NONCE}:more}          the shell wants the rest of a command
 *   PS0={isolab:${ISOLAB_NONCE}:run}           bash only: the command was read and runs now
 * </pre>
 * Bash and dash both expand parameters in their prompts ({@code PS1='<P:$?>'} prints {@code <P:1>}
 * after {@code false} in both), and the variables are exported, so nested shells
 * ({@code unshare ... sh}, {@code bash}) speak the protocol too; printing the environment shows
 * no token, since only an expanded prompt carries the nonce. A command line is typed with Enter
 * ({@code \r}); each continuation line when a PS2 appears (a PS2 with nothing left to type gets
 * Ctrl-C, as a person gives up); the first PS1 ends the command and gives {@code $?}. The output
 * is what the terminal displayed in between, without the echo of the typed line (everything before
 * PS0 for bash, however readline drew it; the tty's echo of each line for dash) and without the
 * prompts, rendered as a person sees it: {@code \r\n} ends a line, escape sequences leave nothing,
 * a lone {@code \r} overwrites ({@link isolab.real.terminal.Screen}). When the terminal's own bash
 * ends ({@code exit}), its status is the command's, and the next command starts a fresh bash.
 *
 * <p>Rc files: bash reads {@code /etc/bash.bashrc}; the host's (Debian's) sets PS1, so init
 * writes, before any shell starts, a machine's own {@code /etc/bash.bashrc} into the overlay's
 * upper layer that sets nothing (a copy-up a lab can see: the file differs from the host's).
 * {@code /root} is an empty tmpfs, so there is no {@code ~/.bashrc}.
 *
 * <p>Timeouts: a command running past its timeout gets Ctrl-C (tty echo {@code ^C}, usually status
 * 130); if no prompt follows within 2 s its foreground process group gets SIGKILL; if still none,
 * the terminal is hung up and the next command starts a fresh bash. The result says
 * {@code timedOut}.
 *
 * <p>What breaks the protocol, each time-limited by the command's timeout: assigning PS1, PS2 or
 * PS0, or unsetting ISOLAB_NONCE; a shell that does not expand prompts, or started with a clean
 * environment ({@code env -i bash}, {@code su -}); expanding a prompt into the output
 * ({@code echo "${PS1@P}"}); a program that reads the terminal ({@code cat} without a file,
 * {@code read}) waits for input no one types.
 */
package isolab.real;
