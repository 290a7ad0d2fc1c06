package isolab.api;

/**
 * One namespace.
 *
 * @param type its kind
 * @param inode its inode number, as in {@code /proc/PID/ns/<type>}
 * @param parentInode for PID and user namespaces, the inode of the parent namespace (0 for the
 *     host's initial one and for other kinds)
 * @param ownerUserInode the inode of the user namespace that owns it (0 where unknown)
 * @param level nesting depth for PID and user namespaces (0 = the host's initial one), else 0
 */
public record NamespaceView(NamespaceType type, long inode, long parentInode, long ownerUserInode, int level) {
}
