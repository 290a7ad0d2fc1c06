/**
 * Mount trees and mount propagation (fs/namespace.c, fs/pnode.c, Documentation/filesystems/
 * sharedsubtree.rst), behind mount(2), umount2(2), pivot_root(2) and the copying of a mount
 * namespace.
 *
 * <p>Four pieces, as in Linux. {@link isolab.sim.fs.mount.CloneTree} copies a mount or a whole
 * tree (clone_mnt, copy_tree): the CL_* flags say whether a copy is a peer, a slave or private.
 * {@link isolab.sim.fs.mount.Graft} attaches a new tree (graft_tree, attach_recursive_mnt): under
 * a shared mount the tree becomes shared and {@link isolab.sim.fs.mount.Propagation} makes a copy
 * for every mount that receives events from there (propagate_mnt), peers getting peers and slaves
 * slaves. {@link isolab.sim.fs.mount.Umount} takes trees out (do_umount, umount_tree), with the
 * copies propagation takes along, and decides when a mount is busy. {@link
 * isolab.sim.fs.mount.CopyMntNs} copies a namespace's tree depth first, which is why a new
 * namespace lists its mounts in tree order while an old one lists them in the order they were
 * made. {@link isolab.sim.fs.mount.PivotRoot} swaps a namespace's root. {@link
 * isolab.sim.fs.mount.FileSystems} is the table of filesystem types mount(2) looks a type up in:
 * a type added there (cgroup, sysfs, ...) becomes mountable.
 *
 * <p>The propagation graph is Linux's: a shared mount is in a ring of peers with one group id
 * (the lowest free from 1, {@link isolab.sim.fs.mount.GroupIds}); a slave points at one mount of
 * its master group and is in that mount's slave list; {@code propagation_next} walks peers, then
 * slaves, depth first. Every decision is a {@link isolab.api.MountEvent}, propagated ones marked.
 *
 * <p>Simplifies: mount ids count up and are never reused (Linux: lowest free); MNT_LOCKED and the
 * mount-count limit are not modelled; propagate_umount's trimming is reduced to "a propagated copy
 * goes if all of its submounts go"; mountinfo never shows {@code propagate_from:}.
 */
package isolab.sim.fs.mount;
