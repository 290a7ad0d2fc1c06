package isolab.sim.kernel;

import isolab.api.NamespaceEvent;
import isolab.api.NamespaceType;
import isolab.sim.namespace.MntNamespace;
import isolab.sim.namespace.Namespace;
import isolab.sim.namespace.NsProxy;
import isolab.sim.namespace.PidNamespace;
import isolab.sim.namespace.SimpleNamespace;
import isolab.sim.namespace.UserNamespace;
import isolab.sim.namespace.UtsNamespace;
import isolab.sim.process.Task;
import isolab.sim.process.TaskState;
import java.util.ArrayList;
import java.util.TreeSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every namespace on the machine and their lifetimes (kernel/nsproxy.c: copy_namespaces,
 * unshare_nsproxy_namespaces). New namespaces are copies of the caller's; a namespace dies when
 * no task refers to it any more (zombies still hold their PID namespace).
 */
public final class Namespaces {

    private final Kernel kernel;
    private final Set<Namespace> live = new LinkedHashSet<>();
    private isolab.sim.fs.mount.CopyMntNs lastMountCopy;

    Namespaces(Kernel kernel) {
        this.kernel = kernel;
    }

    /** Registers a namespace made at boot. */
    void register(Namespace ns) {
        live.add(ns);
    }

    /** Every live namespace, in creation order. */
    public List<Namespace> live() {
        return new ArrayList<>(live);
    }

    /**
     * {@code base} with new namespaces for each CLONE_NEW* bit of {@code flags}, made on behalf of
     * {@code task}. For clone ({@code forChild}) a new PID namespace is the child's own; for
     * unshare it is only where the caller's future children go.
     */
    public NsProxy copy(Task task, NsProxy base, int flags, boolean forChild) {
        return copy(task, base, flags, forChild, task.cred().userNs());
    }

    /**
     * A new user namespace for {@code creator} (kernel/user_namespace.c: create_user_ns): a child of
     * the creator's, owned by its effective uid, with empty maps; EUSERS beyond 32 levels.
     */
    public UserNamespace newUserNamespace(Task creator) {
        UserNamespace parent = creator.cred().userNs();
        if (parent.level() + 1 > UserNamespace.MAX_LEVEL) {
            throw new isolab.sim.syscall.SysException(isolab.sim.syscall.Errno.EUSERS);
        }
        UserNamespace ns = new UserNamespace(kernel.nsfs().allocate(), parent, creator.cred().euid());
        live.add(ns);
        kernel.emit(new NamespaceEvent.Created(NamespaceType.USER, ns.inode(), creator.pid()));
        return ns;
    }

    /** Like {@link #copy(Task, NsProxy, int, boolean)}, with the new namespaces owned by {@code owner}. */
    public NsProxy copy(Task task, NsProxy base, int flags, boolean forChild, UserNamespace owner) {
        lastMountCopy = null;
        NsProxy ns = base;
        for (NamespaceType type : NamespaceType.values()) {
            if ((flags & type.cloneFlag()) == 0 || type == NamespaceType.USER) {
                continue;
            }
            Namespace created = switch (type) {
                case UTS -> base.uts().copy(kernel.nsfs().allocate(), owner);
                case MNT -> copyMounts(base.mnt(), owner);
                case PID -> new PidNamespace(kernel.nsfs().allocate(), owner,
                        forChild ? base.pidForChildren() : task.pidNs());
                case IPC -> new isolab.sim.namespace.IpcNamespace(kernel.nsfs().allocate(), owner);
                case NET -> new isolab.sim.namespace.NetNamespace(kernel.nsfs().allocate(), owner);
                case TIME -> ((isolab.sim.namespace.TimeNamespace) base.timeForChildren()).copy(kernel.nsfs().allocate(), owner);
                default -> new SimpleNamespace(type, kernel.nsfs().allocate(), owner);
            };
            live.add(created);
            kernel.emit(new NamespaceEvent.Created(type, created.inode(), task.pid()));
            ns = ns.with(type, created);
            if (type == NamespaceType.TIME && forChild) {
                ns = new NsProxy(ns.uts(), ns.ipc(), ns.mnt(), ns.pidForChildren(), ns.net(), created, created, ns.cgroup());
            }
        }
        return ns;
    }

