/**
 * The VFS (fs/namei.c, fs/namespace.c, include/linux/fs.h): {@link isolab.sim.fs.Inode}s of
 * every type, {@link isolab.sim.fs.Directory} trees, {@link isolab.sim.fs.Mount}s per mount
 * namespace in a {@link isolab.sim.fs.MountTable}, path walk with {@code ..} across mounts and
 * symbolic links ({@link isolab.sim.fs.Namei}), open file descriptions and descriptor tables.
 * Filesystems are in-memory: tmpfs, the root tree, rendered ones ({@link isolab.sim.fs.Rendered}),
 * and overlayfs stacked on the others ({@code isolab.sim.fs.overlay}).
 *
 * <p>A mount shows a directory (or, for a file bind mount, a file) of a superblock on a mount
 * point of its parent mount, and carries its place in the propagation graph (peers, master,
 * slaves); the rules that build and change mount trees live in {@code isolab.sim.fs.mount}. The
 * operations a filesystem may do its own way are the inode's: {@link
 * isolab.sim.fs.Directory#create}, {@code unlink}, {@code rename}, {@link
 * isolab.sim.fs.RegularFile#open}, {@code chmod}, and {@link isolab.sim.fs.Inode#device} for stat;
 * the system calls check arguments and permissions and then call them.
 *
 * <p>Invariants: a directory has one parent; a mount's mount point is an inode of its parent
 * mount, and the mount is in its parent's list of children (checked with the propagation links
 * by {@code isolab.sim.check}). Simplifies: no page cache, no permissions beyond mode bits and
 * root's override, the root file system is shown as the sandbox's overlay but has no copy-up yet,
 * no hard links to existing files, extended attributes kept but not readable by programs.
 */
package isolab.sim.fs;
