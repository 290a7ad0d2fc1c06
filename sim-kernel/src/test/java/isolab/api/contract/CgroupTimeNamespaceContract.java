package isolab.api.contract;

import isolab.api.Terminal;
import org.junit.jupiter.api.Test;

/**
 * Cgroup namespaces ({@code /proc/PID/cgroup} relative to the namespace's root) and time
 * namespaces (monotonic and boottime offsets, {@code /proc/uptime}). Observed on Linux first.
 */
public abstract class CgroupTimeNamespaceContract extends MachineContract {

    /** A fresh machine's /proc/self/cgroup: every hierarchy of docs/MACHINE.md, each at its root. */
    private static final String ROOTS = """
            9:name=systemd:/
            8:pids:/
            7:blkio:/
            6:freezer:/
            5:devices:/
            4:memory:/
            3:cpuset:/
            2:cpuacct:/
            1:cpu:/
            0::/
            """;

    @Test
    void a_fresh_machine_s_processes_are_at_the_root_of_every_hierarchy() {
        expect("cat /proc/self/cgroup", ROOTS, 0);
    }

    @Test
    void moving_a_process_shows_its_cgroup_path() {
        ok("mkdir /sys/fs/cgroup/pids/a; echo $$ > /sys/fs/cgroup/pids/a/cgroup.procs");
        expect("grep pids /proc/self/cgroup", "8:pids:/a\n", 0);
    }

    @Test
    void a_new_cgroup_namespace_is_rooted_at_the_unsharer_s_cgroups() {
        ok("mkdir /sys/fs/cgroup/memory/a /sys/fs/cgroup/pids/a");
        ok("echo $$ > /sys/fs/cgroup/memory/a/cgroup.procs; echo $$ > /sys/fs/cgroup/pids/a/cgroup.procs");
        ok("unshare --cgroup sh");
        expect("cat /proc/self/cgroup", ROOTS, 0);
        ok("mkdir /sys/fs/cgroup/pids/a/b; echo $$ > /sys/fs/cgroup/pids/a/b/cgroup.procs");
        expect("grep pids /proc/self/cgroup", "8:pids:/b\n", 0);
        Terminal other = host.terminal("other");
        expect(other, "grep -E 'pids|memory' /proc/4/cgroup", "8:pids:/a/b\n4:memory:/a\n", 0);
    }

    @Test
    void a_cgroup_outside_the_namespace_s_root_is_shown_with_dot_dot() {
        // kernel/cgroup/cgroup.c: proc_cgroup_show prints the path relative to the namespace's root.
        ok("mkdir /sys/fs/cgroup/pids/a; echo $$ > /sys/fs/cgroup/pids/a/cgroup.procs");
        ok("unshare --cgroup sh");
        ok("echo $$ > /sys/fs/cgroup/pids/cgroup.procs");
        expect("grep pids /proc/self/cgroup", "8:pids:/..\n", 0);
    }

    @Test
    void a_cgroup_filesystem_mounted_inside_a_cgroup_namespace_shows_its_root_only() {
        ok("mkdir -p /sys/fs/cgroup/pids/a/b; echo $$ > /sys/fs/cgroup/pids/a/cgroup.procs");
        ok("unshare --cgroup --mount sh");
        ok("mkdir /tmp/cg; mount -t cgroup -o pids cgroup /tmp/cg");
        // bash 2, the unshared sh 4 and cat 8 are in /a, the namespace's root.
        expect("ls -d /tmp/cg/*/; cat /tmp/cg/cgroup.procs", "/tmp/cg/b/\n2\n4\n8\n", 0);
        expect("grep /tmp/cg /proc/self/mountinfo",
                "\\d+ \\d+ 0:\\d+ / /tmp/cg rw,relatime - cgroup cgroup rw,pids (re)\n", 0);
    }

    @Test
    void a_fresh_machine_has_no_time_offsets() {
        expect("cat /proc/self/timens_offsets", """
                monotonic           0         0
                boottime            0         0
                """, 0);
        expect("readlink /proc/self/ns/time", "time:[4026531834]\n", 0);
    }

    @Test
    void boottime_and_monotonic_offsets_apply_inside_a_new_time_namespace() {
        ok("cut -d' ' -f1 /proc/uptime | tr -d . > /tmp/before");
        ok("unshare --time --fork --boottime 1000000 --monotonic 500 sh");
        expect("cat /proc/self/timens_offsets", """
                monotonic         500         0
                boottime      1000000         0
                """, 0);
        // /proc/uptime is boottime (in hundredths here, so /100000 gives thousands of seconds).
        expect("echo $(( ($(cut -d' ' -f1 /proc/uptime | tr -d .) - $(cat /tmp/before)) / 100000 ))", "1000\n", 0);
        expect(host.terminal("other"), "echo $(( ($(cut -d' ' -f1 /proc/uptime | tr -d .) - $(cat /tmp/before)) / 100000 ))",
                "0\n", 0);
    }

    @Test
    void uptime_counts_the_boottime_offset_in_days() {
        expect("unshare --time --fork --boottime 172800 uptime",
                " \\d\\d:\\d\\d:\\d\\d up ([2-9]|\\d\\d+) days, .* (re)\n", 0);
    }

    @Test
    void unshare_time_without_fork_puts_the_program_it_execs_into_the_new_namespace() {
        // kernel/nsproxy.c: exec_task_namespaces -> timens_commit, on execve.
        ok("unshare --time sh");
        expect("[ $(readlink /proc/self/ns/time) = $(readlink /proc/self/ns/time_for_children) ]"
                + " && [ $(readlink /proc/self/ns/time) != time:[4026531834] ]; echo $?", "0\n", 0);
    }

    @Test
    void offsets_cannot_be_changed_once_a_process_is_in_the_namespace() {
        // kernel/time/namespace.c: proc_timens_set_offset refuses with EACCES once the ns is in use.
        ok("unshare --time sh");
        expect("bash -c \"echo 'monotonic 10 0' > /proc/self/timens_offsets\"",
                "bash: line 1: echo: write error: Permission denied\n", 1);
        expect("echo 'monotonic 10 0' > /proc/self/timens_offsets", "sh: 2: echo: echo: I/O error\n", 1);
    }

    @Test
    void unshare_s_time_options_need_a_time_namespace_and_valid_offsets() {
        expect("unshare --boottime 5 true",
                "unshare: options --monotonic and --boottime require unsharing of a time namespace (-t)\n", 1);
        expect("unshare --time --boottime x true", "unshare: failed to parse boottime offset: 'x'\n", 1);
        expect("unshare --time --fork --boottime -99999999 true",
                "unshare: failed to write to /proc/self/timens_offsets: Numerical result out of range\n", 1);
    }
}
