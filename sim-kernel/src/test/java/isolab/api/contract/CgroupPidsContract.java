package isolab.api.contract;

import org.junit.jupiter.api.Test;

/**
 * The pids controller on a v1 machine (kernel/cgroup/pids.c; Documentation/admin-guide/cgroup-v1/
 * pids.rst): its files, the hierarchical count, the charge at fork against every ancestor's limit,
 * the count that zombies keep, migration past the limit, and what bash and dash do when fork
 * fails with EAGAIN. Observed in a real sandbox first.
 */
public abstract class CgroupPidsContract extends MachineContract {

    private static final String G = "/sys/fs/cgroup/pids/g";

    /** Waits, without forking, until PID {@code pid} of the caller's /proc is a zombie. */
    private static String untilZombie(int pid) {
        return "until read -r s < /proc/" + pid + "/stat && [[ $s == *') Z '* ]]; do :; done";
    }

    @Test
    void the_machine_s_root_cgroup_carries_the_sandbox_s_ceiling_of_512() {
        // The sandbox's cgroup is a child on the host: it has the pids files, and one process
        // outside the machine (the launcher that forked init) is charged to it as well.
        expect("cd /sys/fs/cgroup/pids && grep . pids.*", """
                pids.current:4
                pids.events:max 0
                pids.max:512
                pids.peak:4
                """, 0);
    }

    @Test
    void a_new_cgroup_has_no_limit_and_counts_nothing() {
        ok("mkdir " + G);
        expect("cd " + G + " && ls && grep . pids.*", """
                cgroup.clone_children  cgroup.procs  notify_on_release\tpids.current  pids.events  pids.max  pids.peak\ttasks
                pids.current:0
                pids.events:max 0
                pids.max:max
                pids.peak:0
                """, 0);
    }

    @Test
    void pids_max_takes_max_or_a_number_and_refuses_the_rest() {
        ok("mkdir " + G + "; cd " + G);
        expect("echo -1 > pids.max", "bash: echo: write error: Invalid argument\n", 1);
        expect("echo lots > pids.max", "bash: echo: write error: Invalid argument\n", 1);
        expect("echo 4194305 > pids.max", "bash: echo: write error: Invalid argument\n", 1);
        expect("echo 99999999999999999999 > pids.max", "bash: echo: write error: Numerical result out of range\n", 1);
        expect("echo MAX > pids.max", "bash: echo: write error: Invalid argument\n", 1);
        expect("echo 4194304 > pids.max; cat pids.max", "4194304\n", 0);
        expect("echo 0x10 > pids.max; cat pids.max", "16\n", 0);
        expect("echo ' 7 ' > pids.max; cat pids.max", "7\n", 0);
        expect("echo max > pids.max; cat pids.max", "max\n", 0);
        // The read-only files open for writing (root), and the write itself is refused.
        expect("echo 1 > pids.current", "bash: echo: write error: Invalid argument\n", 1);
        expect("echo 1 > pids.events", "bash: echo: write error: Invalid argument\n", 1);
    }

    @Test
    void pids_current_counts_every_task_of_the_subtree() {
        ok("mkdir -p /sys/fs/cgroup/pids/a/b; echo $$ > /sys/fs/cgroup/pids/a/b/cgroup.procs");
        // bash and cat itself.
        expect("cat /sys/fs/cgroup/pids/a/pids.current /sys/fs/cgroup/pids/a/b/pids.current", "2\n2\n", 0);
        expect("sleep 1000 &", "[1] 5\n", 0);
        ok(untilRunning(5, "sleep"));
        expect("cat /sys/fs/cgroup/pids/a/pids.current /sys/fs/cgroup/pids/a/b/pids.current /sys/fs/cgroup/pids/a/pids.peak",
                "3\n3\n3\n", 0);
        ok("echo $$ > /sys/fs/cgroup/pids/a/cgroup.procs");
        expect("cat /sys/fs/cgroup/pids/a/pids.current /sys/fs/cgroup/pids/a/b/pids.current", "3\n1\n", 0);
    }

