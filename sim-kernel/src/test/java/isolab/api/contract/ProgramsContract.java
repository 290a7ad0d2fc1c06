package isolab.api.contract;

import org.junit.jupiter.api.Test;

/**
 * The programs the namespace labs use, with Linux's output formats and error texts: unshare,
 * nsenter, lsns, ps, ls of {@code /proc/PID/ns}, readlink, stat, id and whoami. Only Linux's own
 * messages are asserted here; how a host says "not modelled" is its own business. Observed first
 * on Linux in a real sandbox.
 */
public abstract class ProgramsContract extends MachineContract {

    /** Starts a target (job 1) in new uts, ipc, net, mnt, pid, cgroup and time namespaces: sleep, PID 4. */
    private void startTarget() {
        expect("unshare --uts --ipc --net --mount --pid --fork --mount-proc --cgroup --time"
                + " sh -c 'hostname target; ipcmk -Q >/dev/null; exec sleep 100' &", "[1] 3\n", 0);
        ok(untilRunning(4, "sleep"));
    }

    @Test
    void unshare_s_short_flags_are_its_long_ones() {
        expect("unshare -muinpfCT --mount-proc sh -c 'echo $$; hostname; readlink /proc/1/exe'",
                "1\nisolab\n/usr/bin/dash\n", 0);
        expect("unshare -r id", "uid=0(root) gid=0(root) groups=0(root)\n", 0);
        expect("unshare -U --map-user=5 --map-group=7 sh -c 'id -u; id -g'", "5\n7\n", 0);
    }

    @Test
    void unshare_of_each_kind_gives_a_new_namespace_of_that_kind_only() {
        for (String kind : new String[] {"mount:mnt", "uts:uts", "ipc:ipc", "net:net", "cgroup:cgroup", "user:user"}) {
            String flag = kind.substring(0, kind.indexOf(':'));
            String ns = kind.substring(kind.indexOf(':') + 1);
            expect("[ $(unshare --" + flag + " readlink /proc/self/ns/" + ns + ") != $(readlink /proc/self/ns/" + ns + ") ]"
                    + " && [ $(unshare --" + flag + " readlink /proc/self/ns/pid) = $(readlink /proc/self/ns/pid) ]; echo $?",
                    "0\n", 0);
        }
        // pid and time apply to children only: the program unshare execs is a child for neither...
        expect("[ $(unshare --pid readlink /proc/self/ns/pid) = $(readlink /proc/self/ns/pid) ]; echo $?", "0\n", 0);
        // ...but exec moves a process into its time_for_children.
        expect("[ $(unshare --time readlink /proc/self/ns/time) != $(readlink /proc/self/ns/time) ]; echo $?", "0\n", 0);
    }

    @Test
    void unshare_with_a_bad_option_prints_util_linux_s_usage_error() {
        expect("unshare --bogus", "unshare: unrecognized option '--bogus'\nTry 'unshare --help' for more information.\n", 1);
        expect("unshare -Z", "unshare: invalid option -- 'Z'\nTry 'unshare --help' for more information.\n", 1);
        expect("unshare --propagation weird true", "unshare: unsupported propagation mode: weird\n", 1);
        expect("unshare nosuchprog", "unshare: failed to execute nosuchprog: No such file or directory\n", 127);
    }

    @Test
    void unshare_help_starts_with_its_usage() {
        expect("unshare --help | head -4", """

                Usage:
                 unshare [options] [<program> [<argument>...]]

                """, 0);
    }

    @Test
    void unshare_without_capabilities_is_eperm() {
        expect("setpriv --reuid=1000 --regid=1000 --clear-groups unshare --net true",
                "unshare: unshare failed: Operation not permitted\n", 1);
        expect("capsh --drop=cap_sys_admin -- -c 'unshare --uts true'",
                "unshare: unshare failed: Operation not permitted\n", 1);
    }

    @Test
    void nsenter_with_each_flag_joins_that_namespace_of_the_target() {
        startTarget();
        // With -m, /proc is the target's own proc, where nsenter's child has no PID: /proc/self is absent.
        expect("for f in u:uts i:ipc n:net C:cgroup T:time p:pid; do"
                + " [ \"$(nsenter -t 4 -${f%%:*} readlink /proc/self/ns/${f#*:})\" = \"$(readlink /proc/4/ns/${f#*:})\" ]"
                + " && echo ${f#*:} joined; done", """
                uts joined
                ipc joined
                net joined
                cgroup joined
                time joined
                pid joined
                """, 0);
        expect("nsenter -t 4 -m readlink /proc/self/ns/mnt", "", 1);
        expect("nsenter -t 4 -u hostname; nsenter -t 4 -n ip -o link | cut -d' ' -f2", "target\nlo:\n", 0);
        expect("nsenter --target 4 --uts --mount hostname", "target\n", 0);
    }

