package isolab.api;

/**
 * The inode numbers of the eight namespaces a process is in, as {@code /proc/PID/ns/<type>} shows
 * them ({@code pid:[4026531836]}); 0 where the host could not read one.
 */
public record NamespaceSet(long cgroup, long ipc, long mnt, long net, long pid, long time, long user, long uts) {

    /** The inode of the namespace of {@code type}. */
    public long inode(NamespaceType type) {
        return switch (type) {
            case CGROUP -> cgroup;
            case IPC -> ipc;
            case MNT -> mnt;
            case NET -> net;
            case PID -> pid;
            case TIME -> time;
            case USER -> user;
            case UTS -> uts;
        };
    }

    /** This set with the namespace of {@code type} replaced by {@code inode}. */
    public NamespaceSet with(NamespaceType type, long inode) {
        return new NamespaceSet(
                type == NamespaceType.CGROUP ? inode : cgroup,
                type == NamespaceType.IPC ? inode : ipc,
                type == NamespaceType.MNT ? inode : mnt,
                type == NamespaceType.NET ? inode : net,
                type == NamespaceType.PID ? inode : pid,
                type == NamespaceType.TIME ? inode : time,
                type == NamespaceType.USER ? inode : user,
                type == NamespaceType.UTS ? inode : uts);
    }
}
