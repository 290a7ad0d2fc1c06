package isolab.sim.cgroup;

import isolab.sim.fs.SuperBlock;
import java.util.List;

/**
 * A cgroup hierarchy (kernel/cgroup/cgroup.c: struct cgroup_root): a tree of cgroups with the
 * controllers bound to it. A v1 hierarchy has one or more controllers, or none and a name
 * ({@code name=systemd}); the default hierarchy (v2, id 0) holds every controller no v1
 * hierarchy has. Each hierarchy has one superblock, whichever mounts show it.
 */
public final class Hierarchy {

    private final int id;
    private final List<Subsys> subsystems;
    private final String name;
    private final Cgroup root;
    private long nextId = 2;
    private SuperBlock superBlock;
    private String releaseAgent = "";

    private final boolean delegated;

    Hierarchy(int id, List<Subsys> subsystems, String name, boolean delegated) {
        this.id = id;
        this.delegated = delegated;
        this.subsystems = List.copyOf(subsystems);
        this.name = name;
        this.root = new Cgroup(this, null, "/", 1, 0, 0);
    }

    /**
     * Whether the machine's root cgroup here is a child cgroup on the host (docs/MACHINE.md: the
     * sandbox has a cgroup of its own in every controller's hierarchy and shows it as its root,
     * through its cgroup namespace). Such a root has the files of a non-root cgroup, and no
     * cgroup.sane_behavior or release_agent; the other hierarchies' roots are the host's.
     */
    public boolean delegated() {
        return delegated;
    }

    /** The hierarchy id /proc/PID/cgroup and /proc/cgroups show; 0 for the default (v2) hierarchy. */
    public int id() {
        return id;
    }

    /** Whether this is the default hierarchy, cgroup v2 (cgroup_on_dfl). */
    public boolean isDefault() {
        return id == 0;
    }

    /** The controllers bound to it. */
    public List<Subsys> subsystems() {
        return subsystems;
    }

    /** The {@code name=} option of a named v1 hierarchy, or null. */
    public String name() {
        return name;
    }

    /** The root cgroup. */
    public Cgroup root() {
        return root;
    }

    /**
     * The second field of a /proc/PID/cgroup line (proc_cgroup_show): the legacy names of its
     * controllers, then {@code name=NAME}, comma-separated; empty for the default hierarchy.
     */
    public String procName() {
        if (isDefault()) {
            return "";
        }
        StringBuilder s = new StringBuilder();
        for (Subsys ss : subsystems) {
            s.append(s.length() > 0 ? "," : "").append(ss.legacyName());
        }
        if (name != null) {
            s.append(s.length() > 0 ? "," : "").append("name=").append(name);
        }
        return s.toString();
    }

    /** The superblock options cgroupfs shows for it ({@code rw,pids}; v2: {@code rw}). */
    public String superOptions() {
        String names = procName();
        return names.isEmpty() ? "rw" : "rw," + names;
    }

    /** Counts the live cgroups of the hierarchy, the root included (/proc/cgroups' num_cgroups). */
    public int liveCgroups() {
        return count(root);
    }

    private static int count(Cgroup c) {
        int n = 1;
        for (Cgroup child : c.children()) {
            n += count(child);
        }
        return n;
    }

    /** The superblock that shows this hierarchy, once cgroupfs made it. */
    public SuperBlock superBlock() {
        return superBlock;
    }

    /** Records the hierarchy's superblock; done once. */
    public void setSuperBlock(SuperBlock sb) {
        if (superBlock != null) {
            throw new IllegalStateException("hierarchy " + id + " already has a superblock");
        }
        superBlock = sb;
    }

    /** The v1 release_agent path ({@code ""} until set). */
    public String releaseAgent() {
        return releaseAgent;
    }

    public void setReleaseAgent(String path) {
        releaseAgent = path;
    }

    long allocateId() {
        return nextId++;
    }

    @Override
    public String toString() {
        return id + ":" + procName();
    }
}
