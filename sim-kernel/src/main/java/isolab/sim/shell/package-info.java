/**
 * The shell, a user program (xv6's sh.c grown to POSIX sh): {@link isolab.sim.shell.Parser} turns
 * input into a {@link isolab.sim.shell.Node} tree of records; {@link isolab.sim.shell.Shell} runs
 * it with system calls only. One implementation, two {@link isolab.sim.shell.Dialect}s: bash
 * (the terminal's shell) and dash ({@code /bin/sh}), with their own error texts, builtins, job
 * messages and forking, as measured on Linux: bash -c execs its last simple command, dash -c
 * does not; subshells and command substitutions exec their last simple command in both;
 * pipelines fork every element.
 *
 * bash's {@code [[ ]]} is parsed with the command ({@link isolab.sim.shell.Cond}) and run by
 * {@link isolab.sim.shell.Conditional}; traps ({@link isolab.sim.shell.Traps}) are caught
 * dispositions the shell acts on between commands, as both shells do.
 *
 * <p>Simplifies: no aliases, no history, no arrays, {@code select}, or {@code ERR}/{@code DEBUG}
 * traps; unsupported builtins and options say they are not modelled.
 */
package isolab.sim.shell;
