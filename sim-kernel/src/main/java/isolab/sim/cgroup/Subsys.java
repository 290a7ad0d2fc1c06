package isolab.sim.cgroup;

import java.util.List;

/**
 * A cgroup controller (include/linux/cgroup-defs.h: struct cgroup_subsys): its name and the
 * control files it adds to every cgroup of the hierarchy it is bound to. Every controller exists,
 * is bound, and shows in /proc/cgroups and /proc/PID/cgroup; a modelled one gets its files at boot
 * ({@link Cgroups#bindFiles}).
 */
public record Subsys(String legacyName, List<Cftype> files) {

    public Subsys {
        files = List.copyOf(files);
    }

    /** The controllers of this kernel, in /proc/cgroups order (the subsystem ids). */
    public static final List<String> ALL = List.of("cpuset", "cpu", "cpuacct", "blkio", "memory", "devices", "freezer",
            "net_cls", "perf_event", "net_prio", "hugetlb", "pids");

    /**
     * The controller's name on the default hierarchy, or null for a v1-only controller
     * (cpuacct, devices, freezer, net_cls, net_prio; perf_event is implicit on v2).
     */
    public String v2Name() {
        return switch (legacyName) {
            case "blkio" -> "io";
            case "cpuset", "cpu", "memory", "hugetlb", "pids" -> legacyName;
            default -> null;
        };
    }

    /** A controller with no files of its own modelled yet. */
    public static Subsys bare(String legacyName) {
        return new Subsys(legacyName, List.of());
    }
}
