package isolab.sim.process;

import static org.junit.jupiter.api.Assertions.assertEquals;

import isolab.sim.Machine;
import isolab.sim.kernel.Kernel;
import org.junit.jupiter.api.Test;

/** Process death: who adopts the orphans (kernel/exit.c: forget_original_parent). */
class ExitTest {

    @Test
    void an_orphan_goes_to_the_namespace_s_init_without_a_subreaper() {
        try (Machine m = new Machine()) {
            m.out("sh -c 'sleep 100 &'");
            assertEquals("      1 sleep\n", m.out("ps -C sleep -o ppid=,comm="));
        }
    }

    @Test
    void an_orphan_goes_to_the_nearest_child_subreaper_before_init() {
        try (Machine m = new Machine()) {
            Kernel kernel = m.host().kernel();
            Task bash = kernel.pids().find(kernel.initialPidNamespace(), 2);
            Prctl.setChildSubreaper(bash, true);
            m.out("sh -c 'sh -c \"sleep 100 &\"'");
            assertEquals("      2 sleep\n", m.out("ps -C sleep -o ppid=,comm="));
        }
    }

    @Test
    void a_subreaper_outside_the_orphan_s_pid_namespace_does_not_adopt_it() {
        try (Machine m = new Machine()) {
            Kernel kernel = m.host().kernel();
            Prctl.setChildSubreaper(kernel.pids().find(kernel.initialPidNamespace(), 2), true);
            m.out("unshare --pid --fork --mount-proc sh");
            m.out("sh -c 'sleep 100 &'");
            assertEquals("      1 sleep\n", m.out("ps -C sleep -o ppid=,comm="));
        }
    }

    @Test
    void dropping_a_capability_from_the_bounding_set_needs_cap_setpcap() {
        try (Machine m = new Machine()) {
            assertEquals("CapBnd:\t000001fffedfffff\n", m.out("capsh --drop=cap_sys_admin -- -c 'grep CapBnd /proc/self/status'"));
            var denied = m.run("capsh --drop=cap_setpcap -- -c 'capsh --drop=cap_kill'");
            assertEquals("unable to raise CAP_SETPCAP for BSET changes: Operation not permitted\n", denied.output());
            assertEquals(1, denied.status());
        }
    }
}
