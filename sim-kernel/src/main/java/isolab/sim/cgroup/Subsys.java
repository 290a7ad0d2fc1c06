package isolab.sim.cgroup;

import isolab.sim.cgroup.pids.PidsController;
import isolab.sim.memory.MemoryController;
import isolab.sim.kernel.Kernel;
import java.util.List;

/**
 * A cgroup controller (include/linux/cgroup-defs.h: struct cgroup_subsys): its name and, for the
 * controllers this model implements (pids, memory), the {@link Controller} with their files and
 * rules. The others exist, are bound, and show in /proc/cgroups and /proc/PID/cgroup, but add no
 * files yet (cpu, cpuset, freezer, ...).
 */
public record Subsys(String legacyName, Controller controller) {

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

    /** The controller's control files in {@code hierarchy} (none for one not modelled yet). */
    public List<Cftype> files(Kernel kernel, Hierarchy hierarchy) {
        return controller == null ? List.of() : controller.files(kernel, hierarchy);
    }

    /** The controller called {@code legacyName}, with its model where there is one. */
    public static Subsys of(String legacyName) {
        return new Subsys(legacyName, switch (legacyName) {
            case "pids" -> new PidsController();
            case "memory" -> new MemoryController();
            default -> null;
        });
    }
}
