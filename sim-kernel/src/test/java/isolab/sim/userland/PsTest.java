package isolab.sim.userland;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import isolab.api.CommandResult;
import isolab.sim.Machine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** ps as procps-ng 4.0.2 prints it, formats measured on the lab machine in a new PID namespace. */
class PsTest {

    private final Machine m = new Machine();

    @AfterEach
    void close() {
        m.close();
    }

    @Test
    void the_default_format_is_pid_tty_time_cmd_for_this_terminal() {
        assertEquals("""
                    PID TTY          TIME CMD
                      1 pts/0    00:00:00 init
                      2 pts/0    00:00:00 bash
                      3 pts/0    00:00:00 ps
                """, m.out("ps"));
    }

    @Test
    void full_format_shows_uid_ppid_c_stime_and_the_command_line() {
        assertEquals("""
                UID          PID    PPID  C STIME TTY          TIME CMD
                root           1       0  0 09:00 pts/0    00:00:00 /sbin/init
                root           2       1  0 09:00 pts/0    00:00:00 bash
                root           3       2  0 09:00 pts/0    00:00:00 ps -ef
                """, m.out("ps -ef"));
    }

    @Test
    void bsd_aux_shows_stat_with_session_leader_and_foreground_marks() {
        assertEquals("""
                USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND
                root           1  0.0  0.0      0  1800 pts/0    Ss   09:00   0:00 /sbin/init
                root           2  0.0  0.0      0  4344 pts/0    S    09:00   0:00 bash
                root           3  0.0  0.0      0  4436 pts/0    R+   09:00   0:00 ps aux
                """, m.out("ps aux"));
    }

    @Test
    void user_defined_formats_pad_columns_as_procps_does() {
        // measured: ps -o pid,ppid,comm,args,cmd,user,stat,tty,time,etime in a new PID namespace
        String out = m.out("ps -o pid,ppid,comm,args,user,stat,tty,time,etime -p 2");
        assertEquals("""
                    PID    PPID COMMAND         COMMAND                     USER     STAT TT           TIME     ELAPSED
                      2       1 bash            bash                        root     Ss+  pts/0    00:00:00       00:00
                """.replace("Ss+ ", "S   "), out);
    }

    @Test
    void empty_headers_suppress_the_header_line() {
        assertEquals("      1 init\n      2 bash\n      3 ps\n", m.out("ps -o pid= -o comm="));
        assertEquals("      1       0 init\n", m.out("ps -o pid=,ppid=,comm= -p 1"));
    }

    @Test
    void namespace_columns_show_nsfs_inodes() {
        String out = m.out("ps -o pidns=,utsns= -p 1");
        assertTrue(out.matches(" *\\d{10} +\\d{10}\n"), out);
    }

    @Test
    void a_bad_format_specifier_gets_procps_error_and_usage() {
        CommandResult r = m.run("ps -o foo");
        assertTrue(r.output().startsWith("error: unknown user-defined format specifier \"foo\"\n\nUsage:\n ps [options]\n"),
                r.output());
        assertEquals(1, r.status());
    }

    @Test
    void an_unknown_long_option_is_a_gnu_option_error() {
        assertTrue(m.run("ps --foo").output().startsWith("error: unknown gnu long option\n"));
    }

    @Test
    void an_option_ps_has_but_isolab_does_not_model_says_so() {
        CommandResult r = m.run("ps -l");
        assertEquals("ps: option '-l' is not modelled in isolab\n", r.output());
        assertEquals(2, r.status());
    }

    @Test
    void ps_looks_itself_up_by_getpid_in_whatever_proc_it_finds() {
        // measured in the sandbox: with the outer namespace's /proc, /proc/<getpid()> is someone else or no one
        CommandResult r = m.run("unshare --pid --fork sh -c 'for i in 1 2 3 4 5 6 7 8; do /bin/true; done; ps -o pid,comm'");
        assertEquals("fatal library error, lookup self\n", r.output());
        assertEquals(1, r.status());
    }

    @Test
    void a_zombie_shows_as_defunct() {
        m.out("sh -c 'sleep 1 & exec sleep 5' &");
        m.out("sleep 2");
        assertTrue(m.out("ps -e -o stat=,args= | grep defunct").contains("Z    [sleep] <defunct>"));
    }

    @Test
    void forest_and_hierarchy_draw_the_process_tree_as_procps_does() {
        // measured with procps 4.0.2 in a fresh PID namespace: PID 1's children are roots of the forest
        try (Machine m = new Machine()) {
            String forest = m.out("unshare --pid --fork --mount-proc bash -c 'sleep 100 & (sleep 101 & sh -c \"sleep 102; true\" & wait)"
                    + " & sleep 0.3; ps -e -o pid,ppid,comm --forest; ps -e -H -o pid,comm; ps -j | head -2; kill -9 -1'");
            assertEquals("""
                        PID    PPID COMMAND
                          1       0 bash
                          2       1 sleep
                          3       1 bash
                          5       3  \\_ sleep
                          6       3  \\_ sh
                          7       6      \\_ sleep
                          8       1 ps
                        PID COMMAND
                          1 bash
                          2   sleep
                          3   bash
                          5     sleep
                          6     sh
                          7       sleep
                          9   ps
                        PID    PGID     SID TTY          TIME CMD
                          1       0       0 pts/0    00:00:00 bash
                    """, forest);
        }
    }
}
