package isolab.sim.namespace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import isolab.api.CommandResult;
import isolab.sim.Machine;
import isolab.sim.syscall.Errno;
import isolab.sim.syscall.SysException;
import org.junit.jupiter.api.Test;

class PidNamespaceTest {

    @Test
    void the_first_pid_of_a_namespace_is_1_and_allocation_continues_upwards() {
        PidNamespace ns = new PidNamespace(1, null, null);
        assertEquals(1, ns.allocate());
        assertEquals(2, ns.allocate());
        ns.free(1);
        assertEquals(3, ns.allocate());
    }

    @Test
    void a_namespace_whose_init_died_says_so_and_its_cursor_moves_on() {
        // Fork refuses the task (ENOMEM) after allocating: the cursor still moves (kernel/pid.c: alloc_pid).
        PidNamespace ns = new PidNamespace(1, null, null);
        assertEquals(1, ns.allocate());
        ns.markInitDead();
        assertTrue(ns.initDead());
        int refused = ns.allocate();
        ns.free(refused);
        assertEquals(refused + 1, ns.allocate());
    }

    @Test
    void nesting_deeper_than_32_levels_counting_the_machine_s_own_is_refused() {
        PidNamespace ns = new PidNamespace(0, null, null);
        // The machine's namespace is the kernel's level 1: 31 more fit.
        for (int i = 1; i < PidNamespace.MAX_PID_NS_LEVEL; i++) {
            ns = new PidNamespace(i, null, ns);
        }
        PidNamespace deepest = ns;
        assertEquals(Errno.ENOSPC, assertThrows(SysException.class, () -> new PidNamespace(99, null, deepest)).errno());
    }

    @Test
    void a_fork_refused_by_a_dead_namespace_still_uses_up_a_pid_outside() {
        // kernel/pid.c: alloc_pid takes a number at every level before it checks PIDNS_ADDING.
        // Measured: the same line in a fresh PID namespace on Linux prints 2, status 2, 6.
        try (Machine m = new Machine()) {
            assertEquals("2\nsh: 1: Cannot fork\nstatus 2\n6\n", m.out("unshare --pid --fork --mount-proc bash -c"
                    + " 'sleep 0 & echo $!; wait; unshare --pid sh -c \"/bin/true; /bin/true\"; echo status $?; sleep 0 & echo $!; wait'"));
        }
    }

    @Test
    void unshare_pid_makes_the_first_child_pid_1_and_forks_fail_after_it_exits() {
        try (Machine m = new Machine()) {
            // measured: unshare --pid sh -c '...' prints the pid_for_children link, then 'sh: 1: Cannot fork'
            CommandResult r = m.run("unshare --pid sh -c 'readlink /proc/self/ns/pid_for_children; ls / >/dev/null; echo $?'");
            assertTrue(r.output().matches("pid:\\[\\d+]\nsh: 1: Cannot fork\n"), r.output());
            assertEquals(2, r.status());
        }
    }

    @Test
    void pid_for_children_cannot_be_read_before_the_first_child_exists() {
        try (Machine m = new Machine()) {
            // bash's test builtin stats the link without forking: the namespace has no init yet.
            CommandResult r = m.run("unshare --pid bash -c '[ -e /proc/$$/ns/pid_for_children ]; echo $?'");
            assertEquals("1\n", r.output());
        }
    }

    @Test
    void a_process_has_one_pid_per_level_in_nspid() {
        try (Machine m = new Machine()) {
            m.out("unshare --pid --fork sh");
            String nspid = m.out("grep NSpid /proc/self/status");
            assertTrue(nspid.matches("NSpid:\\t\\d+\\t2\n"), nspid);
        }
    }

    @Test
    void a_proc_mounted_in_a_new_namespace_shows_only_its_pids() {
        try (Machine m = new Machine()) {
            m.out("unshare --pid --fork --mount-proc sh");
            assertEquals("NSpid:\t2\n", m.out("grep NSpid /proc/self/status"));
            assertEquals("1\n3\n4\n", m.out("ls /proc | grep -E '^[0-9]+$'"));
        }
    }

    @Test
    void the_init_of_a_namespace_ignores_sigkill_from_inside() {
        try (Machine m = new Machine()) {
            assertEquals("survived\n", m.out("unshare --pid --fork sh -c 'kill -9 1; echo survived'"));
        }
    }

    @Test
    void killing_a_namespace_init_from_outside_kills_every_process_in_it() {
        try (Machine m = new Machine()) {
            m.run("unshare --pid --fork sh -c 'sleep 100 & sleep 100' &");
            String before = m.out("ps -e -o comm= | sort | tr '\\n' ' '");
            assertEquals("bash init ps sh sleep sleep sort tr unshare ", before);
            String init = m.out("ps -e -o pid=,comm= | grep ' sh$' | tr -d ' a-z'").trim();
            m.out("kill -9 " + init);
            m.out("sleep 0.1");
            assertEquals("bash init ps sort tr ", m.out("ps -e -o comm= | sort | tr '\\n' ' '"));
        }
    }

    @Test
    void an_orphan_is_reparented_to_the_init_of_its_namespace() {
        try (Machine m = new Machine()) {
            m.out("sh -c 'sleep 50 & echo started' > /dev/null");
            assertEquals("      1 sleep\n", m.out("ps -e -o ppid=,comm= | grep sleep"));
        }
    }
}
