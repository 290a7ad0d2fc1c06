package isolab.api.contract;

import isolab.api.Terminal;
import org.junit.jupiter.api.Test;

/**
 * PID namespaces: nesting, a PID per level, PID 1's semantics, {@code unshare --pid} with and
 * without {@code --fork}, {@code --mount-proc}. Observed on Linux in a real sandbox first.
 */
public abstract class PidNamespaceContract extends MachineContract {

    @Test
    void the_first_child_in_a_new_pid_namespace_is_pid_1_with_parent_0() {
        expect("unshare --pid --fork sh -c 'echo $$ $PPID'", "1 0\n", 0);
    }

    @Test
    void through_the_machine_s_proc_nested_namespaces_give_one_pid_per_level() {
        // bash 2 -> unshare 3 -> sh 4 (ns1: 1) -> unshare 5 (ns1: 2) -> sh 6 (ns1: 3, ns2: 1) -> grep 7.
        ok("unshare --pid --fork sh");
        ok("unshare --pid --fork sh");
        expect("grep NSpid /proc/self/status", "NSpid:\t7\t4\t2\n", 0);
        expect("echo $$", "1\n", 0);
    }

    @Test
    void through_a_nested_proc_nspid_starts_at_the_level_of_the_proc_s_namespace() {
        // fs/proc/array.c: proc_pid_status prints NSpid from the proc mount's namespace down.
        ok("unshare --pid --fork --mount-proc sh");
        ok("unshare --pid --fork sh");
        expect("grep NSpid /proc/self/status", "NSpid:\t4\t2\n", 0);
    }

    @Test
    void a_proc_mounted_in_the_namespace_lists_only_its_processes() {
        ok("unshare --pid --fork --mount-proc sh");
        expect("echo /proc/[0-9]*", "/proc/1\n", 0);
        expect("ps -e", """
                    PID TTY          TIME CMD
                      1 pts/0    00:00:00 sh
                      2 pts/0    00:00:00 ps
                """, 0);
        expect("ps -ef", """
                UID          PID    PPID  C STIME TTY          TIME CMD
                root           1       0  0 \\d\\d:\\d\\d pts/0    00:00:00 sh (re)
                root           3       1  0 \\d\\d:\\d\\d pts/0    00:00:00 ps -ef (re)
                """, 0);
    }

    @Test
    void mount_proc_mounts_a_new_proc_over_the_old_one_in_a_new_mount_namespace() {
        ok("unshare --pid --fork --mount-proc sh");
        expect("grep ' /proc ' /proc/mounts", """
                proc /proc proc rw,nosuid,nodev,noexec,relatime 0 0
                proc /proc proc rw,nosuid,nodev,noexec,relatime 0 0
                """, 0);
        Terminal other = host.terminal("other");
        expect(other, "grep -c ' /proc ' /proc/mounts", "1\n", 0);
    }

    @Test
    void the_machine_sees_a_namespace_s_processes_with_the_machine_s_pids() {
        ok("unshare --pid --fork --mount-proc sh");
        ok("sleep 100 &");
        ok(untilRunning(2, "sleep"));
        Terminal other = host.terminal("other");
        expect(other, "ps -e -o pid,ppid,comm", """
                    PID    PPID COMMAND
                      1       0 init
                      2       1 bash
                      3       2 unshare
                      4       3 sh
                      5       4 sleep
                      6       1 bash
                      7       6 ps
                """, 0);
        expect(other, "grep NSpid /proc/4/status /proc/5/status", """
                /proc/4/status:NSpid:\t4\t1
                /proc/5/status:NSpid:\t5\t2
                """, 0);
    }

    @Test
    void init_ignores_signals_it_has_no_handler_for_when_sent_from_inside() {
        // kernel/signal.c: sig_task_ignored drops SIG_DFL signals to an unkillable init.
        ok("unshare --pid --fork --mount-proc sh");
        expect("kill 1; echo $?; kill -9 1; echo $?; kill -TERM 1; echo $?", "0\n0\n0\n", 0);
        expect("echo still $$", "still 1\n", 0);
    }

    @Test
    void init_gets_a_signal_it_has_a_handler_for() {
        ok("unshare --pid --fork --mount-proc sh");
        expect("trap 'echo got TERM' TERM; kill -TERM 1", "got TERM\n", 0);
    }

    @Test
    void sigterm_from_the_parent_namespace_is_ignored_but_sigkill_kills_the_namespace() {
        // Only SIGKILL and SIGSTOP are forced on a namespace's init from an ancestor namespace.
        // unshare --fork then fails to re-raise SIGKILL on itself and exits 1 (util-linux).
        expect("unshare --pid --fork sh -c 'sleep 100 & sleep 100' &", "[1] 3\n", 0);
        ok(untilRunning(5, "sleep") + "; " + untilRunning(6, "sleep"));
        expect("kill -TERM 4; sleep 0.2; ps -e -o pid,ppid,stat,comm", """
                    PID    PPID STAT COMMAND
                      1       0 [RS]s   init (re)
                      2       1 S    bash
                      3       2 S    unshare
                      4       3 S    sh
                      5       4 S    sleep
                      6       4 S    sleep
                      8       2 R+   ps
                """, 0);
        expect("kill -KILL 4; sleep 0.5", """
                unshare: sigprocmask unblock failed: Invalid argument
                [1]+  Exit 1                  unshare --pid --fork sh -c 'sleep 100 & sleep 100'
                """, 0);
        expect("ps -e -o pid,ppid,stat,comm", """
                    PID    PPID STAT COMMAND
                      1       0 [RS]s   init (re)
                      2       1 S    bash
                     10       2 R+   ps
                """, 0);
    }

