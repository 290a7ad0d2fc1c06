package isolab.sim.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import isolab.api.CommandResult;
import isolab.sim.Machine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The two shells' behaviour, each expectation measured with bash 5.2 and dash 0.5.12 on Linux first. */
class ShellTest {

    private final Machine m = new Machine();

    @AfterEach
    void close() {
        m.close();
    }

    @Test
    void dash_forks_even_the_last_command_of_dash_c() {
        assertEquals("""
                    PID    PPID COMMAND
                      1       0 sh
                      2       1 ps
                """, m.out("unshare --pid --fork --mount-proc sh -c 'ps -o pid,ppid,comm'"));
    }

    @Test
    void bash_execs_the_last_simple_command_of_bash_c() {
        assertEquals("""
                    PID    PPID COMMAND
                      1       0 ps
                """, m.out("unshare --pid --fork --mount-proc bash -c 'ps -o pid,ppid,comm'"));
        assertEquals("      1 ps\n", m.out("unshare --pid --fork --mount-proc bash -c 'true; ps -o pid=,comm='"));
        assertEquals("      1 ps\n", m.out("unshare --pid --fork --mount-proc bash -c 'false || ps -o pid=,comm='"));
    }

    @Test
    void a_command_substitution_is_a_subshell_that_forks_each_pipeline_element() {
        assertEquals("1 bash 2 bash 3 ps 4 tr\n",
                m.out("unshare --pid --fork --mount-proc bash -c 'echo $(ps -o pid= -o comm=|tr \"\\n\" \" \")'"));
    }

    @Test
    void a_subshell_execs_its_last_simple_command_in_both_shells() {
        assertEquals("      1       0 sh\n      2       1 ps\n",
                m.out("unshare --pid --fork --mount-proc sh -c '(true; ps -o pid=,ppid=,comm=)'"));
        assertEquals("      1 bash\n      2 ps\n",
                m.out("unshare --pid --fork --mount-proc bash -c '{ ps -o pid=,comm=; }'"));
    }

    @Test
    void builtins_run_without_a_fork() {
        String pid = m.out("echo $$");
        m.out("cd /tmp; export X=1; true");
        assertEquals("/tmp\n", m.out("pwd"));
        assertEquals(pid, m.out("echo $$"));
    }

    @Test
    void each_shell_reports_an_unknown_command_in_its_own_words() {
        CommandResult bash = m.run("nosuch");
        assertEquals("bash: nosuch: command not found\n", bash.output());
        assertEquals(127, bash.status());
        CommandResult dash = m.run("sh -c 'true; nosuch'");
        assertEquals("sh: 1: nosuch: not found\n", dash.output());
        assertEquals(127, dash.status());
    }

    @Test
    void a_program_linux_has_but_isolab_does_not_model_says_so() {
        CommandResult r = m.run("top");
        assertEquals("bash: top: not modelled in isolab\n", r.output());
        assertEquals(127, r.status());
    }

    @Test
    void syntax_errors_are_reported_as_each_shell_does() {
        CommandResult bash = m.run("bash -c 'echo )'");
        assertEquals("bash: -c: line 1: syntax error near unexpected token `)'\nbash: -c: line 1: `echo )'\n", bash.output());
        assertEquals(2, bash.status());
        CommandResult dash = m.run("sh -c 'echo )'");
        assertEquals("sh: 1: Syntax error: \")\" unexpected\n", dash.output());
        assertEquals(2, dash.status());
        assertEquals("sh: 1: Syntax error: end of file unexpected (expecting \"fi\")\n",
                m.run("sh -c 'if true; then echo'").output());
        assertEquals("bash: -c: line 2: syntax error: unexpected end of file\n",
                m.run("bash -c 'if true; then echo'").output());
    }

    @Test
    void cd_failures_differ_between_the_shells() {
        assertEquals("bash: cd: /nonexist: No such file or directory\n", m.run("cd /nonexist").output());
        assertEquals("sh: 1: cd: can't cd to /nonexist\n", m.run("sh -c 'cd /nonexist'").output());
    }

