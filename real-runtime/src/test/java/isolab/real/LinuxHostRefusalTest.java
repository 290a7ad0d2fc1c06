package isolab.real;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import isolab.api.CgroupVersion;
import isolab.api.MachineConfig;
import isolab.real.cgroup.CgroupLayout;
import isolab.real.cgroup.Hierarchy;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A machine this host cannot build is refused with a reason, never built wrong. */
class LinuxHostRefusalTest {

    private static final CgroupLayout V1 = new CgroupLayout(Optional.of(CgroupVersion.V1),
            List.of(new Hierarchy(Path.of("/sys/fs/cgroup/memory"), List.of("memory")),
                    new Hierarchy(Path.of("/sys/fs/cgroup/pids"), List.of("pids"))),
            Optional.of(Path.of("/sys/fs/cgroup/unified")), List.of());

    @Test
    void a_v2_machine_on_this_v1_host_is_refused_before_anything_is_made() {
        HostRefusedException refused = assertThrows(HostRefusedException.class,
                () -> LinuxHost.start(new MachineConfig(CgroupVersion.V2, 0)));
        assertTrue(refused.getMessage().startsWith("the lab needs a cgroup v2 machine, but this host's cgroup layout is v1: "),
                refused.getMessage());
        assertTrue(refused.getMessage().endsWith("; run the lab on the simulator (--host sim) or on a host booted with"
                + " cgroup v2 (systemd.unified_cgroup_hierarchy=1)"), refused.getMessage());
    }

    @Test
    void the_same_layout_as_the_host_s_is_built() {
        assertEquals(Optional.empty(), LinuxHost.refusal(CgroupVersion.V1, V1, 0));
    }

    @Test
    void a_jvm_that_is_not_root_is_told_so() {
        assertEquals(Optional.of("a real sandbox is built as root (to unshare namespaces, mount an overlay and make"
                        + " cgroups), but this JVM runs as uid 1000; run the lab on the simulator (--host sim) or run"
                        + " isolab as root"),
                LinuxHost.refusal(CgroupVersion.V1, V1, 1000));
    }

    @Test
    void a_v1_machine_on_a_v2_host_is_refused_too() {
        CgroupLayout v2 = new CgroupLayout(Optional.of(CgroupVersion.V2), List.of(), Optional.of(Path.of("/sys/fs/cgroup")),
                List.of("memory", "pids"));
        assertEquals(Optional.of("the lab needs a cgroup v1 machine, but this host's cgroup layout is v2: the cgroup2"
                        + " tree at /sys/fs/cgroup has the controllers memory, pids; run the lab on the simulator"
                        + " (--host sim) or on a host booted with cgroup v1 (systemd.unified_cgroup_hierarchy=0)"),
                LinuxHost.refusal(CgroupVersion.V1, v2, 0));
    }

    @Test
    void a_host_without_a_pids_hierarchy_cannot_give_a_sandbox_its_ceiling() {
        CgroupLayout noPids = new CgroupLayout(Optional.of(CgroupVersion.V1),
                List.of(new Hierarchy(Path.of("/sys/fs/cgroup/memory"), List.of("memory"))), Optional.empty(), List.of());
        assertEquals(Optional.of("this host has no v1 pids hierarchy, so a sandbox could not be given its pids ceiling;"
                + " run the lab on the simulator (--host sim)"), LinuxHost.refusal(CgroupVersion.V1, noPids, 0));
    }
}
