package isolab.real.proc;

import isolab.api.HostKind;
import isolab.api.HostView;
import isolab.api.MountView;
import isolab.api.NamespaceSet;
import isolab.api.NamespaceType;
import isolab.api.NamespaceView;
import isolab.api.ProcessView;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Observes a sandbox from outside: its processes are those in the session's cgroups that live in
 * a PID namespace below the JVM's (the launcher, also in the cgroups, is not); everything else is
 * read from their {@code /proc/PID} files. PIDs come out as the sandbox's PID namespace numbers
 * them, and NSpid from there down, so the sandbox's init is 1 as it is inside.
 *
 * <p>What {@code /proc} does not say, a namespace's owning user namespace and the parent of a PID
 * or user namespace, the C launcher's probe asks the kernel ({@link NamespaceLinks}). Without it
 * (no C compiler on the host) a parent is derived, the namespace of the parent of the namespace's
 * first process (fork puts a child in its parent's, or a newer, namespace), and owners are 0.
 * The machine's PID namespace and the host's user namespace are level 0, with parent 0.
 */
public final class SandboxProbe {

    private SandboxProbe() {
    }

    /** One process as read from the host. */
    private record Observed(long hostPid, ProcStat stat, ProcStatus status, List<String> argv, NamespaceSet namespaces) {
        long sandboxPid() {
            return status.nsPids().get(1);
        }
    }

    /**
     * A snapshot of the sandbox whose processes have the host PIDs {@code hostPids}; {@code launcher}
     * is the compiled C launcher, whose probe reads namespaces' owners and parents, if there is one.
     */
    public static HostView view(List<Long> hostPids, String hostname, Optional<Path> launcher) {
        List<Observed> processes = new ArrayList<>();
        for (long pid : hostPids) {
            observe(pid).filter(o -> o.status().nsPids().size() >= 2).ifPresent(processes::add);
        }
        processes.sort(Comparator.comparingLong(Observed::sandboxPid));
        Map<Long, Observed> byHostPid = new HashMap<>();
        processes.forEach(o -> byHostPid.put(o.hostPid(), o));
        List<ProcessView> views = new ArrayList<>();
        for (Observed o : processes) {
            Observed parent = byHostPid.get(o.stat().ppid());
            List<Long> nsPids = o.status().nsPids().subList(1, o.status().nsPids().size());
            views.add(new ProcessView((int) o.sandboxPid(), parent == null ? 0 : (int) parent.sandboxPid(),
                    o.stat().comm(), o.argv(), o.stat().state(), o.status().uid(),
                    nsPids.stream().map(Long::intValue).toList(), o.namespaces()));
        }
        return new HostView(HostKind.REAL, hostname, views, namespaces(processes, byHostPid, launcher),
                mounts(processes));
    }

    private static Optional<Observed> observe(long pid) {
        Optional<ProcStat> stat = ProcStat.of(pid);
        Optional<ProcStatus> status = ProcStatus.of(pid);
        if (stat.isEmpty() || status.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Observed(pid, stat.get(), status.get(), argv(pid), namespaces(pid)));
    }

    private static List<String> argv(long pid) {
        try {
            String text = new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")),
                    StandardCharsets.UTF_8);
            if (text.isEmpty()) {
                return List.of();
            }
            return List.of((text.endsWith("\0") ? text.substring(0, text.length() - 1) : text).split("\0", -1));
        } catch (IOException gone) {
            return List.of();
        }
    }

    /** The inodes of {@code /proc/PID/ns/*}; 0 where a link cannot be read. */
    static NamespaceSet namespaces(long pid) {
        NamespaceSet set = new NamespaceSet(0, 0, 0, 0, 0, 0, 0, 0);
        for (NamespaceType type : NamespaceType.values()) {
            set = set.with(type, inode(Path.of("/proc", Long.toString(pid), "ns", type.procName())));
        }
        return set;
    }

    /** The inode in a link like {@code uts:[4026531838]}, 0 if unreadable. */
    static long inode(Path link) {
        try {
            String target = Files.readSymbolicLink(link).toString();
            return Long.parseLong(target.substring(target.indexOf('[') + 1, target.indexOf(']')));
        } catch (IOException | RuntimeException unreadable) {
            return 0;
        }
    }

    private static List<NamespaceView> namespaces(List<Observed> processes, Map<Long, Observed> byHostPid,
                                                  Optional<Path> launcher) {
        long jvmUser = inode(Path.of("/proc/self/ns/user"));
        long machinePid = processes.isEmpty() ? 0 : processes.get(0).namespaces().pid();
        // One nsfs file per namespace, of its first process, for the probe.
        Map<String, Path> files = new LinkedHashMap<>();
        for (NamespaceType type : NamespaceType.values()) {
            for (Observed o : processes) {
                long inode = o.namespaces().inode(type);
                if (inode != 0) {
                    files.putIfAbsent(type + ":" + inode,
                            Path.of("/proc", Long.toString(o.hostPid()), "ns", type.procName()));
                }
            }
        }
        Map<Path, NamespaceLinks> probed = launcher.map(l -> NamespaceLinks.probe(l, new ArrayList<>(files.values())))
                .orElse(Map.of());
        Map<String, NamespaceLinks> links = new HashMap<>();
        for (Map.Entry<String, Path> file : files.entrySet()) {
            NamespaceLinks link = probed.get(file.getValue());
            String[] key = file.getKey().split(":");
            NamespaceType type = NamespaceType.valueOf(key[0]);
            long inode = Long.parseLong(key[1]);
            if (link == null || link.inode() != inode) { // not probed, or the process changed namespace meanwhile
                link = new NamespaceLinks(inode, 0, parentOf(type, inode, processes, byHostPid));
            }
            links.put(file.getKey(), link);
        }
        List<NamespaceView> views = new ArrayList<>();
        for (NamespaceType type : NamespaceType.values()) {
            long root = type == NamespaceType.PID ? machinePid : type == NamespaceType.USER ? jvmUser : 0;
            links.keySet().stream().filter(k -> k.startsWith(type + ":"))
                    .map(k -> Long.parseLong(k.substring(k.indexOf(':') + 1))).sorted().forEach(inode -> {
                        NamespaceLinks link = links.get(type + ":" + inode);
                        boolean nests = type == NamespaceType.PID || type == NamespaceType.USER;
                        long parent = !nests || inode == root ? 0 : link.parent();
                        int level = nests ? levelOf(type, inode, root, links) : 0;
                        views.add(new NamespaceView(type, inode, parent, link.owner(), level));
                    });
        }
        return views;
    }

    /** The namespace of the parent of the namespace's first member whose parent is not a member. */
    private static long parentOf(NamespaceType type, long inode, List<Observed> processes, Map<Long, Observed> byHostPid) {
        for (Observed o : processes) {
            if (o.namespaces().inode(type) == inode) {
                Observed parent = byHostPid.get(o.stat().ppid());
                if (parent != null && parent.namespaces().inode(type) != inode) {
                    return parent.namespaces().inode(type);
                }
            }
        }
        return 0;
    }

    /** How many parents up {@code root} is from {@code inode}; a chain that leaves what is known counts one more. */
    private static int levelOf(NamespaceType type, long inode, long root, Map<String, NamespaceLinks> links) {
        int level = 0;
        for (long ns = inode; ns != root && ns != 0 && level < 33; level++) {
            NamespaceLinks link = links.get(type + ":" + ns);
            ns = link == null ? 0 : link.parent();
        }
        return level;
    }

    /** The mountinfo of every mount namespace, namespaces in the order their first process appears. */
    private static List<MountView> mounts(List<Observed> processes) {
        Map<Long, Long> readerOf = new LinkedHashMap<>();
        for (Observed o : processes) {
            readerOf.putIfAbsent(o.namespaces().mnt(), o.hostPid());
        }
        List<MountView> mounts = new ArrayList<>();
        for (Map.Entry<Long, Long> ns : readerOf.entrySet()) {
            try {
                String text = Files.readString(Path.of("/proc", Long.toString(ns.getValue()), "mountinfo"));
                mounts.addAll(MountInfo.parse(ns.getKey(), text));
            } catch (IOException | RuntimeException gone) {
                // The process ended while we looked; its namespace may have ended with it.
            }
        }
        return mounts;
    }
}
