package isolab.api.contract;

import org.junit.jupiter.api.Test;

/**
 * Processes as the shell shows them: fork, exec, exit and wait, zombies, orphans, signals and
 * credentials. Every expectation was observed on Linux in a real sandbox first (docs/MACHINE.md).
 */
public abstract class ProcessContract extends MachineContract {

    /** Waits, without forking, until PID {@code pid} of the caller's /proc is a zombie. */
    private static String untilZombie(int pid) {
        return "until read -r s < /proc/" + pid + "/stat && [[ $s == *') Z '* ]]; do :; done";
    }

    @Test
    void a_forked_child_has_a_new_pid_and_the_shell_as_its_parent() {
        expect("echo $$; sh -c 'echo $$ $PPID'", """
                2
                3 2
                """, 0);
    }

    @Test
    void exec_keeps_the_pid_and_replaces_the_program() {
        // dash forks for the inner sh -c; exec then runs sh in place of the outer sh, in PID 3.
        expect("sh -c 'echo $$; exec sh -c \"echo \\$\\$; cat /proc/\\$\\$/comm\"'", """
                3
                3
                sh
                """, 0);
    }

    @Test
    void the_exit_status_of_a_child_is_what_the_shell_s_wait_returns() {
        expect("sh -c 'exit 7'; echo $?", "7\n", 0);
        expect("sh -c 'exit 300'; echo $?", "44\n", 0);
    }

    @Test
    void a_child_that_exited_before_its_parent_waited_is_a_zombie_until_reaped() {
        // The sh execs sleep 2, which never waits for the sleep 0.2 its sh started before the exec.
        expect("sh -c 'sleep 0.2 & exec sleep 2' &", "[1] 3\n", 0);
        ok(untilZombie(4));
        expect("ps -o pid,ppid,stat,comm,args", """
                    PID    PPID STAT COMMAND         COMMAND
                      1       0 [RS]s   init            /sbin/init (re)
                      2       1 S    bash            bash
                      3       2 S    sleep           sleep 2
                      4       3 Z    sleep           [sleep] <defunct>
                      5       2 R+   ps              ps -o pid,ppid,stat,comm,args
                """, 0);
        expect("grep -E '^(Name|State|PPid)' /proc/4/status", """
                Name:\tsleep
                State:\tZ (zombie)
                PPid:\t3
                """, 0);
    }

    @Test
    void an_orphan_is_reparented_to_init() {
        expect("sh -c 'sleep 100 & echo $!'", "4\n", 0);
        ok(untilRunning(4, "sleep"));
        expect("ps -o pid,ppid,stat,comm", """
                    PID    PPID STAT COMMAND
                      1       0 [RS]s   init (re)
                      2       1 S    bash
                      4       1 S    sleep
                      5       2 R+   ps
                """, 0);
    }

    @Test
    void an_orphan_in_a_pid_namespace_is_reparented_to_that_namespace_s_init() {
        // kernel/exit.c: find_child_reaper picks the init of the orphan's own PID namespace.
        ok("unshare --pid --fork --mount-proc sh");
        expect("sh -c 'sleep 100 & echo $!'", "3\n", 0);
        ok(untilRunning(3, "sleep"));
        expect("ps -o pid,ppid,comm", """
                    PID    PPID COMMAND
                      1       0 sh
                      3       1 sleep
                      4       1 ps
                """, 0);
    }

    @Test
    void kill_sends_sigterm_and_bash_reports_the_job_terminated_at_its_next_prompt() {
        // A foreground command after the kill: bash reaps the job while it waits for that command
        // and reports it before the prompt. (After `wait`, bash 5.2 reports a job that died during
        // the wait silently and one that died before it aloud: a race, so no `wait` here.)
        expect("sleep 100 &", "[1] 3\n", 0);
        expect("kill %1; sleep 0.5", "[1]+  Terminated              sleep 100\n", 0);
    }

    @Test
    void wait_reports_death_by_a_signal_as_128_plus_the_signal() {
        // Job control off (set +m): bash prints no job notices, only the statuses.
        ok("set +m");
        expect("sleep 100 &", "[1] 3\n", 0);
        expect("kill $!; wait $!; echo $?", "143\n", 0);
        expect("sleep 100 &", "[1] 4\n", 0);
        expect("kill -9 $!; wait $!; echo $?", "137\n", 0);
    }

    @Test
    void kill_9_kills_and_bash_reports_the_job_killed() {
        expect("sleep 100 &", "[1] 3\n", 0);
        expect("kill -9 %1; sleep 0.5", "[1]+  Killed                  sleep 100\n", 0);
    }

