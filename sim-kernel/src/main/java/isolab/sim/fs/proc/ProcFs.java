package isolab.sim.fs.proc;

import isolab.sim.fs.Caller;
import isolab.sim.fs.Directory;
import isolab.sim.fs.Inode;
import isolab.sim.fs.RenderedFile;
import isolab.sim.fs.SuperBlock;
import isolab.sim.fs.Symlink;
import isolab.sim.kernel.Kernel;
import isolab.sim.namespace.Namespace;
import isolab.sim.namespace.PidNamespace;
import isolab.sim.namespace.UserNamespace;
import isolab.sim.process.Task;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * procfs (fs/proc/): a filesystem rendered from the model each time it is read. Each instance
 * belongs to the PID namespace of whoever mounted it; it lists that namespace's tasks by their
 * PIDs there, and {@code /proc/self} is the reader's PID there (dangling if the reader is not
 * in it). Entries are made on lookup and never stored.
 */
public final class ProcFs {

    private ProcFs() {
    }

    /** A new procfs instance showing {@code ns}. */
    public static SuperBlock create(Kernel kernel, PidNamespace ns, String device) {
        SuperBlock sb = new SuperBlock("proc", "proc", device, "rw", 1);
        sb.setOwner(ns);
        sb.setRoot(new Root(kernel, sb, ns));
        return sb;
    }

    /** The PID namespace a procfs instance shows, or null if {@code sb} is not procfs. */
    public static PidNamespace namespaceOf(SuperBlock sb) {
        return sb.owner() instanceof PidNamespace ns ? ns : null;
    }

    /**
     * fs/proc/base.c: task_dump_owner: a task's /proc files belong to its effective uid and gid
     * (dumpability is not modelled: a task is always dumpable here).
     */
    static Map<String, Inode> ownedBy(Task task, Map<String, Inode> entries) {
        for (Inode inode : entries.values()) {
            inode.chown(task.cred().euid(), task.cred().egid());
        }
        return entries;
    }

    /** A directory whose entries are made by a function at every lookup. */
    abstract static class Dynamic extends Directory {
        Dynamic(SuperBlock sb, long ino, int mode, Directory parent, String name) {
            super(sb, ino, mode, parent);
            setName(name);
        }

        /** The entries, in readdir order; made fresh at every call. */
        abstract Map<String, Inode> entries(Caller caller);

        @Override
        public Inode lookup(String name, Caller caller) {
            return entries(caller).get(name);
        }

        @Override
        public List<String> names(Caller caller) {
            return new ArrayList<>(entries(caller).keySet());
        }

        @Override
        public boolean writable() {
            return false;
        }
    }

    /** /proc itself. */
    static final class Root extends Dynamic {
        private final Kernel kernel;
        private final PidNamespace ns;

        Root(Kernel kernel, SuperBlock sb, PidNamespace ns) {
            super(sb, 1, 0555, null, "/");
            this.kernel = kernel;
            this.ns = ns;
        }

