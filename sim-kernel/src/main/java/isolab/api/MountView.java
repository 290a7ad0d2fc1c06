package isolab.api;

/**
 * One line of {@code /proc/PID/mountinfo} of a mount namespace (see proc(5)).
 *
 * @param mntNamespace the inode of the mount namespace the mount belongs to
 * @param mountId the unique id of the mount
 * @param parentId the id of the parent mount (its own id for the namespace's root)
 * @param device {@code major:minor} of the filesystem
 * @param root the path of the directory of the filesystem that forms the mount's root
 * @param mountPoint the mount point, relative to the reading process's root
 * @param options per-mount options ({@code rw,relatime})
 * @param propagation the optional fields: {@code shared:N}, {@code master:N}, {@code unbindable},
 *     separated by spaces; empty for a private mount
 * @param fsType the filesystem type ({@code overlay}, {@code proc}, {@code tmpfs}, ...)
 * @param source the mount source
 * @param superOptions per-superblock options
 */
public record MountView(
        long mntNamespace, int mountId, int parentId, String device, String root, String mountPoint,
        String options, String propagation, String fsType, String source, String superOptions) {
}