    @Test
    void redirection_failures_differ_between_the_shells() {
        assertEquals("bash: /nonexist/f: No such file or directory\n", m.run("echo a > /nonexist/f").output());
        assertEquals("sh: 1: cannot create /nonexist/f: Directory nonexistent\n",
                m.run("sh -c 'echo a > /nonexist/f'").output());
        assertEquals("sh: 1: cannot open /nonexist: No such file\n", m.run("sh -c 'cat </nonexist'").output());
    }

    @Test
    void expansions_follow_posix() {
        assertEquals("11 5 def 5\n", m.out("x=5; echo $((x*2+1)) ${x:-no} ${y:-def} \"$x\""));
        assertEquals("a b c\n", m.out("set -- a 'b c'; for w in \"$@\"; do printf '%s ' $w; done | tr -s ' ' | head -c 5; echo"));
        assertEquals("3\n", m.out("set -- a b c; echo $#"));
        assertEquals("file.tar\n", m.out("f=file.tar.gz; echo ${f%.gz}"));
        assertEquals("sub back\n", m.out("echo $(echo sub) `echo back`"));
    }

    @Test
    void globbing_matches_names_in_the_file_system_sorted() {
        m.out("mkdir /tmp/g && touch /tmp/g/b.txt /tmp/g/a.txt /tmp/g/c.log");
        assertEquals("/tmp/g/a.txt /tmp/g/b.txt\n", m.out("echo /tmp/g/*.txt"));
        assertEquals("/tmp/g/*.none\n", m.out("echo /tmp/g/*.none"));
    }

    @Test
    void pipes_redirections_and_here_documents_move_data() {
        assertEquals("2\n", m.out("printf 'a\\nb\\n' > /tmp/f; wc -l < /tmp/f"));
        assertEquals("hello x\n", m.out("x=x; cat <<EOF\nhello $x\nEOF"));
        assertEquals("", m.out("echo gone 2>&1 >/dev/null | cat"));
        assertEquals("err\n", m.out("(echo err >&2) 2>&1 | cat"));
    }

    @Test
    void interactive_bash_announces_background_jobs_and_reports_them_before_the_next_prompt() {
        CommandResult start = m.run("sleep 1 &");
        assertTrue(start.output().matches("\\[1] \\d+\n"), start.output());
        assertEquals("[1]+  Done                    sleep 1\n", m.run("sleep 2").output());
        m.run("false &");
        assertEquals("[1]+  Exit 1                  false\n", m.run("sleep 1").output());
    }

    @Test
    void a_killed_background_job_is_reported_with_its_signal() {
        m.run("sleep 100 &");
        m.run("kill %1");
        assertEquals("[1]+  Terminated              sleep 100\n", m.run("true").output());
    }

    @Test
    void non_interactive_bash_reports_jobs_killed_by_signals_as_measured() {
        assertEquals("bash: line 1:     2 Killed                  sleep 5\nnext\n",
                m.out("unshare --pid --fork --mount-proc bash -c 'sleep 5 & kill -9 $!; wait; echo next'"));
        assertEquals("bash: line 1:     2 Killed                  sh -c \"kill -9 \\$\\$\"\nafter\n",
                m.out("unshare --pid --fork --mount-proc bash -c 'sh -c \"kill -9 \\$\\$\"; echo after'"));
        assertEquals("after\n", m.out("unshare --pid --fork --mount-proc bash -c 'sleep 5 & kill $!; sleep 0.2; echo after'"));
        assertEquals("Terminated\nafter2\n",
                m.out("unshare --pid --fork --mount-proc bash -c 'true; sh -c \"kill -TERM \\$\\$\"; echo after2'"));
        assertEquals("Killed\n", m.run("sh -c 'sleep 10 & kill -9 $!; wait $!'").output());
    }

    @Test
    void exit_in_the_terminal_s_bash_says_exit_and_the_next_line_gets_a_fresh_bash() {
        assertEquals("2\n", m.out("echo $$"));
        CommandResult exit = m.run("exit 4");
        assertEquals("exit\n", exit.output());
        assertEquals(4, exit.status());
        String pid = m.out("echo $$");
        assertTrue(!pid.equals("2\n") && pid.matches("\\d+\n"), pid);
    }

