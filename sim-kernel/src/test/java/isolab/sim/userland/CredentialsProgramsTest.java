package isolab.sim.userland;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import isolab.api.CommandResult;
import isolab.sim.Machine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * setpriv, chown, hostname and uptime: the programs that change or show credentials, names and
 * clocks. Each expectation was measured on Linux 6.18 with util-linux 2.38, coreutils 9.1,
 * hostname 3.23 and procps-ng 4.0.2 first.
 */
class CredentialsProgramsTest {

    private final Machine m = new Machine();

    @AfterEach
    void close() {
        m.close();
    }

    private void expect(String line, String output, int status) {
        CommandResult r = m.run(line);
        assertEquals(output, r.output(), line);
        assertEquals(status, r.status(), line);
    }

    @Test
    void setpriv_cannot_gain_ids_it_does_not_hold_and_checks_its_options() {
        expect("setpriv --reuid=1000 --regid=1000 --clear-groups setpriv --reuid=0 true",
                "setpriv: setresuid failed: Operation not permitted\n", 127);
        expect("setpriv --regid=1000 true", "setpriv: --[re]gid requires --keep-groups, --clear-groups, --init-groups, or --groups\n", 1);
        expect("setpriv", "setpriv: No program specified\n", 1);
        expect("setpriv --reuid=nosuch true", "setpriv: failed to parse reuid: 'nosuch'\n", 1);
        expect("setpriv --clear-groups --keep-groups true",
                "setpriv: mutually exclusive arguments: --clear-groups --keep-groups --init-groups --groups\n", 1);
    }

    @Test
    void exec_gives_a_real_root_with_another_effective_uid_its_permitted_set_but_nothing_effective() {
        // security/commoncap.c: handle_privileged_root (measured with setpriv --euid=1000).
        assertEquals("CapInh:\t0000000000000000\nCapPrm:\t000001fffeffffff\nCapEff:\t0000000000000000\n",
                m.out("setpriv --euid=1000 grep -E 'Cap(Inh|Prm|Eff)' /proc/self/status"));
    }

    @Test
    void setgroups_needs_a_gid_map_in_a_user_namespace() {
        // kernel/groups.c: may_setgroups: no gid_map yet, so even a full capability set is not enough.
        expect("unshare --user setpriv --clear-groups true", "setpriv: setgroups failed: Operation not permitted\n", 127);
        // --map-root-user denies setgroups before it writes gid_map (user_namespaces(7)).
        expect("unshare -r setpriv --clear-groups id -u", "setpriv: setgroups failed: Operation not permitted\n", 127);
    }

    @Test
    void root_in_a_user_namespace_chowns_only_files_whose_owners_it_can_name() {
        m.out("touch /tmp/root-owned /tmp/mapped; chown 10000:10000 /tmp/mapped");
        m.out("unshare --user sleep 100 & P=$!");
        m.out("until read -r c < /proc/$P/comm && [ \"$c\" = sleep ]; do :; done");
        m.out("echo '0 10000 2000' > /proc/$P/uid_map; echo '0 10000 2000' > /proc/$P/gid_map");
        expect("nsenter -t $P -U sh -c 'chown 5:7 /tmp/mapped; chown 5 /tmp/root-owned; chown 3000 /tmp/mapped;"
                + " chown :3000 /tmp/mapped; ls -ln /tmp'", """
                chown: changing ownership of '/tmp/root-owned': Operation not permitted
                chown: changing ownership of '/tmp/mapped': Invalid argument
                chown: changing group of '/tmp/mapped': Invalid argument
                total 0
                -rw-r--r-- 1     5     7 0 Jan  6 09:00 mapped
                -rw-r--r-- 1 65534 65534 0 Jan  6 09:00 root-owned
                """, 0);
        assertEquals("10005 10007\n", m.out("stat -c '%u %g' /tmp/mapped"));
    }

    @Test
    void chown_reports_what_it_changes_with_the_names_it_was_given() {
        m.out("touch /tmp/f");
        assertEquals("changed ownership of '/tmp/f' from root:root to games:games\n", m.out("chown -v games: /tmp/f"));
        assertEquals("changed ownership of '/tmp/f' from games:games to 5:7\n", m.out("chown -v 5:7 /tmp/f"));
        assertEquals("changed ownership of '/tmp/f' from games to 7\n", m.out("chown -v 7 /tmp/f"));
        assertEquals("", m.out("chown -c 7 /tmp/f"));
        assertEquals("ownership of '/tmp/f' retained as lp\n", m.out("chown -v 7 /tmp/f"));
        expect("chown nosuch /tmp/f", "chown: invalid user: 'nosuch'\n", 1);
        expect("/usr/bin/chown", "/usr/bin/chown: missing operand\nTry '/usr/bin/chown --help' for more information.\n", 1);
    }

    @Test
    void hostname_checks_a_name_before_setting_it() {
        for (String bad : new String[] {"''", "-lead", "trail-", ".lead", "trail.", "a..b", "a-.b", "a.-b", "a_b", "'a b'"}) {
            expect("hostname -- " + bad, "hostname: the specified hostname is invalid\n", 1);
        }
        m.out("hostname a--b; hostname '  nm.ex  '");
        assertEquals("nm.ex\n", m.out("hostname"));
        expect("hostname " + "x".repeat(65), "hostname: name too long\n", 1);
    }

    @Test
    void unshare_s_mapping_helpers_fail_as_on_the_lab_machines() {
        // Measured: no newuidmap/newgidmap installed, and empty /etc/subuid and /etc/subgid.
        expect("unshare --map-users=0,10000,10 true", "unshare: failed to execute newuidmap: No such file or directory\n", 127);
        expect("unshare --map-groups=0,10000,10 true", "unshare: failed to execute newgidmap: No such file or directory\n", 127);
        expect("unshare --map-auto true", "unshare: no line matching user \"root\" in /etc/subuid: Success\n", 1);
        expect("unshare --map-users=bad true", "unshare: could not parse ID: 'bad'\n", 1);
    }

    @Test
    void names_that_need_resolving_fail_without_a_network_as_in_the_sandbox() {
        expect("hostname -d", "hostname: Temporary failure in name resolution\n", 1);
        expect("hostname -f", "hostname: Temporary failure in name resolution\n", 1);
        expect("dnsdomainname", "dnsdomainname: Temporary failure in name resolution\n", 1);
        expect("hostname -A", "\n", 0);
    }

    @Test
    void uptime_counts_from_proc_uptime_in_its_formats() {
        assertEquals(" 09:00:00 up 0 min,  0 user,  load average: 0.00, 0.00, 0.00\n", m.out("uptime"));
        assertEquals("up 0 minute\n", m.out("uptime -p"));
        assertEquals("2025-01-06 09:00:00\n", m.out("uptime -s"));
        String later = m.out("unshare --time --fork --boottime 93784 uptime");
        assertTrue(later.matches(" 09:00:\\d\\d up 1 day,  2:03,  0 user,  load average: 0\\.00, 0\\.00, 0\\.00\n"), later);
        assertEquals("up 1 day, 2 hours, 3 minutes\n", m.out("unshare --time --fork --boottime 93784 uptime -p"));
    }
}
