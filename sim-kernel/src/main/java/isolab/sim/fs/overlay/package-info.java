/**
 * overlayfs (fs/overlayfs/, Documentation/filesystems/overlayfs.rst), as this kernel runs it
 * (redirect_dir, index, metacopy and xino off): {@code mount -t overlay -o
 * lowerdir=L1:L2,upperdir=U,workdir=W} stacks the lower directories (leftmost on top) under the
 * upper one and shows the merge ({@link isolab.sim.fs.overlay.OverlayFs}).
 *
 * <p>The model: every object of the merged tree ({@link isolab.sim.fs.overlay.OvlDirectory},
 * {@code OvlFile}, {@code OvlSymlink}) knows its upper object, if any, and its lower ones, and
 * reads through the upper one when there is one. Lookup lets a higher layer hide lower ones except
 * where both are directories, which merge; readdir lists upper names, then each lower layer's new
 * ones. Any write-like access to a lower object copies it up first ({@code CopyUp}: parents first,
 * metadata, then all the data); removing a name a lower layer has leaves a whiteout, a character
 * device 0/0 shared by hard links from {@code work/}; a directory made over a whiteout is opaque
 * ({@code trusted.overlay.opaque=y}); renaming a directory lower layers have is EXDEV. Without an
 * upper directory the overlay is read-only (EROFS). Each decision is an {@link isolab.api.OverlayEvent}.
 *
 * <p>Invariant (checked beside the model, {@code isolab.sim.check.Invariants}): the lower layers
 * of a mounted overlay never change. Simplifies: no hard links (link(2) is not modelled), a file
 * opened before a copy-up reads the upper copy afterwards (as Linux's stacked file operations
 * do), objects other than directories, files and symbolic links are shown as their real inode,
 * {@code redirect_dir}, {@code index}, {@code metacopy}, {@code xino} and the other options are
 * not modelled (mount fails with ENOSYS), extended attributes exist but no program shows them.
 */
package isolab.sim.fs.overlay;
