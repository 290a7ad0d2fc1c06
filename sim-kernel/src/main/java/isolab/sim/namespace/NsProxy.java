package isolab.sim.namespace;

import isolab.api.NamespaceType;

/**
 * The namespaces a task is in (include/linux/nsproxy.h), except its user namespace, which belongs
 * to its credentials, and its own PID namespace, which belongs to its PID. {@code pidForChildren}
 * and {@code timeForChildren} are where the task's future children go: unshare(2) of those two
 * kinds changes only them.
 */
public record NsProxy(
        UtsNamespace uts, Namespace ipc, MntNamespace mnt, PidNamespace pidForChildren, Namespace net,
        Namespace time, Namespace timeForChildren, Namespace cgroup) {

    /** This set with the namespace of {@code type} replaced (PID and time: the for-children one). */
    public NsProxy with(NamespaceType type, Namespace ns) {
        return switch (type) {
            case UTS -> new NsProxy((UtsNamespace) ns, ipc, mnt, pidForChildren, net, time, timeForChildren, cgroup);
            case IPC -> new NsProxy(uts, ns, mnt, pidForChildren, net, time, timeForChildren, cgroup);
            case MNT -> new NsProxy(uts, ipc, (MntNamespace) ns, pidForChildren, net, time, timeForChildren, cgroup);
            case PID -> new NsProxy(uts, ipc, mnt, (PidNamespace) ns, net, time, timeForChildren, cgroup);
            case NET -> new NsProxy(uts, ipc, mnt, pidForChildren, ns, time, timeForChildren, cgroup);
            case TIME -> new NsProxy(uts, ipc, mnt, pidForChildren, net, time, ns, cgroup);
            case CGROUP -> new NsProxy(uts, ipc, mnt, pidForChildren, net, time, timeForChildren, ns);
            case USER -> throw new IllegalArgumentException("the user namespace belongs to the credentials");
        };
    }

    /** The set a child starts with: the for-children namespaces become its own. */
    public NsProxy forChild() {
        return new NsProxy(uts, ipc, mnt, pidForChildren, net, timeForChildren, timeForChildren, cgroup);
    }
}