    /** fs/namespace.c: copy_mnt_ns: a copy of {@code from}'s mount tree (see {@link isolab.sim.fs.mount.CopyMntNs}). */
    private MntNamespace copyMounts(MntNamespace from, UserNamespace owner) {
        MntNamespace to = new MntNamespace(kernel.nsfs().allocate(), owner);
        lastMountCopy = isolab.sim.fs.mount.CopyMntNs.copy(kernel, from.mounts(), to.mounts(), owner != from.owner());
        return to;
    }

    /**
     * {@code path} translated into the mount namespace the last {@link #copy} made (copy_mnt_ns
     * moves the caller's root and cwd to the copies of their mounts); unchanged if none was made.
     */
    public isolab.sim.fs.Path translate(isolab.sim.fs.Path path) {
        return lastMountCopy == null ? path : lastMountCopy.translate(path);
    }

    /** Announces and forgets every namespace no task refers to any more. */
    public void releaseUnused(Kernel k) {
        Set<Long> used = new TreeSet<>();
        for (Task t : k.pids().all()) {
            used.add((t.pidNs()).inode());
            for (PidNamespace p = t.pidNs().parent(); p != null; p = p.parent()) {
                used.add((p).inode());
            }
            if (t.state() == TaskState.ZOMBIE || t.state() == TaskState.DEAD) {
                continue;
            }
            NsProxy n = t.nsproxy();
            used.add((n.uts()).inode());
            used.add((n.ipc()).inode());
            used.add((n.mnt()).inode());
            used.add((n.pidForChildren()).inode());
            for (PidNamespace p = n.pidForChildren(); p != null; p = p.parent()) {
                used.add((p).inode());
            }
            used.add((n.net()).inode());
            used.add((n.time()).inode());
            used.add((n.timeForChildren()).inode());
            used.add((n.cgroup()).inode());
            for (UserNamespace u = t.cred().userNs(); u != null; u = u.parent()) {
                used.add((u).inode());
            }
        }
        pinnedByMounts(used);
        for (Namespace ns : List.copyOf(live)) {
            if (!used.contains(ns.inode())) {
                live.remove(ns);
                if (ns instanceof isolab.sim.namespace.NetNamespace net) {
                    retireNet(net);
                }
                if (ns instanceof MntNamespace mnt) {
                    // fs/namespace.c: put_mnt_ns: the tree goes, unpropagated; its mounts leave their peer groups.
                    isolab.sim.fs.mount.Umount.umountTree(kernel, mnt.mounts().root(), false);
                }
                kernel.emit(new NamespaceEvent.Destroyed(ns.type(), ns.inode()));
            }
        }
    }

    /**
     * Adds the namespaces that nsfs bind mounts in used mount namespaces keep alive (what
     * {@code ip netns add} relies on: fs/nsfs.c, a mount holds a reference to the namespace).
     */
    private void pinnedByMounts(Set<Long> used) {
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Namespace ns : live) {
                if (!(ns instanceof MntNamespace mnt) || !used.contains(mnt.inode())) {
                    continue;
                }
                for (isolab.sim.fs.Mount m : mnt.mounts().mounts()) {
                    Object root = m.root();
                    if (root instanceof isolab.sim.fs.proc.NsfsInode nsfs) {
                        grew |= used.add(nsfs.namespace().inode());
                    }
                }
            }
        }
    }

    /** A network namespace died: its virtual devices go, with their veth peers elsewhere (net/core/dev.c). */
    private void retireNet(isolab.sim.namespace.NetNamespace dying) {
        List<isolab.sim.net.NetStack> others = new ArrayList<>();
        for (Namespace ns : live) {
            if (ns instanceof isolab.sim.namespace.NetNamespace net) {
                others.add(net.stack());
            }
        }
        isolab.sim.net.Rtnl.destroy(dying.stack(), others, kernel.clock().nowTicks(), kernel::emit);
    }

    /** The live namespace of {@code type} with {@code inode}, or null. */
    public Namespace find(NamespaceType type, long inode) {
        for (Namespace ns : live) {
            if (ns.type() == type && ns.inode() == inode) {
                return ns;
            }
        }
        return null;
    }

    /** Whether {@code ns} is still alive. */
    public boolean isLive(Namespace ns) {
        return live.contains(ns);
    }

    /** The initial UTS namespace. */
    UtsNamespace initialUts() {
        for (Namespace ns : live) {
            if (ns instanceof UtsNamespace uts) {
                return uts;
            }
        }
        throw new IllegalStateException("no UTS namespace");
    }
}
