package isolab.api;

import java.util.List;

/**
 * An immutable snapshot of what can be observed on a host: processes with their per-namespace
 * PIDs, namespaces with their inode numbers, and the mounts of every mount namespace.
 *
 * @param kind which host this was taken on
 * @param hostname the UTS hostname of the host's initial UTS namespace
 * @param processes every process, ordered by PID in the host's initial PID namespace
 * @param namespaces every namespace some process is in, ordered by type then inode
 * @param mounts the mounts of every mount namespace, ordered by namespace then mountinfo order
 * @param memcgs the memory cgroups, in pre-order from the machine's root (empty where not observed)
 */
public record HostView(
        HostKind kind, String hostname, List<ProcessView> processes, List<NamespaceView> namespaces,
        List<MountView> mounts, List<MemcgView> memcgs) {

    public HostView {
        processes = List.copyOf(processes);
        namespaces = List.copyOf(namespaces);
        mounts = List.copyOf(mounts);
        memcgs = List.copyOf(memcgs);
    }

    /** A view without memory cgroups (a host that does not observe them). */
    public HostView(HostKind kind, String hostname, List<ProcessView> processes, List<NamespaceView> namespaces,
            List<MountView> mounts) {
        this(kind, hostname, processes, namespaces, mounts, List.of());
    }
}