    @Test
    void a_zombie_still_counts_until_it_is_reaped() {
        // pids_release runs at release_task, when the zombie is reaped, not when it exits.
        ok("mkdir " + G + "; echo $$ > " + G + "/cgroup.procs");
        expect("sh -c 'sleep 0.2 & exec sleep 5' &", "[1] 4\n", 0);
        ok(untilZombie(5));
        // bash, sleep 5, the zombie sleep 0.2 and cat.
        expect("cat " + G + "/pids.current; cat " + G + "/cgroup.procs", "4\n2\n4\n7\n", 0);
    }

    @Test
    void a_background_pipeline_charges_one_task_per_element() {
        // Both shells fork every element of a background pipeline themselves, no shell between.
        ok("mkdir " + G + "; echo $$ > " + G + "/cgroup.procs");
        expect("sleep 1000 | sleep 1001 &", "[1] 5\n", 0);
        ok(untilRunning(4, "sleep") + "; " + untilRunning(5, "sleep"));
        expect("cat " + G + "/pids.current; ps -o pid,ppid,comm", """
                4
                    PID    PPID COMMAND
                      1       0 init
                      2       1 bash
                      4       2 sleep
                      5       2 sleep
                      7       2 ps
                """, 0);
    }

    @Test
    void moving_a_task_in_moves_its_charge_even_past_the_limit() {
        // pids_can_attach charges without looking at the limit: only fork is refused.
        ok("mkdir " + G + " /sys/fs/cgroup/pids/h; echo 1 > " + G + "/pids.max");
        expect("sleep 1000 & sleep 2000 &", "[1] 4\n[2] 5\n", 0);
        ok(untilRunning(4, "sleep") + "; " + untilRunning(5, "sleep"));
        ok("echo 4 > " + G + "/cgroup.procs; echo 5 > " + G + "/cgroup.procs");
        expect("cd " + G + " && grep . pids.*", """
                pids.current:2
                pids.events:max 0
                pids.max:1
                pids.peak:2
                """, 0);
        ok("echo 5 > /sys/fs/cgroup/pids/h/cgroup.procs");
        expect("cat " + G + "/pids.current /sys/fs/cgroup/pids/h/pids.current " + G + "/pids.peak", "1\n1\n2\n", 0);
    }

    @Test
    void dash_gives_up_a_refused_fork_at_once() {
        ok("mkdir " + G + "; echo 3 > " + G + "/pids.max; echo $$ > " + G + "/cgroup.procs");
        // bash and sh take two, the first sleep the third; the second sleep is refused.
        expect("sh -c 'sleep 1000 & sleep 1000 & sleep 1000 &'", "sh: 0: Cannot fork\n", 2);
        expect("sh -c 'true; ls'", "sh: 1: Cannot fork\n", 2);
        expect("busybox sh -c 'sleep 1 & echo x'", "sh: can't fork: Resource temporarily unavailable\n", 2);
        expect("cat " + G + "/pids.current " + G + "/pids.events", "3\nmax 3\n", 0);
    }

    @Test
    void unshare_and_nsenter_report_a_refused_fork() {
        ok("mkdir " + G + "; echo $$ > " + G + "/cgroup.procs; echo 2 > " + G + "/pids.max");
        expect("unshare --pid --fork true", "unshare: fork failed: Resource temporarily unavailable\n", 1);
        expect("nsenter -t 1 -p true", "nsenter: fork failed: Resource temporarily unavailable\n", 1);
    }

    @Test
    void on_v1_the_event_is_counted_in_the_forking_cgroup_not_the_one_whose_limit_was_hit() {
        ok("mkdir -p /sys/fs/cgroup/pids/a/b; echo 3 > /sys/fs/cgroup/pids/a/pids.max");
        ok("echo $$ > /sys/fs/cgroup/pids/a/b/cgroup.procs");
        expect("sh -c 'sleep 1000 & sleep 1000 & sleep 1000 &'", "sh: 0: Cannot fork\n", 2);
        // pids_try_charge raised b's peak to 4 before a's limit refused the charge.
        expect("cd /sys/fs/cgroup/pids/a && cat pids.events b/pids.events pids.peak b/pids.peak", """
                max 0
                max 1
                3
                4
                """, 0);
    }