    @Test
    void a_stopped_process_shows_state_t_until_continued() {
        // Interactive bash reports the stop at once, after an empty line, before its next prompt.
        expect("sleep 100 &", "[1] 3\n", 0);
        ok(untilRunning(3, "sleep"));
        expect("kill -STOP 3; until read -r s < /proc/3/stat && [[ $s == *') T '* ]]; do :; done;"
                + " grep State /proc/3/status", """
                State:\tT (stopped)

                [1]+  Stopped                 sleep 100
                """, 0);
        // Continued, sleep goes back to its nanosleep (it may be runnable for a moment first).
        expect("kill -CONT 3; until read -r s < /proc/3/stat && [[ $s == *') S '* ]]; do :; done;"
                + " grep State /proc/3/status", "State:\tS (sleeping)\n", 0);
    }

    @Test
    void killing_a_pid_that_does_not_exist_gets_esrch() {
        expect("kill -9 99999", "bash: kill: (99999) - No such process\n", 1);
        expect("/bin/kill -9 99999", "/bin/kill: (99999): No such process\n", 1);
    }

    @Test
    void kill_with_a_bad_signal_or_no_pid_gets_bash_s_messages() {
        expect("kill -BOGUS 2", "bash: kill: BOGUS: invalid signal specification\n", 1);
        expect("kill", "kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n", 2);
    }

    @Test
    void killing_another_user_s_process_without_cap_kill_gets_eperm() {
        expect("setpriv --reuid=65534 --regid=65534 --clear-groups kill -9 1",
                "kill: (1): Operation not permitted\n", 1);
        expect("setpriv --reuid=65534 --regid=65534 --clear-groups /bin/kill -9 1",
                "/bin/kill: (1): Operation not permitted\n", 1);
    }

    @Test
    void a_child_s_exit_sends_sigchld_to_its_parent() {
        expect("sh -c 'trap \"echo got SIGCHLD\" CHLD; sleep 0.1 & wait; echo done'", "got SIGCHLD\ndone\n", 0);
        expect("bash -c 'trap \"echo got SIGCHLD\" CHLD; sleep 0.1 & wait; echo done'", "got SIGCHLD\ndone\n", 0);
    }

    @Test
    void root_has_every_capability_but_cap_sys_resource() {
        // docs/MACHINE.md: the machine's root lacks CAP_SYS_RESOURCE (bit 24), as its hosts do.
        expect("grep Cap /proc/self/status", """
                CapInh:\t0000000000000000
                CapPrm:\t000001fffeffffff
                CapEff:\t000001fffeffffff
                CapBnd:\t000001fffeffffff
                CapAmb:\t0000000000000000
                """, 0);
    }

    @Test
    void dropping_a_capability_from_the_bounding_set_removes_it_after_exec() {
        // CAP_SYS_ADMIN is bit 21: 0x1fffeffffff without it is 0x1fffedfffff.
        expect("capsh --drop=cap_sys_admin -- -c 'grep Cap /proc/self/status'", """
                CapInh:\t0000000000000000
                CapPrm:\t000001fffedfffff
                CapEff:\t000001fffedfffff
                CapBnd:\t000001fffedfffff
                CapAmb:\t0000000000000000
                """, 0);
    }

    @Test
    void a_process_that_leaves_uid_0_loses_its_permitted_and_effective_capabilities() {
        // security/commoncap.c: cap_emulate_setxuid clears the sets when no uid stays 0.
        expect("setpriv --reuid=1000 --regid=1000 --clear-groups grep -E '^(Uid|Gid|Groups|Cap)' /proc/self/status", """
                Uid:\t1000\t1000\t1000\t1000
                Gid:\t1000\t1000\t1000\t1000
                Groups:\t
                CapInh:\t0000000000000000
                CapPrm:\t0000000000000000
                CapEff:\t0000000000000000
                CapBnd:\t000001fffeffffff
                CapAmb:\t0000000000000000
                """, 0);
    }

    @Test
    void root_s_credentials_are_uid_and_gid_0_with_no_supplementary_groups() {
        expect("grep -E '^(Uid|Gid|Groups)' /proc/self/status", """
                Uid:\t0\t0\t0\t0
                Gid:\t0\t0\t0\t0
                Groups:\t
                """, 0);
        expect("id", "uid=0(root) gid=0(root) groups=0(root)\n", 0);
        expect("setpriv --reuid=65534 --regid=65534 --clear-groups id",
                "uid=65534(nobody) gid=65534(nogroup) groups=65534(nogroup)\n", 0);
    }
}