    @Test
    void nsenter_pid_forks_so_that_its_program_is_in_the_target_s_pid_namespace() {
        startTarget();
        expect("nsenter -t 4 -m -p ps -e -o pid,comm", """
                    PID COMMAND
                      1 sleep
                      4 ps
                """, 0);
    }

    @Test
    void nsenter_all_joins_every_namespace_of_the_target() {
        startTarget();
        expect("nsenter -t 4 -a sh -c 'hostname; ipcs -q | tail -n +4 | wc -l; ip -o link | cut -d\" \" -f2; ps -e -o pid=,comm='", """
                target
                2
                lo:
                      1 sleep
                      4 sh
                     11 ps
                """, 0);
    }

    @Test
    void nsenter_errors_give_util_linux_s_messages() {
        startTarget();
        expect("nsenter -t 99999 -u true", "nsenter: cannot open /proc/99999/ns/uts: No such file or directory\n", 1);
        expect("nsenter -t 4 --bogus", "nsenter: unrecognized option '--bogus'\nTry 'nsenter --help' for more information.\n", 1);
        expect("setpriv --reuid=1000 --regid=1000 --clear-groups nsenter -t 4 -u true",
                "nsenter: cannot open /proc/4/ns/uts: Permission denied\n", 1);
    }

    @Test
    void lsns_lists_one_line_per_namespace_with_its_lowest_pid() {
        // lsns sorts by inode. The initial time and user namespaces have fixed inodes below every
        // dynamic one (include/linux/proc_ns.h: PROC_DYNAMIC_FIRST); the others get the lowest
        // free inode, which other machines on the host may have freed: their order varies.
        expect("lsns | head -3", """
                        NS TYPE   NPROCS PID USER COMMAND
                4026531834 time        4   1 root /sbin/init
                4026531837 user        4   1 root /sbin/init
                """, 0);
        expect("lsns -n -o TYPE,NPROCS,PID,USER,COMMAND | sort", """
                cgroup      4   1 root /sbin/init
                ipc         4   1 root /sbin/init
                mnt         4   1 root /sbin/init
                net         4   1 root /sbin/init
                pid         4   1 root /sbin/init
                time        4   1 root /sbin/init
                user        4   1 root /sbin/init
                uts         4   1 root /sbin/init
                """, 0);
        expect("lsns -t pid", """
                        NS TYPE NPROCS PID USER COMMAND
                \\d{10} pid       3   1 root /sbin/init (re)
                """, 0);
    }

    @Test
    void lsns_shows_a_new_namespace_with_the_process_that_holds_it() {
        startTarget();
        expect("lsns -t uts -n | sort -n -k4", """
                \\d{10} uts       4   1 root /sbin/init (re)
                \\d{10} uts       2   3 root unshare --uts --ipc --net --mount --pid --fork --mount-proc --cgroup --time sh -c hostname target; ipcmk -Q >/dev/null; exec sleep 100 (re)
                """, 0);
        expect("lsns -t pid -o NS,TYPE,NPROCS,PID,COMMAND | sort -n -k4", """
                        NS TYPE NPROCS PID COMMAND
                \\d{10} pid       5   1 /sbin/init (re)
                \\d{10} pid       1   4 sleep 100 (re)
                """, 0);
        expect("lsns -t bogus", "lsns: unknown namespace type: bogus\n", 1);
    }

    @Test
    void ps_lists_the_terminal_s_processes_in_its_formats() {
        expect("ps", """
                    PID TTY          TIME CMD
                      1 pts/0    00:00:00 init
                      2 pts/0    00:00:00 bash
                      3 pts/0    00:00:00 ps
                """, 0);
        expect("ps -e", """
                    PID TTY          TIME CMD
                      1 pts/0    00:00:00 init
                      2 pts/0    00:00:00 bash
                      4 pts/0    00:00:00 ps
                """, 0);
        expect("ps -ef", """
                UID          PID    PPID  C STIME TTY          TIME CMD
                root           1       0  0 \\d\\d:\\d\\d pts/0    00:00:00 /sbin/init (re)
                root           2       1  0 \\d\\d:\\d\\d pts/0    00:00:00 bash (re)
                root           5       2  0 \\d\\d:\\d\\d pts/0    00:00:00 ps -ef (re)
                """, 0);
        expect("ps aux", """
                USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND
                root           1  \\d+\\.\\d  \\d+\\.\\d +\\d+ +\\d+ pts/0    [RS]s   \\d\\d:\\d\\d   0:00 /sbin/init (re)
                root           2  \\d+\\.\\d  \\d+\\.\\d +\\d+ +\\d+ pts/0    S    \\d\\d:\\d\\d   0:00 bash (re)
                root           6  \\d+\\.\\d  \\d+\\.\\d +\\d+ +\\d+ pts/0    R\\+   \\d\\d:\\d\\d   0:00 ps aux (re)
                """, 0);
    }

