package isolab.real.cgroup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import isolab.api.CgroupVersion;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CgroupLayoutTest {

    private static final Set<String> KNOWN = Set.of("cpuset", "cpu", "cpuacct", "blkio", "memory", "devices",
            "freezer", "net_cls", "perf_event", "net_prio", "hugetlb", "pids");

    /** This machine's /proc/self/mountinfo, cgroup lines. */
    private static final String THIS_MACHINE = """
            31 23 0:28 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755
            32 31 0:29 / /sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu
            33 31 0:30 / /sys/fs/cgroup/cpuacct rw,relatime - cgroup cgroup rw,cpuacct
            34 31 0:31 / /sys/fs/cgroup/cpuset rw,relatime - cgroup cgroup rw,cpuset
            35 31 0:32 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory
            36 31 0:33 / /sys/fs/cgroup/devices rw,relatime - cgroup cgroup rw,devices
            37 31 0:34 / /sys/fs/cgroup/freezer rw,relatime - cgroup cgroup rw,freezer
            38 31 0:35 / /sys/fs/cgroup/blkio rw,relatime - cgroup cgroup rw,blkio
            39 31 0:36 / /sys/fs/cgroup/pids rw,relatime - cgroup cgroup rw,pids
            40 31 0:37 / /sys/fs/cgroup/systemd rw,relatime - cgroup cgroup rw,name=systemd
            41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw
            """;

    @Test
    void this_machine_is_v1_with_the_eight_hierarchies_of_machine_md_in_its_order() {
        CgroupLayout layout = CgroupLayout.parse(THIS_MACHINE, KNOWN, p -> "hugetlb\n");
        assertEquals(Optional.of(CgroupVersion.V1), layout.version());
        assertEquals(CgroupLayout.MACHINE_CONTROLLERS,
                layout.machineHierarchies().stream().map(Hierarchy::name).toList());
        assertEquals(Path.of("/sys/fs/cgroup/memory"), layout.machineHierarchies().get(3).mountPoint());
        assertEquals("this host's cgroup layout is v1: cpu, cpuacct, cpuset, memory, devices, freezer, blkio, pids"
                + " are v1 hierarchies; the cgroup2 tree at /sys/fs/cgroup/unified has only hugetlb", layout.describe());
    }

    @Test
    void the_layout_detected_here_is_v1() {
        assertEquals(Optional.of(CgroupVersion.V1), CgroupLayout.detect().version());
    }

    @Test
    void a_pure_v2_host_is_v2() {
        CgroupLayout layout = CgroupLayout.parse("30 23 0:27 / /sys/fs/cgroup rw - cgroup2 cgroup2 rw,nsdelegate\n",
                KNOWN, p -> "cpuset cpu io memory pids\n");
        assertEquals(Optional.of(CgroupVersion.V2), layout.version());
        assertEquals("this host's cgroup layout is v2: the cgroup2 tree at /sys/fs/cgroup has the controllers"
                + " cpuset, cpu, io, memory, pids", layout.describe());
    }

    @Test
    void co_mounted_controllers_form_one_hierarchy_named_by_both() {
        CgroupLayout layout = CgroupLayout.parse(
                "32 31 0:29 / /sys/fs/cgroup/cpu,cpuacct rw - cgroup cgroup rw,cpu,cpuacct\n"
                        + "35 31 0:32 / /sys/fs/cgroup/memory rw - cgroup cgroup rw,memory\n", KNOWN, p -> "");
        assertEquals("cpu,cpuacct", layout.machineHierarchies().get(0).name());
    }

    @Test
    void a_host_without_a_memory_controller_has_no_layout_to_offer() {
        CgroupLayout layout = CgroupLayout.parse("39 31 0:36 / /sys/fs/cgroup/pids rw - cgroup cgroup rw,pids\n",
                KNOWN, p -> "");
        assertEquals(Optional.empty(), layout.version());
    }
}
