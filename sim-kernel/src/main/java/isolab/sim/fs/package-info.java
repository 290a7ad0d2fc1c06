/**
 * The VFS (fs/namei.c, fs/namespace.c, include/linux/fs.h): {@link isolab.sim.fs.Inode}s of
 * every type, {@link isolab.sim.fs.Directory} trees, {@link isolab.sim.fs.Mount}s per mount
 * namespace in a {@link isolab.sim.fs.MountTable}, path walk with {@code ..} across mounts and
 * symbolic links ({@link isolab.sim.fs.Namei}), open file descriptions and descriptor tables.
 * Filesystems are in-memory: tmpfs, the root tree, rendered ones ({@link isolab.sim.fs.Rendered}).
 *
 * <p>Invariants: a directory has one parent; a mount's mount point is a directory of its parent
 * mount. Simplifies: no page cache, no permissions beyond mode bits and root's override, the
 * root file system is shown as the sandbox's overlay but has no copy-up yet, no hard links to
 * existing files.
 */
package isolab.sim.fs;