    @Test
    void ps_o_prints_the_chosen_columns_and_cuts_all_but_the_last_to_its_width() {
        expect("ps -o pid,ppid,comm,args,user,stat", """
                    PID    PPID COMMAND         COMMAND                     USER     STAT
                      1       0 init            /sbin/init                  root     Ss
                      2       1 bash            bash                        root     S
                      3       2 ps              ps -o pid,ppid,comm,args,us root     R+
                """, 0);
        expect("ps -p 1 -o pid=,comm=", "      1 init\n", 0);
    }

    @Test
    void ps_in_a_second_terminal_shows_its_tty() {
        expect(host.terminal("other"), "ps -e -o pid,tty,comm", """
                    PID TT       COMMAND
                      1 pts/0    init
                      2 pts/0    bash
                      3 pts/1    bash
                      4 pts/1    ps
                """, 0);
    }

    @Test
    void ps_with_a_bad_option_prints_procps_s_usage() {
        String usage = """

                Usage:
                 ps [options]

                 Try 'ps --help <simple|list|output|threads|misc|all>'
                  or 'ps --help <s|l|o|t|m|a>'
                 for additional help text.

                For more details see ps(1).
                """;
        expect("ps -o bogus", "error: unknown user-defined format specifier \"bogus\"\n" + usage, 1);
        expect("ps -Q", "error: unsupported SysV option\n" + usage, 1);
    }

    @Test
    void ls_l_of_proc_ns_shows_the_ten_links() {
        expect("ls -l /proc/self/ns", """
                total 0
                lrwxrwxrwx 1 root root 0 \\w{3} [ \\d]\\d \\d\\d:\\d\\d cgroup -> 'cgroup:\\[\\d{10}]' (re)
                lrwxrwxrwx 1 root root 0 \\w{3} [ \\d]\\d \\d\\d:\\d\\d ipc -> 'ipc:\\[\\d{10}]' (re)
                lrwxrwxrwx 1 root root 0 \\w{3} [ \\d]\\d \\d\\d:\\d\\d mnt -> 'mnt:\\[\\d{10}]' (re)
                lrwxrwxrwx 1 root root 0 \\w{3} [ \\d]\\d \\d\\d:\\d\\d net -> 'net:\\[\\d{10}]' (re)
                lrwxrwxrwx 1 root root 0 \\w{3} [ \\d]\\d \\d\\d:\\d\\d pid -> 'pid:\\[\\d{10}]' (re)
                lrwxrwxrwx 1 root root 0 \\w{3} [ \\d]\\d \\d\\d:\\d\\d pid_for_children -> 'pid:\\[\\d{10}]' (re)
                lrwxrwxrwx 1 root root 0 \\w{3} [ \\d]\\d \\d\\d:\\d\\d time -> 'time:\\[4026531834]' (re)
                lrwxrwxrwx 1 root root 0 \\w{3} [ \\d]\\d \\d\\d:\\d\\d time_for_children -> 'time:\\[4026531834]' (re)
                lrwxrwxrwx 1 root root 0 \\w{3} [ \\d]\\d \\d\\d:\\d\\d user -> 'user:\\[4026531837]' (re)
                lrwxrwxrwx 1 root root 0 \\w{3} [ \\d]\\d \\d\\d:\\d\\d uts -> 'uts:\\[\\d{10}]' (re)
                """, 0);
        expect("ls /proc/self/ns", "cgroup\tipc  mnt  net  pid  pid_for_children  time  time_for_children  user  uts\n", 0);
    }

    @Test
    void readlink_and_stat_give_the_same_inode() {
        expect("[ \"$(readlink /proc/1/ns/uts)\" = \"uts:[$(stat -L -c %i /proc/1/ns/uts)]\" ]; echo $?", "0\n", 0);
        expect("stat -L -c %i /proc/self/ns/user", "4026531837\n", 0);
        expect("readlink /proc/1/ns/mnt /proc/1/ns/user", "mnt:\\[\\d{10}] (re)\nuser:[4026531837]\n", 0);
        expect("readlink /proc/1/ns/nope", "", 1);
        expect("stat -L -c %i /proc/1/ns/nope", "stat: cannot statx '/proc/1/ns/nope': No such file or directory\n", 1);
    }

    @Test
    void id_and_whoami_name_the_user() {
        expect("id -u; id -g; id -un; id -Gn; whoami", "0\n0\nroot\nroot\nroot\n", 0);
        expect("id nobody", "uid=65534(nobody) gid=65534(nogroup) groups=65534(nogroup)\n", 0);
        expect("id nosuchuser", "id: 'nosuchuser': no such user\n", 1);
        expect("whoami extra", "whoami: extra operand 'extra'\nTry 'whoami --help' for more information.\n", 1);
        expect("setpriv --reuid=65534 --regid=65534 --clear-groups whoami", "nobody\n", 0);
    }
}
