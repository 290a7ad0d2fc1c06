package isolab.sim.cgroup.pids;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import isolab.api.CgroupVersion;
import isolab.api.MachineConfig;
import isolab.api.Terminal;
import isolab.sim.SimulatedHost;
import isolab.sim.check.Invariants;
import isolab.sim.cgroup.Kstrtox;
import isolab.sim.syscall.Errno;
import isolab.sim.syscall.SysException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The pids controller where the contract cannot reach: v2 (no real v2 sandbox yet; the rules are
 * kernel/cgroup/pids.c's and Documentation/admin-guide/cgroup-v2.rst's) and the number parser.
 * v1 is in {@link isolab.api.contract.CgroupPidsContract}, measured on Linux.
 */
class PidsControllerTest {

    private static String out(Terminal t, String line) {
        return t.run(line).output();
    }

    @Test
    void on_v2_the_pids_files_appear_only_where_the_parent_enables_pids() {
        try (SimulatedHost host = new SimulatedHost(new MachineConfig(CgroupVersion.V2, 0))) {
            Terminal t = host.terminal("main");
            out(t, "cd /sys/fs/cgroup; mkdir -p a/b");
            // CFTYPE_NOT_ON_ROOT: a v2 machine's root is shown as a host's root.
            assertEquals("", out(t, "ls | grep pids"));
            assertEquals("", out(t, "ls a | grep pids"));
            out(t, "echo +pids > cgroup.subtree_control");
            assertEquals("pids.current\npids.events\npids.events.local\npids.max\npids.peak\n", out(t, "ls a | grep pids"));
            assertEquals("", out(t, "ls a/b | grep pids"));
        }
    }

    @Test
    void on_v2_a_cgroup_without_pids_is_counted_in_the_nearest_ancestor_with_it() {
        try (SimulatedHost host = new SimulatedHost(new MachineConfig(CgroupVersion.V2, 0))) {
            Terminal t = host.terminal("main");
            out(t, "cd /sys/fs/cgroup; mkdir -p a/b; echo +pids > cgroup.subtree_control; echo $$ > a/b/cgroup.procs");
            // bash and cat, in b, which has no pids state of its own: a's counts them.
            assertEquals("2\n", out(t, "cat a/pids.current"));
            // Enabling pids for b now gives b its own state; the tasks move to it, and its peak with them.
            out(t, "echo $$ > cgroup.procs; echo +pids > a/cgroup.subtree_control; echo $$ > a/b/cgroup.procs");
            assertEquals("2\n2\n", out(t, "cat a/b/pids.current a/b/pids.peak"));
            assertEquals(List.of(), Invariants.check(host.kernel()));
        }
    }

    @Test
    void on_v2_the_event_counts_where_the_limit_was_hit_and_in_every_ancestor() {
        // pids_event: events_local[PIDCG_MAX] of the cgroup over its limit, events[PIDCG_MAX] up from it.
        try (SimulatedHost host = new SimulatedHost(new MachineConfig(CgroupVersion.V2, 0))) {
            Terminal t = host.terminal("main");
            out(t, "cd /sys/fs/cgroup; mkdir -p a/b/c; echo +pids > cgroup.subtree_control");
            out(t, "echo +pids > a/cgroup.subtree_control; echo +pids > a/b/cgroup.subtree_control");
            out(t, "echo 3 > a/b/pids.max; echo $$ > a/b/c/cgroup.procs");
            assertEquals("sh: 0: Cannot fork\n", out(t, "sh -c 'sleep 1000 & sleep 1000 & sleep 1000 &'"));
            assertEquals("max 1\nmax 1\nmax 0\n", out(t, "cat a/pids.events a/b/pids.events a/b/c/pids.events"));
            assertEquals("max 0\nmax 1\nmax 0\n", out(t, "cat a/pids.events.local a/b/pids.events.local a/b/c/pids.events.local"));
            assertEquals("4\n3\n", out(t, "cat a/b/c/pids.peak a/b/pids.peak"));
            assertEquals(List.of(), Invariants.check(host.kernel()));
        }
    }

    @Test
    void a_refused_fork_is_an_event_that_names_the_cgroup_at_its_limit() {
        try (SimulatedHost host = new SimulatedHost(MachineConfig.defaults())) {
            Terminal t = host.terminal("main");
            out(t, "mkdir -p /sys/fs/cgroup/pids/a/b; echo 2 > /sys/fs/cgroup/pids/a/pids.max");
            out(t, "echo $$ > /sys/fs/cgroup/pids/a/b/cgroup.procs");
            List<String> events = t.run("sh -c 'sleep 1 &'").events().stream()
                    .filter(e -> e instanceof isolab.api.CgroupEvent.ForkRefused).map(e -> e.summary()).toList();
            assertEquals(List.of("process 4 in cgroup pids:/a/b may not fork: /a is at its limit of 2 tasks"), events);
        }
    }

    @Test
    void a_move_between_siblings_raises_their_parent_s_peak_for_a_moment() {
        // pids_can_attach charges the destination before it uncharges the source (measured on Linux:
        // the parent's pids.peak goes from 1 to 2 while pids.current stays 1).
        try (SimulatedHost host = new SimulatedHost(MachineConfig.defaults())) {
            Terminal t = host.terminal("main");
            out(t, "cd /sys/fs/cgroup/pids; mkdir -p a/b a/c");
            out(t, "sleep 1000 &");
            out(t, "echo $! > a/b/cgroup.procs");
            assertEquals("1\n1\n", out(t, "cat a/pids.current a/pids.peak"));
            out(t, "echo $! > a/c/cgroup.procs");
            assertEquals("1\n2\n1\n1\n", out(t, "cat a/pids.current a/pids.peak a/b/pids.peak a/c/pids.peak"));
            assertEquals(List.of(), Invariants.check(host.kernel()));
        }
    }

    @Test
    void kstrtoll_reads_base_0_and_refuses_what_the_kernel_refuses() {
        assertEquals(16, Kstrtox.kstrtoll("0x10"));
        assertEquals(8, Kstrtox.kstrtoll("010"));
        assertEquals(3, Kstrtox.kstrtoll("+3"));
        assertEquals(-1, Kstrtox.kstrtoll("-1"));
        assertEquals(7, Kstrtox.kstrtoll("7\n"));
        assertEquals(0, Kstrtox.kstrtoll("0"));
        assertEquals(Long.MIN_VALUE, Kstrtox.kstrtoll("-9223372036854775808"));
        for (String bad : new String[] {"", "5x", "max", "0x", "--1", "7\n\n", " 7"}) {
            assertEquals(Errno.EINVAL, assertThrows(SysException.class, () -> Kstrtox.kstrtoll(bad)).errno(), bad);
        }
        for (String big : new String[] {"99999999999999999999", "9223372036854775808", "-9223372036854775809"}) {
            assertEquals(Errno.ERANGE, assertThrows(SysException.class, () -> Kstrtox.kstrtoll(big)).errno(), big);
        }
    }
}
