package isolab.web.picture;

import isolab.api.HostKind;
import isolab.api.HostView;
import isolab.api.MountView;
import isolab.api.NamespaceSet;
import isolab.api.NamespaceType;
import isolab.api.NamespaceView;
import isolab.api.ProcessView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Views of the lab machine (docs/MACHINE.md) built by hand, for the pictures' tests. */
final class Machines {

    static final long HOST_PIDNS = 4026532536L;
    static final long HOST_MNT = 4026532537L;
    static final long HOST_UTS = 4026532538L;
    static final NamespaceSet HOST = new NamespaceSet(4026532541L, 4026532539L, HOST_MNT, 4026532540L, HOST_PIDNS,
            4026531834L, 4026531837L, HOST_UTS);
    static final long NEW_MNT = 4026532542L;
    static final long NEW_UTS = 4026532543L;
    /** After {@code unshare --uts --mount sh}: the shell's own mount and UTS namespaces. */
    static final NamespaceSet UTS_MNT = HOST.with(NamespaceType.MNT, NEW_MNT).with(NamespaceType.UTS, NEW_UTS);

    private Machines() {
    }

    static ProcessView process(int pid, int ppid, String comm, NamespaceSet namespaces, Integer... nsPids) {
        List<Integer> pids = nsPids.length == 0 ? List.of(pid) : List.of(nsPids);
        return new ProcessView(pid, ppid, comm, List.of(comm), 'S', 0, pids, namespaces);
    }

    static NamespaceView pidNamespace(long inode, long parent, int level) {
        return new NamespaceView(NamespaceType.PID, inode, parent, 4026531837L, level);
    }

    static HostView view(List<ProcessView> processes, List<NamespaceView> namespaces, List<MountView> mounts) {
        return new HostView(HostKind.SIM, "isolab", processes, namespaces, mounts);
    }

    /** The mounts of a fresh v1 machine in mount namespace {@code ns}, ids from 21. */
    static List<MountView> machineMounts(long ns) {
        List<MountView> mounts = new ArrayList<>();
        mounts.add(mount(ns, 21, 21, "0:21", "/", "overlay", "overlay", ""));
        mounts.add(mount(ns, 22, 21, "0:22", "/proc", "proc", "proc", ""));
        mounts.add(mount(ns, 23, 21, "0:23", "/dev", "tmpfs", "tmpfs", ""));
        mounts.add(mount(ns, 24, 23, "0:24", "/dev/pts", "devpts", "devpts", ""));
        mounts.add(mount(ns, 25, 23, "0:25", "/dev/mqueue", "mqueue", "mqueue", ""));
        mounts.add(mount(ns, 26, 21, "0:26", "/sys", "sysfs", "sysfs", ""));
        mounts.add(mount(ns, 27, 26, "0:27", "/sys/fs/cgroup", "tmpfs", "tmpfs", ""));
        String[] controllers = {"cpu", "cpuacct", "cpuset", "memory", "devices", "freezer", "blkio", "pids"};
        for (int i = 0; i < controllers.length; i++) {
            mounts.add(mount(ns, 28 + i, 27, "0:" + (28 + i), "/sys/fs/cgroup/" + controllers[i], "cgroup", "cgroup", ""));
        }
        mounts.add(mount(ns, 36, 21, "0:36", "/tmp", "tmpfs", "tmpfs", ""));
        mounts.add(mount(ns, 37, 21, "0:37", "/root", "tmpfs", "tmpfs", ""));
        return mounts;
    }

    static MountView mount(long ns, int id, int parent, String device, String point, String fsType, String source,
                           String propagation) {
        return new MountView(ns, id, parent, device, "/", point, "rw,relatime", propagation, fsType, source, "rw");
    }

    /** What {@code unshare --mount} makes of {@code mounts}: the same filesystems in namespace {@code ns}, new ids. */
    static List<MountView> copy(List<MountView> mounts, long ns, int idOffset) {
        Map<Integer, Integer> ids = new HashMap<>();
        for (MountView m : mounts) {
            ids.put(m.mountId(), m.mountId() + idOffset);
        }
        List<MountView> copies = new ArrayList<>();
        for (MountView m : mounts) {
            copies.add(new MountView(ns, m.mountId() + idOffset, ids.getOrDefault(m.parentId(), m.parentId()),
                    m.device(), m.root(), m.mountPoint(), m.options(), m.propagation(), m.fsType(), m.source(),
                    m.superOptions()));
        }
        return copies;
    }

    /**
     * init, the terminal's bash, and after {@code unshare --uts --mount sh; mount -t tmpfs tmpfs /mnt;
     * sleep 100 &}: sh and sleep in a new mount and UTS namespace, whose mounts have /mnt.
     */
    static HostView utsAndMountUnshared() {
        List<MountView> mounts = new ArrayList<>(machineMounts(HOST_MNT));
        mounts.addAll(copy(machineMounts(HOST_MNT), NEW_MNT, 17));
        mounts.add(mount(NEW_MNT, 55, 38, "0:38", "/mnt", "tmpfs", "tmpfs", ""));
        return view(List.of(
                process(1, 0, "init", HOST),
                process(2, 1, "bash", HOST),
                process(3, 2, "sh", UTS_MNT),
                process(6, 3, "sleep", UTS_MNT)),
                List.of(pidNamespace(HOST_PIDNS, 0, 0)), mounts);
    }
}
