/**
 * procfs (fs/proc/): each instance shows the PID namespace it was mounted in; entries are built
 * from the model at every lookup and file text at every open ({@link
 * isolab.sim.fs.proc.ProcRender} holds Linux's formats: status, stat, cmdline, mountinfo, mounts,
 * cgroup). Namespace links lead to {@link isolab.sim.fs.proc.NsfsInode}s on device 0:4. Also
 * devpts' root directory. Memory figures (Vm*, RSS) are not modelled in this slice.
 */
package isolab.sim.fs.proc;
