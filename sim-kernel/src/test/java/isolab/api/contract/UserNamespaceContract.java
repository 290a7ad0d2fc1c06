package isolab.api.contract;

import isolab.api.Terminal;
import org.junit.jupiter.api.Test;

/**
 * User namespaces: uid_map and gid_map and the rules for writing them, ids inside and outside,
 * capabilities inside, unmapped ids shown as nobody and nogroup, and capabilities applying only to
 * what the namespace owns. Observed on Linux in a real sandbox first.
 */
public abstract class UserNamespaceContract extends MachineContract {

    private static final String ALL_CAPS = """
            CapInh:\t0000000000000000
            CapPrm:\t000001ffffffffff
            CapEff:\t000001ffffffffff
            CapBnd:\t000001ffffffffff
            CapAmb:\t0000000000000000
            """;

    /** Starts {@code unshare --user sleep 100} in the background (job 1, PID 3) and waits until sleep runs. */
    private void startUnmappedSleeper() {
        expect("unshare --user sleep 100 &", "[1] 3\n", 0);
        ok(untilRunning(3, "sleep"));
    }

    @Test
    void before_any_map_is_written_every_id_is_the_overflow_id() {
        ok("unshare --user sh");
        expect("id", "uid=65534(nobody) gid=65534(nogroup) groups=65534(nogroup)\n", 0);
        expect("cat /proc/self/uid_map /proc/self/gid_map", "", 0);
        expect("cat /proc/sys/kernel/overflowuid", "65534\n", 0);
    }

    @Test
    void an_unmapped_process_loses_its_capabilities_at_exec() {
        // security/commoncap.c: the new program's uid 65534 is not root in the namespace.
        ok("unshare --user sh");
        expect("grep Cap /proc/self/status", """
                CapInh:\t0000000000000000
                CapPrm:\t0000000000000000
                CapEff:\t0000000000000000
                CapBnd:\t000001ffffffffff
                CapAmb:\t0000000000000000
                """, 0);
    }

    @Test
    void map_root_user_maps_root_to_the_caller_and_gives_every_capability_inside() {
        ok("unshare --user --map-root-user sh");
        expect("id", "uid=0(root) gid=0(root) groups=0(root)\n", 0);
        expect("cat /proc/self/uid_map /proc/self/gid_map /proc/self/setgroups", """
                         0          0          1
                         0          0          1
                deny
                """, 0);
        // Inside its own namespace root has every capability, CAP_SYS_RESOURCE included.
        expect("grep Cap /proc/self/status", ALL_CAPS, 0);
    }

    @Test
    void files_owned_by_ids_without_a_mapping_show_as_nobody_and_nogroup() {
        ok("unshare --user sh");
        expect("ls -l /etc/hostname | cut -d' ' -f3,4; ls -ln /etc/hostname | cut -d' ' -f3,4",
                "nobody nogroup\n65534 65534\n", 0);
        expect("touch /tmp/f; ls -l /tmp/f | cut -d' ' -f3,4", "nobody nogroup\n", 0);
        ok("exit");
        expect("ls -l /tmp/f | cut -d' ' -f3,4", "root root\n", 0);
    }

    @Test
    void the_seeds_mapping_of_0_to_1999_onto_10000_to_11999_is_written_from_outside() {
        startUnmappedSleeper();
        ok("echo '0 10000 2000' > /proc/3/uid_map; echo '0 10000 2000' > /proc/3/gid_map");
        expect("cat /proc/3/uid_map /proc/3/gid_map", """
                         0      10000       2000
                         0      10000       2000
                """, 0);
        ok("touch /tmp/f /tmp/g; chown 10005:10007 /tmp/f; chown 12000 /tmp/g");
        expect("nsenter -t 3 -U id", "uid=0(root) gid=0(root) groups=0(root)\n", 0);
        expect("nsenter -t 3 -U stat -c '%u %g %n' /tmp/f /tmp/g; nsenter -t 3 -U stat -c '%U %G %n' /tmp/g", """
                5 7 /tmp/f
                65534 65534 /tmp/g
                nobody nogroup /tmp/g
                """, 0);
        expect("nsenter -t 3 -U sh -c 'touch /tmp/h'; ls -ln /tmp/h | cut -d' ' -f3,4", "10000 10000\n", 0);
        // /proc/PID/status shows ids as the reader's user namespace maps them: sleep is still host root.
        expect("grep -E '^(Uid|Gid)' /proc/3/status", "Uid:\t0\t0\t0\t0\nGid:\t0\t0\t0\t0\n", 0);
        expect("nsenter -t 3 -U grep -E '^(Uid|Gid)' /proc/3/status /proc/self/status", """
                /proc/3/status:Uid:\t65534\t65534\t65534\t65534
                /proc/3/status:Gid:\t65534\t65534\t65534\t65534
                /proc/self/status:Uid:\t0\t0\t0\t0
                /proc/self/status:Gid:\t0\t0\t0\t0
                """, 0);
    }

    @Test
    void a_map_is_written_once_and_a_second_write_is_eperm() {
        startUnmappedSleeper();
        ok("echo '0 10000 2000' > /proc/3/uid_map");
        expect("echo '0 10000 2000' > /proc/3/uid_map", "bash: echo: write error: Operation not permitted\n", 1);
        ok("echo '0 10000 2000' > /proc/3/gid_map");
        expect("echo '0 20000 1' > /proc/3/gid_map", "bash: echo: write error: Operation not permitted\n", 1);
        expect("cat /proc/3/gid_map", "         0      10000       2000\n", 0);
    }