    @Test
    void a_refused_fork_still_uses_up_a_pid() {
        // copy_process allocates the PID (alloc_pid) before asking the cgroups (cgroup_can_fork).
        ok("mkdir " + G + "; echo 2 > " + G + "/pids.max; echo $$ > " + G + "/cgroup.procs");
        expect("sh -c 'sleep 1000 &'", "sh: 0: Cannot fork\n", 2);
        expect("echo 3 > " + G + "/pids.max; sh -c 'echo $$'", "6\n", 0);
    }

    @Test
    void bash_retries_a_refused_fork_four_times_then_gives_up_the_line() {
        // jobs.c: make_child sleeps 1, 2, 4 and 8 seconds between tries (FORKSLEEP_MAX 16).
        ok("mkdir " + G + "; echo $$ > " + G + "/cgroup.procs; echo 1 > " + G + "/pids.max; SECONDS=0");
        expect("ls /", """
                bash: fork: retry: Resource temporarily unavailable
                bash: fork: retry: Resource temporarily unavailable
                bash: fork: retry: Resource temporarily unavailable
                bash: fork: retry: Resource temporarily unavailable
                bash: fork: Resource temporarily unavailable
                """, 254);
        // bash 5.2 then looks for the last child it made (mkdir, PID 3, long gone) at the end of
        // the next simple command that makes no child: execute_cmd.c leaves already_making_children
        // set. (SECONDS counts whole seconds of the wall clock: 15 seconds of sleeps read 15 or 16.)
        expect("echo $? $SECONDS; echo b", "254 1[56] (re)\nbash: wait_for: No record of process 3\nb\n", 0);
        // Five refused forks used up PIDs 4 to 8.
        expect("echo 5 > " + G + "/pids.max; sh -c 'echo $$'; cat " + G + "/pids.events", "9\nmax 5\n", 0);
    }

    @Test
    void after_a_refused_fork_bash_waits_for_a_last_child_that_still_runs() {
        ok("mkdir " + G + "; echo $$ > " + G + "/cgroup.procs; echo 2 > " + G + "/pids.max");
        expect("sleep 17 &", "[1] 4\n", 0);
        expect("ls /", "...\nbash: fork: Resource temporarily unavailable\n", 254);
        // The assignment makes no child, so bash waits there for sleep 17, whose status $? then is.
        expect("SECONDS=0; echo $?", "[1]+  Done                    sleep 17\n0\n", 0);
        expect("echo $SECONDS", "[12] (re)\n", 0);
    }

    @Test
    void a_script_s_bash_ends_when_its_fork_is_refused() {
        ok("mkdir " + G + "; echo 2 > " + G + "/pids.max; echo $$ > " + G + "/cgroup.procs");
        expect("bash -c 'sleep 1000 & echo not reached'", """
                bash: fork: retry: Resource temporarily unavailable
                bash: fork: retry: Resource temporarily unavailable
                bash: fork: retry: Resource temporarily unavailable
                bash: fork: retry: Resource temporarily unavailable
                bash: fork: Resource temporarily unavailable
                """, 254);
    }

    @Test
    void bash_s_retry_succeeds_when_a_child_exits_during_its_sleep() {
        // The SIGCHLD of sleep 2.5 cuts bash's second sleep(2) short with less than a second
        // left, which sleep(3) reports as 0: bash goes on retrying, and the fork succeeds.
        ok("mkdir " + G + "; echo 3 > " + G + "/pids.max; echo $$ > " + G + "/cgroup.procs");
        expect("time bash -c 'sleep 2.5 & ls -d /; true'", """
                bash: fork: retry: Resource temporarily unavailable
                bash: fork: retry: Resource temporarily unavailable
                /

                real\t0m2\\.5\\d\\ds (re)
                user\t0m0\\.\\d\\d\\ds (re)
                sys\t0m0\\.\\d\\d\\ds (re)
                """, 0);
    }
}