    @Test
    void a_nested_shell_reads_the_terminal_until_it_exits() {
        m.out("sh");
        assertEquals("", m.out("PS_TEST=1"));
        assertEquals("sh: 2: nosuch: not found\n", m.run("nosuch").output());
        CommandResult exit = m.run("exit 3");
        assertEquals("", exit.output());
        assertEquals(3, exit.status());
        assertEquals("3\n", m.out("echo $?"));
    }

    @Test
    void a_runaway_loop_is_interrupted_like_ctrl_c() {
        CommandResult r = m.run("while true; do :; done");
        assertTrue(r.timedOut());
        assertEquals(130, r.status());
        assertEquals("after\n", m.out("echo after"));
    }

    @Test
    void a_long_sleep_times_out_in_virtual_time() {
        CommandResult r = m.host().terminal("main").run("sleep 100", java.time.Duration.ofSeconds(5));
        assertTrue(r.timedOut());
        assertEquals(java.time.Duration.ofSeconds(5), r.duration());
        assertEquals("^C\n", r.output());
    }

    @Test
    void a_background_job_that_never_blocks_does_not_hold_up_the_terminal() {
        m.run("yes > /dev/null &");
        CommandResult r = m.run("echo still responsive");
        assertEquals("still responsive\n", r.output());
        assertTrue(!r.timedOut());
        m.out("kill %1");
    }

    @Test
    void sleep_advances_the_virtual_clock_exactly() {
        CommandResult r = m.run("sleep 2.5");
        assertEquals(java.time.Duration.ofMillis(2500), r.duration());
    }

    @Test
    void a_program_reading_the_terminal_gets_the_next_line() {
        m.run("read line");
        m.run("typed by the user");
        assertEquals("typed by the user\n", m.out("echo $line"));
    }

    @Test
    void functions_local_variables_and_case_work() {
        assertEquals("in 2\nout 1\n", m.out("x=1; f() { local x=2; echo in $x; }; f; echo out $x"));
        assertEquals("match\n", m.out("case abc in a*) echo match;; *) echo no;; esac"));
    }

    @Test
    void bash_exports_its_environment_in_its_hash_table_order_with_underscore_last() {
        // measured: env -i HOME=... PATH=... TERM=dumb SHELL=... USER=root LOGNAME=root bash -c 'cd /tmp; cd /root; env; true'
        assertEquals("""
                SHELL=/bin/bash
                PWD=/root
                LOGNAME=root
                HOME=/root
                TERM=dumb
                USER=root
                SHLVL=1
                PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
                OLDPWD=/tmp
                _=/usr/bin/env
                """, m.out("cd /tmp; cd /root; env"));
    }

    @Test
    void bash_expands_braces_and_dash_does_not() {
        // measured: bash -c 'echo {a,b}x {1..3} a{b,c{d,e}}f {x} {a..c} pre{1..10..3}'
        assertEquals("ax bx 1 2 3 abf acdf acef {x} a b c pre1 pre4 pre7 pre10\n",
                m.out("echo {a,b}x {1..3} a{b,c{d,e}}f {x} {a..c} pre{1..10..3}"));
        assertEquals("{a,b}\n", m.out("sh -c 'echo {a,b}'"));
    }

    @Test
    void bash_substitutes_patterns_and_takes_substrings() {
        assertEquals("bonono bonana ana na\n", m.out("y=banana; echo ${y//a/o} ${y/a/o} ${y:1:3} ${y: -2}"));
    }

    @Test
    void what_the_shell_does_not_model_says_so() {
        CommandResult r = m.run("trap 'echo x' ERR");
        assertEquals("bash: trap: ERR: not modelled in isolab\n", r.output());
        assertEquals(2, r.status());
        assertEquals("bash: alias: not modelled in isolab\n", m.run("alias ll='ls -l'").output());
        assertEquals("bash: read: -a: arrays are not modelled in isolab\n", m.run("read -a x < /etc/hostname").output());
    }

