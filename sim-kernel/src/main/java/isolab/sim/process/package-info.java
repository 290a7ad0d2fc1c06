/**
 * Processes (kernel/fork.c, exit.c, signal.c, fs/exec.c): a {@link isolab.sim.process.Task} has
 * one PID per PID namespace level, a parent and children, credentials and capability sets,
 * namespaces, root, cwd and files, signal dispositions, process group, session and terminal.
 * {@link isolab.sim.process.Fork} creates, {@link isolab.sim.process.Exec} replaces the program,
 * {@link isolab.sim.process.Exit} ends (zombie, reparenting to the nearest child subreaper or the
 * namespace's init, tearing a PID namespace down when its init dies), {@link isolab.sim.process.Wait}
 * reaps, {@link isolab.sim.process.Signals} delivers, {@link isolab.sim.process.Prctl} drops
 * capabilities from the bounding set and marks subreapers. A fork into a PID namespace whose init
 * has died takes a number at every level before it fails with ENOMEM, as alloc_pid does.
 * {@link isolab.sim.process.Credentials} are immutable like a struct cred; {@link isolab.sim.process.SetId}
 * changes them (setresuid, setgroups, capset, keep-caps) with commoncap's rule that leaving uid 0
 * clears the capabilities. A task also holds its cgroups ({@link isolab.sim.cgroup.CssSet}), which
 * fork copies.
 *
 * <p>Invariants: a task is visible in its own PID namespace and every ancestor; its parent lists
 * it among its children; a zombie's fiber has ended. Simplifies: one thread per process,
 * signal handlers are the program polling for caught signals, no ptrace, no rlimits but NOFILE.
 */
package isolab.sim.process;
