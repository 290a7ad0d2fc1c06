/**
 * Control groups, the core (kernel/cgroup/cgroup.c, cgroup-v1.c; KERNEL-SEMANTICS.md sections 3
 * and 4): {@link isolab.sim.cgroup.Hierarchy hierarchies} of {@link isolab.sim.cgroup.Cgroup
 * cgroups}, each with the {@link isolab.sim.cgroup.Subsys controllers} bound to it, and the
 * rules of {@link isolab.sim.cgroup.Cgroups}.
 *
 * <p>The model: a task holds a {@link isolab.sim.cgroup.CssSet} - one cgroup per hierarchy - that
 * fork copies and a move replaces in one hierarchy; which tasks a cgroup has is computed from the
 * tasks, never stored twice. The machine has the hierarchies of docs/MACHINE.md: on v1 one per
 * controller (ids 1-8), {@code name=systemd} (9) and the default hierarchy (0); on v2 the default
 * one alone. Control files are {@link isolab.sim.cgroup.Cftype}s: the core's
 * ({@link isolab.sim.cgroup.CoreFiles}: cgroup.procs, tasks, ...) and each controller's, which
 * cgroupfs ({@link isolab.sim.fs.cgroupfs}) shows as files.
 *
 * <p>The machine's root cgroup in each controller's hierarchy is the sandbox's own cgroup, a child
 * on the host ({@link isolab.sim.cgroup.Hierarchy#delegated}): it has a child's files, and the
 * machine's processes sit in a cgroup namespace that is not the initial one, so no new hierarchy
 * can be mounted (EPERM), as measured in the real sandbox.
 *
 * <p>Invariants (checked by {@link isolab.sim.check.Invariants}): every task is in exactly one
 * cgroup of each hierarchy; a live task is never in a removed cgroup, since removing one with
 * live tasks or children is EBUSY. Exiting tasks and zombies no longer count as members.
 *
 * <p>v2's {@code cgroup.subtree_control} is modelled with its rules ({@link
 * isolab.sim.cgroup.SubtreeControl}), so the controllers a v2 cgroup has are known when the
 * controllers come.
 *
 * <p>Controllers plug in as a {@link isolab.sim.cgroup.Controller} (struct cgroup_subsys's
 * callbacks): their files, a say in every fork ({@link isolab.sim.cgroup.Cgroups#canFork}, after
 * the PID is allocated, as copy_process calls cgroup_can_fork) and a hand in every move. Each
 * gets the controller's own cgroup of the tasks ({@link isolab.sim.cgroup.Cgroups#css}): on v1 the
 * task's cgroup, on v2 the nearest one up that has the controller enabled by its parent. The
 * controllers with effects are pids ({@link isolab.sim.cgroup.pids}) and memory (v1 files;
 * {@link isolab.sim.memory}); numbers written to control files are parsed as the kernel parses
 * them ({@link isolab.sim.cgroup.Kstrtox}).
 *
 * <p>Simplifies: the other controllers have no files or effects yet (cpu, cpuset, freezer, blkio,
 * devices, ...); one thread per process, so cgroup.procs and tasks agree; v2's threaded
 * mode and limits on depth and descendants are not modelled (their writes fail with ENOSYS);
 * notify_on_release is kept but no release agent runs.
 */
package isolab.sim.cgroup;
