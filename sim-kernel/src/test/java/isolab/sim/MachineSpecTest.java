package isolab.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The machine of docs/MACHINE.md as the simulator boots it: the same facts real-runtime checks
 * inside its sandbox (LinuxHostMachineTest), so the two hosts present one machine.
 */
class MachineSpecTest {

    private final Machine m = new Machine();

    @AfterEach
    void close() {
        m.close();
    }

    @Test
    void pid_1_is_init_and_the_names_are_machine_md_s() {
        assertEquals("init\n/sbin/init\n", m.out("cat /proc/1/comm; tr '\\0' '\\n' < /proc/1/cmdline"));
        assertEquals("isolab\n(none)\nisolab\n", m.out("hostname; domainname; uname -n"));
    }

    @Test
    void dev_holds_the_nodes_and_links_of_machine_md_and_nothing_else() {
        // real-runtime pipes this through sed, which the simulator does not model yet
        assertEquals("c 1,3 null\nc 1,5 zero\nc 1,7 full\nc 1,8 random\nc 1,9 urandom\nc 5,0 tty\n",
                m.out("for n in null zero full random urandom tty; do echo \"c $(stat -c '%t,%T' /dev/$n) $n\"; done"));
        assertEquals("fd -> /proc/self/fd\nptmx -> pts/ptmx\nstderr -> /proc/self/fd/2\n"
                + "stdin -> /proc/self/fd/0\nstdout -> /proc/self/fd/1\n",
                m.out("cd /dev && for l in *; do if [ -L $l ]; then echo \"$l -> $(readlink $l)\"; fi; done"));
        assertEquals("fd full mqueue null ptmx pts random stderr stdin stdout tty urandom zero\n", m.out("echo $(ls /dev)"));
    }

    @Test
    void every_cgroup_hierarchy_shows_the_machine_s_root() {
        String cgroups = m.out("cat /proc/self/cgroup");
        assertTrue(cgroups.lines().filter(l -> !l.startsWith("0::")).allMatch(l -> l.endsWith(":/")), cgroups);
    }

    @Test
    void the_network_namespace_has_only_lo_and_it_is_down() {
        assertEquals("lo\n", m.out("ls /sys/class/net"));
        assertEquals("down\n", m.out("cat /sys/class/net/lo/operstate"));
    }

    @Test
    void bash_reads_the_machine_s_bashrc_which_sets_nothing() {
        assertTrue(m.out("cat /etc/bash.bashrc").lines().allMatch(l -> l.startsWith("#")));
        assertEquals("", m.out("alias"));
    }

    @Test
    void the_terminal_s_environment_is_machine_md_s() {
        assertEquals("/root\n/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\ndumb\n/bin/bash\nroot\nroot\n",
                m.out("printf '%s\\n' \"$HOME\" \"$PATH\" \"$TERM\" \"$SHELL\" \"$USER\" \"$LOGNAME\""));
        assertEquals("", m.out("echo -n $LANG"));
    }
}