        @Override
        Map<String, Inode> entries(Caller caller) {
            Map<String, Inode> e = new LinkedHashMap<>();
            Directory self = this;
            e.put("cgroups", file(2, c -> ProcRender.cgroups(kernel)));
            e.put("cmdline", file(3, c -> "BOOT_IMAGE=/boot/vmlinuz-" + Kernel.RELEASE + " root=/dev/vda rw\n"));
            e.put("filesystems", file(4, c -> ProcRender.filesystems()));
            e.put("loadavg", file(5, c -> ProcRender.loadavg(kernel, ns)));
            e.put("mounts", new Symlink(sb(), 6, "self/mounts"));
            e.put("net", new Symlink(sb(), 19, "self/net"));
            e.put("stat", file(18, c -> ProcRender.stat(kernel)));
            e.put("self", new Symlink(sb(), 7, null) {
                @Override
                public String target(Caller who) {
                    if (!(who instanceof Task task)) {
                        return null;
                    }
                    int nr = task.pidIn(ns);
                    return nr == 0 ? null : String.valueOf(nr);
                }
            });
            e.put("sys", new SysDir(kernel, sb(), self));
            e.put("thread-self", new Symlink(sb(), 9, null) {
                @Override
                public String target(Caller who) {
                    if (!(who instanceof Task task)) {
                        return null;
                    }
                    int nr = task.pidIn(ns);
                    return nr == 0 ? null : nr + "/task/" + nr;
                }
            });
            e.put("uptime", file(10, c -> ProcRender.uptime(kernel, c)));
            e.put("version", file(11, c -> ProcRender.version()));
            for (Task task : kernel.pids().visibleIn(ns)) {
                int nr = task.pidIn(ns);
                PidDir dir = new PidDir(kernel, sb(), self, ns, task, nr);
                dir.chown(task.cred().euid(), task.cred().egid());
                e.put(String.valueOf(nr), dir);
            }
            return e;
        }

        private RenderedFile file(long ino, Function<Caller, String> render) {
            return new RenderedFile(sb(), ino, 0444, render, null);
        }
    }

    /** /proc/sys, with the kernel's UTS files and pid_max. */
    static final class SysDir extends Dynamic {
        private final Kernel kernel;

        SysDir(Kernel kernel, SuperBlock sb, Directory parent) {
            super(sb, 8, 0555, parent, "sys");
            this.kernel = kernel;
        }

        @Override
        Map<String, Inode> entries(Caller caller) {
            Map<String, Inode> e = new LinkedHashMap<>();
            Directory self = this;
            e.put("kernel", new Dynamic(sb(), 12, 0555, self, "kernel") {
                @Override
                Map<String, Inode> entries(Caller who) {
                    Map<String, Inode> k = new LinkedHashMap<>();
                    k.put("domainname", uts(13, who, true));
                    k.put("hostname", uts(14, who, false));
                    k.put("ostype", new RenderedFile(sb(), 15, 0444, c -> "Linux\n", null));
                    k.put("osrelease", new RenderedFile(sb(), 16, 0444, c -> Kernel.RELEASE + "\n", null));
                    // kernel/sys.c: overflowuid/overflowgid, what unmapped ids show as (writable: not modelled).
                    k.put("overflowgid", new RenderedFile(sb(), 19, 0644, c -> UserNamespace.OVERFLOW_ID + "\n", null));
                    k.put("overflowuid", new RenderedFile(sb(), 20, 0644, c -> UserNamespace.OVERFLOW_ID + "\n", null));
                    k.put("pid_max", new RenderedFile(sb(), 17, 0644, c -> PidNamespace.PID_MAX + "\n", null));
                    return k;
                }
            });
            e.put("net", new Dynamic(sb(), 20, 0555, self, "net") {
                @Override
                Map<String, Inode> entries(Caller who) {
                    Map<String, Inode> n = new LinkedHashMap<>();
                    Directory net = this;
                    n.put("ipv4", new Dynamic(sb(), 21, 0555, net, "ipv4") {
                        @Override
                        Map<String, Inode> entries(Caller reader) {
                            Map<String, Inode> v4 = new LinkedHashMap<>();
                            v4.put("ip_forward", ipForward(22, reader));
                            return v4;
                        }
                    });
                    return n;
                }
            });
            return e;
        }

        /**
         * /proc/sys/net/ipv4/ip_forward of the reader's network namespace (net/ipv4/devinet.c:
         * devinet_sysctl_forward): an integer; anything else is EINVAL.
         */
        private RenderedFile ipForward(long ino, Caller who) {
            var stack = who instanceof Task t && t.nsproxy() != null
                    ? ((isolab.sim.namespace.NetNamespace) t.nsproxy().net()).stack() : null;
            Consumer<String> write = text -> {
                String value = text.strip();
                if (stack == null || !value.matches("-?\\d{1,9}")) {
                    throw new isolab.sim.syscall.SysException(isolab.sim.syscall.Errno.EINVAL);
                }
                stack.setIpForward(Integer.parseInt(value));
            };
            return new RenderedFile(sb(), ino, 0644, c -> (stack == null ? 0 : stack.ipForward()) + "\n", write);
        }

