/**
 * cgroupfs (kernel/cgroup/cgroup.c, cgroup-v1.c over fs/kernfs): the view of the cgroup model
 * ({@link isolab.sim.cgroup}) as files. Each hierarchy has one superblock, shared by all its
 * mounts ({@code cgroup} for v1, {@code cgroup2} for the default hierarchy); each cgroup one
 * directory ({@link isolab.sim.fs.cgroupfs.CgroupDir}) whose entries are its children and its
 * control files ({@link isolab.sim.fs.cgroupfs.CgroupFile}, rendered from a
 * {@link isolab.sim.cgroup.Cftype} at open). mkdir and rmdir in it make and remove cgroups.
 * A mount made inside a cgroup namespace has the namespace's root cgroup as its root, and
 * mountinfo shows a cgroup mount's root relative to the reader's cgroup namespace.
 *
 * <p>Simplifies: of the controllers' own files only the memory controller's are there
 * (memory.*, v1); kernfs' readdir order is by name here.
 */
package isolab.sim.fs.cgroupfs;