    @Test
    void double_brackets_match_patterns_and_regexes_without_splitting_words() {
        assertEquals("0 0 1 0\n", m.out("x='a b'; [[ $x == a* ]]; a=$?; [[ $x =~ ^a\\ b$ ]]; b=$?;"
                + " [[ $x == 'a'* && -z $x ]]; c=$?; [[ ! -e /nope || $x > A ]]; echo $a $b $c $?"));
        assertEquals("0 1 2\n", m.out("[[ 1+1 -eq 2 ]]; a=$?; [[ abc =~ ^[[:digit:]] ]]; b=$?; [[ a =~ a{1 ]]; echo $a $b $?"));
        // A quoted part of a pattern matches itself: the seeds' wait for a zombie.
        assertEquals("0 1\n", m.out("s='4 (sleep) Z 3'; [[ $s == *') Z '* ]]; a=$?; [[ $s == *') R '* ]]; echo $a $?"));
    }

    @Test
    void malformed_double_brackets_get_bash_s_conditional_messages() {
        assertEquals("bash: unexpected argument `]]' to conditional binary operator\n", m.run("[[ a -eq ]]").output());
        assertEquals("bash: conditional binary operator expected\n", m.run("[[ a b ]]").output());
        assertEquals("bash: [[: 1+: syntax error: operand expected (error token is \"+\")\n1\n",
                m.run("[[ 1 -eq 1+ ]]; echo $?").output());
        assertEquals("sh: 1: [[: not found\n", m.run("sh -c '[[ a ]]'").output());
    }

    @Test
    void traps_run_after_the_command_their_signal_came_in_and_keep_the_status() {
        assertEquals("got\nafter 0\n", m.out("bash -c 'trap \"echo got\" USR1; false; kill -USR1 $$; echo after $?'"));
        assertEquals("trap 0\n", m.out("sh -c 'trap \"echo trap \\$?\" USR1; false; kill -USR1 $$'"));
        assertEquals("""
                trap -- 'echo hi' SIGINT
                trap -- '' SIGQUIT
                trap -- 'echo hi' SIGTERM
                """, m.out("bash -c 'trap \"echo hi\" TERM INT; trap \"\" QUIT; trap'"));
        assertEquals("trap -- 'echo e' EXIT\ntrap -- 'echo hi' TERM\ne\n",
                m.out("sh -c 'trap \"echo hi\" TERM; trap \"echo e\" EXIT; trap'"));
        assertEquals("trap: BOGUS: bad trap\n", m.run("sh -c 'trap x BOGUS'").output());
    }

    @Test
    void a_trapped_signal_ends_wait_with_128_plus_the_signal_and_sigchld_does_not() {
        assertEquals("got\n138\n", m.out("bash -c 'trap \"echo got\" USR1; sleep 1 & (sleep 0.1; kill -USR1 $$) & wait $!; echo $?'"));
        assertEquals("chld\nchld\n0\n", m.out("bash -c 'trap \"echo chld\" CHLD; sleep 0.1 & sleep 0.2 & wait; echo $?'"));
    }

    @Test
    void read_takes_bash_s_options_and_dash_s() {
        assertEquals("[ro] [root:x:0:0:root:/root:/bin/bash] [x]\n",
                m.out("read -rn2 a </etc/passwd; read -d '' b </etc/passwd; read -u 3 c 3<<< x; echo \"[$a] [${b%%$'\\n'*}] [$c]\""));
        CommandResult r = m.run("read -z a");
        assertEquals(2, r.status());
        assertTrue(r.output().startsWith("bash: read: -z: invalid option\nread: usage: read [-ers]"), r.output());
        assertEquals("sh: 1: read: Illegal option -n\nsh: 1: read: arg count\n", m.run("sh -c 'read -n 2 a; read'").output());
    }

