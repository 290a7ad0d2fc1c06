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
 * <p>A cgroup directory lists the core's files and those of each controller bound to its
 * hierarchy (on v2: of each controller the parent enables in cgroup.subtree_control, as only
 * those have state there). As on Linux, root may open a read-only control file for writing,
 * since cgroupfs does not check the mode at open (no KERNFS_ROOT_EXTRA_OPEN_PERM_CHECK); each
 * write then fails with EINVAL (cgroup_file_write; measured: {@code echo 1 > pids.current}).
 *
 * <p>Simplifies: only the pids and memory (v1) controllers have files so far (cpu.*, ... come
 * with their controllers); kernfs' readdir order is by name here.
 */
package isolab.sim.fs.cgroupfs;