        private RenderedFile uts(long ino, Caller who, boolean domain) {
            Task task = who instanceof Task t ? t : null;
            Consumer<String> write = text -> {
                if (task == null) {
                    return;
                }
                String value = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
                isolab.sim.kernel.Uts.set(kernel, task, value, domain);
            };
            return new RenderedFile(sb(), ino, 0644, c -> {
                if (!(c instanceof Task t)) {
                    return "\n";
                }
                var uts = t.nsproxy().uts();
                return (domain ? uts.domainname() : uts.nodename()) + "\n";
            }, write);
        }
    }

    /** /proc/PID. */
    static final class PidDir extends Dynamic {
        private final Kernel kernel;
        private final PidNamespace ns;
        private final Task task;
        private final long base;

        PidDir(Kernel kernel, SuperBlock sb, Directory parent, PidNamespace ns, Task task, int nr) {
            super(sb, 10000L + nr * 64L, 0555, parent, String.valueOf(nr));
            this.kernel = kernel;
            this.ns = ns;
            this.task = task;
            this.base = 10000L + nr * 64L;
        }

        @Override
        Map<String, Inode> entries(Caller caller) {
            Map<String, Inode> e = new LinkedHashMap<>();
            Directory self = this;
            e.put("cgroup", file(1, c -> ProcRender.cgroup(kernel, task, c)));
            e.put("cmdline", file(2, c -> ProcRender.cmdline(task)));
            e.put("comm", file(3, c -> task.comm() + "\n"));
            e.put("cwd", link(4, c -> ProcRender.pathOf(kernel, task, c, true)));
            e.put("environ", file(5, c -> ProcRender.environ(task)));
            e.put("exe", link(6, c -> task.argv().isEmpty() ? null : ProcRender.exe(task)));
            e.put("fd", new FdDir(kernel, sb(), self, task, base + 7));
            e.put("mountinfo", file(8, c -> ProcRender.mountinfo(kernel, task, c)));
            e.put("mounts", file(9, c -> ProcRender.mounts(kernel, task)));
            e.put("net", new NetDir(sb(), self, task, base + 18));
            e.put("ns", new NsDir(sb(), self, task, base + 10));
            e.put("root", link(11, c -> ProcRender.pathOf(kernel, task, c, false)));
            e.put("setgroups", new IdMapFile(sb(), base + 14, task, null));
            e.put("timens_offsets", new RenderedFile(sb(), base + 17, 0644, c -> ProcRender.timensOffsets(task),
                    text -> isolab.sim.kernel.TimeOffsets.write(kernel, task, text)));
            e.put("stat", file(12, c -> ProcRender.stat(kernel, task, ns)));
            e.put("status", file(13, c -> ProcRender.status(kernel, task, ns, c)));
            e.put("uid_map", new IdMapFile(sb(), base + 15, task, true));
            e.put("gid_map", new IdMapFile(sb(), base + 16, task, false));
            return ownedBy(task, e);
        }

        private RenderedFile file(long offset, Function<Caller, String> render) {
            return new RenderedFile(sb(), base + offset, 0444, render, null);
        }

        private Symlink link(long offset, Function<Caller, String> target) {
            return new Symlink(sb(), base + offset, null) {
                @Override
                public String target(Caller who) {
                    return target.apply(who);
                }
            };
        }
    }

    /**
     * /proc/PID/uid_map, gid_map ({@code uid} true/false) and setgroups ({@code uid} null) of the
     * task's user namespace: readable by all, written through {@link isolab.sim.kernel.IdMaps}.
     * Opening setgroups for writing needs CAP_SYS_ADMIN over the namespace (EACCES otherwise).
     */
    static final class IdMapFile extends Inode implements isolab.sim.fs.Rendered {
        private final Task task;
        private final Boolean uid;

