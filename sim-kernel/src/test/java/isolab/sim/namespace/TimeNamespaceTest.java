package isolab.sim.namespace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import isolab.api.CommandResult;
import isolab.sim.Machine;
import org.junit.jupiter.api.Test;

/** Time namespaces, measured: `unshare --time --fork --boottime 1000000 cat /proc/uptime` adds a million seconds. */
class TimeNamespaceTest {

    @Test
    void a_boottime_offset_shows_in_proc_uptime_inside_only() {
        try (Machine m = new Machine()) {
            m.out("sleep 30");
            assertEquals("30.00 60.00\n", m.out("cat /proc/uptime"));
            assertEquals("1000030.00 60.00\nmonotonic           0         0\nboottime      1000000         0\n",
                    m.out("unshare --time --fork --boottime 1000000 sh -c 'cat /proc/uptime /proc/self/timens_offsets'"));
            assertEquals("30.00 60.00\n", m.out("cat /proc/uptime"));
        }
    }

    @Test
    void unshare_time_applies_to_children_and_to_the_caller_at_exec() {
        try (Machine m = new Machine()) {
            String links = m.out("unshare --time readlink /proc/self/ns/time /proc/self/ns/time_for_children");
            String[] l = links.split("\n");
            assertEquals(l[0], l[1]);
            assertTrue(!l[0].equals("time:[4026531834]"), links);
        }
    }

    @Test
    void offsets_are_fixed_once_a_process_is_inside_and_need_a_time_namespace() {
        try (Machine m = new Machine()) {
            CommandResult inside = m.run("unshare --time --fork sh -c 'echo \"7 5 0\" > /proc/self/timens_offsets'");
            assertEquals("sh: 1: echo: echo: I/O error\n", inside.output());
            CommandResult bad = m.run("unshare --boottime 5 true");
            assertEquals("unshare: options --monotonic and --boottime require unsharing of a time namespace (-t)\n",
                    bad.output());
            assertEquals(1, bad.status());
        }
    }
}