    @Test
    void bg_continues_a_stopped_job_in_the_background() {
        // measured with bash 5.2 at a terminal
        m.run("sleep 100 &");
        m.run("kill -STOP %1");
        assertEquals("\n[1]+  Stopped                 sleep 100\n", m.run("sleep 0.2").output());
        assertEquals("[1]+ sleep 100 &\n", m.run("bg").output());
        assertEquals("[1]+  Running                 sleep 100 &\n", m.out("jobs"));
        assertEquals("bash: bg: job 1 already in background\n", m.run("bg").output());
        assertEquals("bash: bg: %2: no such job\n", m.run("bg %2").output());
    }

    @Test
    void a_subshell_in_a_pipeline_or_in_the_background_is_the_forked_child_itself() {
        // measured: one shell for the parentheses, which forks ps
        assertEquals("""
                    PID    PPID COMMAND
                      1       0 bash
                      2       1 bash
                      3       1 cat
                      4       2 ps
                """, m.out("unshare --pid --fork --mount-proc bash -c '(ps -o pid,ppid,comm; true) | cat'"));
        assertEquals("""
                    PID    PPID COMMAND
                      1       0 sh
                      2       1 sh
                      3       2 ps
                """, m.out("unshare --pid --fork --mount-proc sh -c '(ps -o pid,ppid,comm; true) & wait'"));
    }

    @Test
    void a_loop_that_nothing_else_can_end_is_interrupted_at_once() {
        CommandResult r = m.run("while :; do :; done");
        assertEquals(130, r.status());
        assertTrue(r.timedOut());
        assertEquals("alive\n", m.out("echo alive"));
    }

    @Test
    void a_busy_background_job_does_not_make_a_foreground_sleep_a_runaway() {
        m.out("while :; do :; done &");
        CommandResult r = m.run("sleep 3; echo slept");
        assertEquals("slept\n", r.output());
        assertEquals(0, r.status());
    }

    @Test
    void a_polling_loop_sees_virtual_time_pass_and_timers_fire() {
        m.out("(sleep 0.3; echo > /tmp/done) &");
        // (whether the job's Done notice follows at once is a race on Linux too)
        assertTrue(m.out("until [ -e /tmp/done ]; do :; done; echo done").startsWith("done\n"));
    }

    @Test
    void unbounded_recursion_kills_the_shell_with_sigsegv_and_the_terminal_starts_a_new_one() {
        CommandResult r = m.run("f() { f; }; f");
        assertEquals(139, r.status());
        assertEquals("alive\n", m.out("echo alive"));
    }

    @Test
    void bash_extras_measured_against_the_real_sandbox() {
        assertEquals("5 hel ello HELLO Hello\n", m.out("x=hello; echo ${#x} ${x%l*} ${x#h} ${x^^} ${x^}"));
        assertEquals("\nreal\t0m0.000s\nuser\t0m0.000s\nsys\t0m0.000s\n", m.run("time true").output());
        assertEquals("hi\nbye\n", m.out("bash -c 'trap \"echo bye\" EXIT; echo hi'"));
        assertEquals("FOO=1\n", m.out("declare -x FOO=1; env | grep FOO"));
        assertEquals("himBHs\n", m.out("echo $-"));
        assertEquals("hBc\n", m.out("bash -c 'echo $-'"));
        assertEquals("bash: arrays are not modelled in isolab\n", m.run("a=(1 2 3)").output());
    }

    @Test
    void an_unbound_variable_abandons_the_rest_of_the_line() {
        CommandResult r = m.run("set -u; echo $nope; echo not reached");
        assertEquals("bash: nope: unbound variable\n", r.output());
        assertEquals(1, r.status());
        CommandResult c = m.run("bash -c 'set -u; echo $nope; echo after'");
        assertEquals(127, c.status());
    }

    @Test
    void arithmetic_errors_read_as_each_shell_writes_them() {
        assertEquals("bash: 1 / 0 : division by 0 (error token is \"0 \")\n", m.run("echo $(( 1 / 0 ))").output());
        assertEquals("sh: 1: arithmetic expression: division by zero: \" 1 / 0 \"\n",
                m.run("sh -c 'echo $(( 1 / 0 ))'").output());
    }
}