        IdMapFile(SuperBlock sb, long ino, Task task, Boolean uid) {
            super(sb, ino, S_IFREG | 0644);
            this.task = task;
            this.uid = uid;
            setNlink(1);
        }

        @Override
        public isolab.sim.fs.OpenFile open(int flags, isolab.sim.fs.Path path, Caller caller) {
            var ns = task.cred().userNs();
            boolean write = (flags & isolab.sim.fs.OpenFile.O_ACCMODE) != isolab.sim.fs.OpenFile.O_RDONLY;
            if (write && uid == null && caller instanceof Task writer
                    && !writer.cred().capableIn(ns, isolab.sim.process.Credentials.CAP_SYS_ADMIN)) {
                throw new isolab.sim.syscall.SysException(isolab.sim.syscall.Errno.EACCES);
            }
            String text = uid == null ? (ns.setgroupsAllowed() ? "allow\n" : "deny\n")
                    : isolab.sim.kernel.IdMaps.render(uid ? ns.uidMap() : ns.gidMap());
            if (ns.parent() == null && uid != null) {
                text = String.format("%10d %10d %10d%n", 0, 0, 4294967295L);
            }
            // The opener's credentials decide (file_ns_capable checks file->f_cred), not the writer's.
            return new isolab.sim.fs.TextFile(flags, path, write ? "" : text, (long offset, String written) -> {
                if (!(caller instanceof Task opener)) {
                    throw new isolab.sim.syscall.SysException(isolab.sim.syscall.Errno.EPERM);
                }
                if (uid == null) {
                    isolab.sim.kernel.IdMaps.writeSetgroups(opener, ns, written, offset);
                } else {
                    isolab.sim.kernel.IdMaps.write(opener, ns, written, uid, offset);
                }
            });
        }

        @Override
        public long size() {
            return 0;
        }
    }

    /** /proc/PID/net: the files of the task's network namespace (net/core/net-procfs.c); only dev is modelled. */
    static final class NetDir extends Dynamic {
        private final Task task;
        private final long base;

        NetDir(SuperBlock sb, Directory parent, Task task, long ino) {
            super(sb, ino, 0555, parent, "net");
            this.task = task;
            this.base = ino * 16;
        }

        @Override
        Map<String, Inode> entries(Caller caller) {
            Map<String, Inode> e = new LinkedHashMap<>();
            e.put("dev", new RenderedFile(sb(), base + 1, 0444, c -> ProcRender.netDev(task), null));
            return e;
        }
    }

    /** /proc/PID/ns: one magic link per namespace kind, plus pid_for_children and time_for_children. */
    static final class NsDir extends Dynamic {
        private final Task task;
        private final long base;

        NsDir(SuperBlock sb, Directory parent, Task task, long ino) {
            super(sb, ino, 0511, parent, "ns");
            this.task = task;
            this.base = ino * 16;
        }

        @Override
        Map<String, Inode> entries(Caller caller) {
            Map<String, Inode> e = new LinkedHashMap<>();
            long i = base;
            e.put("cgroup", new NsLink(sb(), i++, () -> task.nsproxy().cgroup()));
            e.put("ipc", new NsLink(sb(), i++, () -> task.nsproxy().ipc()));
            e.put("mnt", new NsLink(sb(), i++, () -> task.nsproxy().mnt()));
            e.put("net", new NsLink(sb(), i++, () -> task.nsproxy().net()));
            e.put("pid", new NsLink(sb(), i++, task::pidNs));
            e.put("pid_for_children", new NsLink(sb(), i++, () -> {
                PidNamespace child = task.nsproxy().pidForChildren();
                // kernel/pid_namespace.c: pidns_for_children_get: no init yet, nothing to show.
                return child != task.pidNs() && !child.hasInit() ? null : child;
            }));
            e.put("time", new NsLink(sb(), i++, () -> task.nsproxy().time()));
            e.put("time_for_children", new NsLink(sb(), i++, () -> task.nsproxy().timeForChildren()));
            e.put("user", new NsLink(sb(), i++, () -> task.cred().userNs()));
            e.put("uts", new NsLink(sb(), i, () -> task.nsproxy().uts()));
            if (caller instanceof Task reader && !isolab.sim.process.Ptrace.mayRead(reader, task)) {
                // fs/proc/namespaces.c: proc_ns_get_link and proc_ns_readlink need ptrace read access.
                e.replaceAll((name, link) -> new DeniedLink(sb(), link.ino()));
            }
            return ownedBy(task, e);
        }
    }

