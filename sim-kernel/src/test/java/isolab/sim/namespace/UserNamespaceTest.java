package isolab.sim.namespace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import isolab.api.CommandResult;
import isolab.sim.Machine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** User namespaces, each expectation measured with util-linux 2.38 on Linux 6.18 first. */
class UserNamespaceTest {

    private final Machine m = new Machine();

    @AfterEach
    void close() {
        m.close();
    }

    @Test
    void without_a_map_everyone_is_nobody_and_exec_drops_every_capability() {
        assertEquals("uid=65534(nobody) gid=65534(nogroup) groups=65534(nogroup)\n", m.out("unshare --user id"));
        assertEquals("", m.out("unshare --user cat /proc/self/uid_map"));
        assertEquals("CapPrm:\t0000000000000000\nCapEff:\t0000000000000000\nCapBnd:\t000001ffffffffff\n",
                m.out("unshare --user grep -E 'CapPrm|CapEff|CapBnd' /proc/self/status"));
        assertEquals("drwx------ 2 nobody nogroup 40 Jan  6 09:00 /root\n", m.out("unshare --user ls -ld /root"));
    }

    @Test
    void map_root_user_makes_the_caller_root_inside_with_every_capability() {
        assertEquals("uid=0(root) gid=0(root) groups=0(root)\n", m.out("unshare --user --map-root-user id"));
        assertEquals("         0          0          1\n         0          0          1\ndeny\n",
                m.out("unshare -r cat /proc/self/uid_map /proc/self/gid_map /proc/self/setgroups"));
        assertEquals("CapEff:\t000001ffffffffff\n", m.out("unshare -r grep CapEff /proc/self/status"));
    }

    @Test
    void capabilities_inside_count_only_for_namespaces_the_user_namespace_owns() {
        CommandResult host = m.run("unshare -r hostname x");
        assertEquals("hostname: you must be root to change the host name\n", host.output());
        assertEquals(1, host.status());
        assertEquals("y\n", m.out("unshare -r sh -c 'unshare --uts sh -c \"hostname y; hostname\"'"));
        assertEquals("isolab\n", m.out("hostname"));
    }

    @Test
    void a_map_is_written_once_and_only_with_capabilities() {
        CommandResult again = m.run("unshare -r sh -c 'echo \"0 0 1\" > /proc/self/uid_map'");
        assertEquals("sh: 1: echo: echo: I/O error\n", again.output());
        CommandResult denied = m.run("unshare --user sh -c 'echo deny > /proc/$$/setgroups'");
        assertTrue(denied.output().matches("sh: 1: cannot create /proc/\\d+/setgroups: Permission denied\n"), denied.output());
    }

    @Test
    void the_initial_namespace_maps_every_id_to_itself() {
        assertEquals("         0          0 4294967295\n", m.out("cat /proc/self/uid_map"));
        assertEquals("user:[4026531837]\n", m.out("readlink /proc/self/ns/user"));
    }

    @Test
    void nested_user_namespaces_start_unmapped_again() {
        assertEquals("uid=65534(nobody) gid=65534(nogroup) groups=65534(nogroup)\n", m.out("unshare -r unshare --user id"));
        assertEquals("Uid:\t0\t0\t0\t0\n", m.out("unshare -r grep Uid /proc/1/status"));
    }
}