    @Test
    void overlapping_ranges_in_one_write_are_einval() {
        // kernel/user_namespace.c: map_write, mappings_overlap. One write(2): coreutils' printf.
        startUnmappedSleeper();
        expect("/usr/bin/printf '0 10000 10\\n5 20000 10\\n' > /proc/3/uid_map",
                "/usr/bin/printf: write error: Invalid argument\n", 1);
        expect("/usr/bin/printf '0 10000 10\\n10 10005 10\\n' > /proc/3/uid_map",
                "/usr/bin/printf: write error: Invalid argument\n", 1);
        expect("cat /proc/3/uid_map", "", 0);
        expect("/usr/bin/printf '0 10000 10\\n10 20000 10\\n' > /proc/3/uid_map; cat /proc/3/uid_map", """
                         0      10000         10
                        10      20000         10
                """, 0);
    }

    @Test
    void bash_s_printf_writes_a_map_line_by_line_so_its_second_line_is_einval() {
        // bash writes each line of printf's output with its own write(2): the first becomes the map
        // and the second, at a non-zero file offset, is refused (map_write: *ppos != 0).
        startUnmappedSleeper();
        expect("printf '0 10000 10\\n5 20000 10\\n' > /proc/3/uid_map", "bash: printf: write error: Invalid argument\n", 1);
        expect("cat /proc/3/uid_map", "         0      10000         10\n", 0);
    }

    @Test
    void setgroups_cannot_be_changed_once_gid_map_is_written() {
        startUnmappedSleeper();
        expect("cat /proc/3/setgroups", "allow\n", 0);
        ok("echo '0 10000 1' > /proc/3/gid_map");
        expect("echo deny > /proc/3/setgroups", "bash: echo: write error: Operation not permitted\n", 1);
    }

    @Test
    void the_initial_user_namespace_s_maps_cannot_be_written() {
        expect("cat /proc/self/uid_map", "         0          0 4294967295\n", 0);
        expect("echo '0 10000 2000' > /proc/self/uid_map", "bash: echo: write error: Operation not permitted\n", 1);
    }

    @Test
    void an_unprivileged_user_may_map_only_its_own_id_and_gid_map_needs_setgroups_deny() {
        // Waits for sleep's exec: between unshare(CLONE_NEWUSER) and exec the process is not dumpable
        // (kernel/cred.c: commit_creds), so its /proc files belong to root and uid 1000 cannot open them.
        expect("setpriv --reuid=1000 --regid=1000 --clear-groups bash -c 'unshare --user sleep 100 & P=$!;"
                + " until read -r c < /proc/$P/comm && [[ $c == sleep ]]; do :; done;"
                + " echo \"0 1001 1\" > /proc/$P/uid_map; echo \"0 1000 1\" > /proc/$P/gid_map;"
                + " echo \"0 1000 1\" > /proc/$P/uid_map && cat /proc/$P/uid_map; echo deny > /proc/$P/setgroups;"
                + " echo \"0 1000 1\" > /proc/$P/gid_map && cat /proc/$P/gid_map; kill $P'", """
                bash: line 1: echo: write error: Operation not permitted
                bash: line 1: echo: write error: Operation not permitted
                         0       1000          1
                         0       1000          1
                """, 0);
    }

    @Test
    void an_unprivileged_user_can_create_a_user_namespace_and_be_root_in_it() {
        expect("setpriv --reuid=1000 --regid=1000 --clear-groups unshare --user --map-root-user sh -c"
                + " 'id; cat /proc/self/uid_map; grep CapEff /proc/self/status'", """
                uid=0(root) gid=0(root) groups=0(root)
                         0       1000          1
                CapEff:\t000001ffffffffff
                """, 0);
    }

    @Test
    void an_unprivileged_user_cannot_create_other_namespaces_alone() {
        expect("setpriv --reuid=1000 --regid=1000 --clear-groups unshare --uts true",
                "unshare: unshare failed: Operation not permitted\n", 1);
        expect("setpriv --reuid=1000 --regid=1000 --clear-groups unshare --user --map-root-user --uts sh -c 'hostname x; hostname'",
                "x\n", 0);
    }

    @Test
    void sethostname_needs_cap_sys_admin_over_the_user_namespace_owning_the_uts_namespace() {
        ok("unshare --user --map-root-user sh");
        expect("hostname foo", "hostname: you must be root to change the host name\n", 1);
        expect("unshare --uts sh -c 'hostname foo; hostname'", "foo\n", 0);
        expect("hostname", "isolab\n", 0);
    }

    @Test
    void lsns_lists_a_new_user_namespace_after_the_initial_one() {
        ok("unshare --user --map-root-user sh");
        Terminal other = host.terminal("other");
        expect(other, "lsns -t user -o NS,TYPE,NPROCS,PID,COMMAND", """
                        NS TYPE  NPROCS PID COMMAND
                4026531837 user       4   1 /sbin/init
                \\d{10} user       1   3 sh (re)
                """, 0);
    }

    @Test
    void user_namespaces_nest_33_levels_below_the_initial_one() {
        // kernel/user_namespace.c: create_user_ns refuses a parent deeper than 32 with ENOSPC.
        expect("c=true; for i in $(seq 33); do c=\"unshare --user -r $c\"; done; $c; echo $?", "0\n", 0);
        expect("c=true; for i in $(seq 34); do c=\"unshare --user -r $c\"; done; $c",
                "unshare: unshare failed: No space left on device\n", 1);
    }

    @Test
    void a_process_whose_ids_are_unmapped_cannot_create_a_user_namespace() {
        // kernel/user_namespace.c: create_user_ns needs the creator's euid and egid mapped.
        expect("unshare --user unshare --user true", "unshare: unshare failed: Operation not permitted\n", 1);
    }
}