    /** A /proc/PID/ns/* link of a task the reader may not ptrace: following or reading it is EACCES. */
    static final class DeniedLink extends Symlink {
        DeniedLink(SuperBlock sb, long ino) {
            super(sb, ino, null);
        }

        @Override
        public String target(Caller caller) {
            throw new isolab.sim.syscall.SysException(isolab.sim.syscall.Errno.EACCES);
        }

        @Override
        public Inode follow(Caller caller) {
            throw new isolab.sim.syscall.SysException(isolab.sim.syscall.Errno.EACCES);
        }

        @Override
        public long size() {
            return 0;
        }
    }

    /** A /proc/PID/ns/* link: reads as {@code type:[inode]}, leads to the namespace's nsfs inode. */
    static final class NsLink extends Symlink {
        private final java.util.function.Supplier<Namespace> ns;

        NsLink(SuperBlock sb, long ino, java.util.function.Supplier<Namespace> ns) {
            super(sb, ino, null);
            this.ns = ns;
        }

        @Override
        public String target(Caller caller) {
            Namespace n = ns.get();
            return n == null ? null : n.linkText();
        }

        @Override
        public Inode follow(Caller caller) {
            Namespace n = ns.get();
            if (n == null) {
                throw new isolab.sim.syscall.SysException(isolab.sim.syscall.Errno.ENOENT);
            }
            return NsfsInode.of(n);
        }
    }

    /** /proc/PID/fd: one link per open descriptor. */
    static final class FdDir extends Dynamic {
        private final Kernel kernel;
        private final Task task;
        private final long base;

        FdDir(Kernel kernel, SuperBlock sb, Directory parent, Task task, long ino) {
            super(sb, ino, 0500, parent, "fd");
            this.kernel = kernel;
            this.task = task;
            this.base = ino * 1024;
        }

        @Override
        Map<String, Inode> entries(Caller caller) {
            Map<String, Inode> e = new LinkedHashMap<>();
            if (task.files() == null) {
                return e;
            }
            for (int fd : task.files().fds()) {
                var open = task.files().get(fd);
                Symlink fdLink = new Symlink(sb(), base + fd, null) {
                    @Override
                    public String target(Caller who) {
                        return ProcRender.fdTarget(kernel, task, fd);
                    }

                    @Override
                    public long size() {
                        return 64;
                    }

                    @Override
                    public Inode follow(Caller who) {
                        var file = task.files().isOpen(fd) ? task.files().get(fd) : null;
                        if (file == null) {
                            throw new isolab.sim.syscall.SysException(isolab.sim.syscall.Errno.ENOENT);
                        }
                        if (file.path() != null) {
                            return file.path().inode();
                        }
                        return new FdObjectInode(sb(), base + fd, file);
                    }
                };
                // fs/proc/fd.c: proc_fd_link modes follow the open mode: r-x, -wx or rwx for the owner.
                fdLink.chmod(open.readable() && open.writable() ? 0700 : open.writable() ? 0300 : 0500);
                e.put(String.valueOf(fd), fdLink);
            }
            return ownedBy(task, e);
        }
    }
}
