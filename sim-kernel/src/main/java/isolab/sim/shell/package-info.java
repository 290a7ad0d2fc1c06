/**
 * The shell, a user program (xv6's sh.c grown to POSIX sh): parse, then run.
 * {@link isolab.sim.shell.ShellSession} reads input (a terminal, a pipe, a script, {@code -c});
 * {@link isolab.sim.shell.Parser} turns it into a {@link isolab.sim.shell.Node} tree of records;
 * {@link isolab.sim.shell.Eval} walks the tree, {@link isolab.sim.shell.SimpleCommand} runs
 * builtins, functions and programs, {@link isolab.sim.shell.Forks} forks for pipelines, subshells,
 * background jobs and substitutions, {@link isolab.sim.shell.JobStatus} waits and reports,
 * {@link isolab.sim.shell.Expander} expands words, {@link isolab.sim.shell.Variables} holds the
 * parameters and {@link isolab.sim.shell.Shell} the state they share. Only system calls reach the
 * machine. One implementation, two {@link isolab.sim.shell.Dialect}s: bash
 * (the terminal's shell) and dash ({@code /bin/sh}), with their own error texts, builtins, job
 * messages and forking, as measured on Linux: bash -c execs its last simple command (unless it
 * follows a {@code &}), dash -c does not; subshells and command substitutions exec their last
 * simple command in both; pipelines fork every element. When fork fails with EAGAIN (a pids
 * limit), bash retries after sleeps of 1, 2, 4 and 8 seconds of virtual time, which a child's
 * SIGCHLD can cut short, and dash gives up at once.
 *
 * bash's {@code [[ ]]} is parsed with the command ({@link isolab.sim.shell.Cond}) and run by
 * {@link isolab.sim.shell.Conditional}; traps ({@link isolab.sim.shell.Traps}) are caught
 * dispositions the shell acts on between commands, as both shells do.
 *
 * <p>Simplifies: no aliases, no history, no arrays, {@code select}, or {@code ERR}/{@code DEBUG}
 * traps; unsupported builtins and options say they are not modelled.
 */
package isolab.sim.shell;