    @Test
    void when_init_exits_every_other_process_of_the_namespace_is_killed() {
        // kernel/pid_namespace.c: zap_pid_ns_processes
        ok("unshare --pid --fork --mount-proc sh");
        ok("sleep 100 &");
        ok(untilRunning(2, "sleep"));
        expect("ps -o pid,ppid,comm", """
                    PID    PPID COMMAND
                      1       0 sh
                      2       1 sleep
                      3       1 ps
                """, 0);
        expect("exit", "sh: 4: Cannot set tty process group (No such process)\n", 2);
        expect("ps -e -o pid,ppid,stat,comm", """
                    PID    PPID STAT COMMAND
                      1       0 [RS]s   init (re)
                      2       1 S    bash
                      7       2 R+   ps
                """, 0);
    }

    @Test
    void unshare_pid_without_fork_leaves_the_caller_outside_and_its_first_child_is_pid_1() {
        expect("unshare --pid sh -c 'echo $$; sh -c \"echo \\$\\$ \\$PPID\"'", "3\n1 0\n", 0);
    }

    @Test
    void after_the_first_child_exits_dash_cannot_fork_into_the_dead_namespace() {
        // kernel/pid.c: alloc_pid fails with ENOMEM once the namespace's init has exited.
        expect("unshare --pid sh -c 'echo $$; sh -c \"echo \\$\\$\"; sh -c \"echo again\"'", """
                3
                1
                sh: 1: Cannot fork
                """, 2);
    }

    @Test
    void after_the_first_child_exits_bash_cannot_fork_into_the_dead_namespace() {
        ok("unshare --pid bash");
        expect("echo $$", "3\n", 0);
        expect("sh -c 'echo $$'", "1\n", 0);
        expect("ls", "bash: fork: Cannot allocate memory\n", 254);
        // bash 5.2 then looks for the last child it forked and fails the next command with 127.
        expect("echo builtins still work", """
                builtins still work
                bash: wait_for: No record of process 4
                """, 127);
        expect("echo $?", "127\n", 0);
    }

    @Test
    void an_interactive_dash_reports_cannot_fork_with_its_line_number() {
        ok("unshare --pid sh");
        expect("echo $$", "3\n", 0);
        expect("ls", "", 0);
        expect("ls", "sh: 3: Cannot fork\n", 2);
        expect("exit", "", 2);
    }

    @Test
    void pid_for_children_cannot_be_read_until_the_first_child_exists() {
        ok("unshare --pid sh");
        Terminal other = host.terminal("other");
        expect(other, "readlink /proc/3/ns/pid_for_children", "", 1);
        expect(other, "readlink -v /proc/3/ns/pid_for_children",
                "readlink: /proc/3/ns/pid_for_children: No such file or directory\n", 1);
        ok("sh -c true");
        expect(other, "readlink /proc/3/ns/pid_for_children", "pid:\\[\\d+] (re)\n", 0);
        expect(other, "[ $(readlink /proc/3/ns/pid_for_children) != $(readlink /proc/3/ns/pid) ]; echo $?", "0\n", 0);
    }

    @Test
    void ps_in_each_namespace_sees_its_own_and_nested_namespaces_processes() {
        ok("unshare --pid --fork --mount-proc sh");
        ok("unshare --pid --fork --mount-proc sh");
        ok("sleep 100 &");
        ok(untilRunning(2, "sleep"));
        expect("ps -o pid,ppid,comm", """
                    PID    PPID COMMAND
                      1       0 sh
                      2       1 sleep
                      3       1 ps
                """, 0);
        Terminal other = host.terminal("other");
        expect(other, "ps -e -o pid,ppid,comm", """
                    PID    PPID COMMAND
                      1       0 init
                      2       1 bash
                      3       2 unshare
                      4       3 sh
                      5       4 unshare
                      6       5 sh
                      7       6 sleep
                      9       1 bash
                     10       9 ps
                """, 0);
    }

    @Test
    void pid_namespaces_nest_32_levels_deep_counting_the_machine_s_own() {
        // kernel/pid_namespace.c: create_pid_namespace, MAX_PID_NS_LEVEL 32. docs/MACHINE.md: the
        // machine's own PID namespace is level 1, so 31 more fit and the 32nd is ENOSPC.
        expect("c=true; for i in $(seq 31); do c=\"unshare --pid --fork $c\"; done; $c; echo $?", "0\n", 0);
        expect("c=true; for i in $(seq 32); do c=\"unshare --pid --fork $c\"; done; $c",
                "unshare: unshare failed: No space left on device\n", 1);
    }

    @Test
    void the_seeds_count_of_ps_aux_lines_drops_inside_a_pid_namespace() {
        // Header, init, bash, ps and wc on the machine; header, sh, ps and wc in the namespace.
        expect("ps aux | wc -l", "5\n", 0);
        ok("unshare --pid --fork --mount-proc sh");
        expect("ps aux | wc -l", "4\n", 0);
    }
}
