package isolab.sim;

import isolab.api.HostKind;
import isolab.api.HostView;
import isolab.api.MountView;
import isolab.api.NamespaceSet;
import isolab.api.NamespaceType;
import isolab.api.NamespaceView;
import isolab.api.ProcessView;
import isolab.sim.fs.Mount;
import isolab.sim.kernel.Kernel;
import isolab.sim.namespace.MntNamespace;
import isolab.sim.namespace.Namespace;
import isolab.sim.namespace.NsProxy;
import isolab.sim.namespace.PidNamespace;
import isolab.sim.namespace.UserNamespace;
import isolab.sim.process.Task;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Snapshots of the model as the api's records: what the web draws and the contract observes. */
final class HostViews {

    private HostViews() {
    }

    static HostView snapshot(Kernel kernel) {
        List<ProcessView> processes = new ArrayList<>();
        for (Task t : kernel.pids().all()) {
            processes.add(process(t));
        }
        List<Namespace> live = new ArrayList<>(kernel.namespaces().live());
        live.sort(Comparator.comparing((Namespace n) -> n.type().ordinal()).thenComparingLong(Namespace::inode));
        List<NamespaceView> namespaces = new ArrayList<>();
        List<MountView> mounts = new ArrayList<>();
        for (Namespace ns : live) {
            namespaces.add(namespace(ns));
        }
        for (Namespace ns : live) {
            if (ns instanceof MntNamespace mnt) {
                for (Mount m : mnt.mounts().mounts()) {
                    mounts.add(mount(mnt, m));
                }
            }
        }
        String hostname = kernel.initialNsProxy().uts().nodename();
        return new HostView(HostKind.SIM, hostname, processes, namespaces, mounts);
    }

    static ProcessView process(Task t) {
        Task parent = t.parent();
        NsProxy n = t.nsproxy();
        NamespaceSet set = new NamespaceSet(n.cgroup().inode(), n.ipc().inode(), n.mnt().inode(), n.net().inode(),
                t.pidNs().inode(), n.time().inode(), t.cred().userNs().inode(), n.uts().inode());
        return new ProcessView(t.pid(), parent == null ? 0 : parent.pid(), t.comm(), t.argv(), t.state().letter(),
                t.cred().uid(), t.nsPids(), set);
    }

    static NamespaceView namespace(Namespace ns) {
        long parent = 0;
        int level = 0;
        if (ns instanceof PidNamespace pid) {
            parent = pid.parent() == null ? 0 : pid.parent().inode();
            level = pid.level();
        } else if (ns instanceof UserNamespace user) {
            parent = user.parent() == null ? 0 : user.parent().inode();
            level = user.level();
        }
        long owner = ns.owner() == null ? 0 : ns.owner().inode();
        return new NamespaceView(ns.type(), ns.inode(), parent, owner, level);
    }

    static MountView mount(MntNamespace ns, Mount m) {
        return new MountView(ns.inode(), m.id(), m.isRoot() ? m.id() : m.parent().id(), m.sb().device(),
                m.rootPath(), isolab.sim.fs.mount.MountPoints.fromTreeRoot(m), m.options(), m.propagation(),
                m.sb().fsType(), m.sb().source(), m.sb().superOptions());
    }

    /** The kinds of namespace, for pictures that draw one column per kind. */
    static List<NamespaceType> kinds() {
        return List.of(NamespaceType.values());
    }
}
