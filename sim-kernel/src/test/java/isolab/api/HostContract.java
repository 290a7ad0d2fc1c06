package isolab.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link Host} shows, written against Linux first: each expectation here was
 * observed in a real sandbox (docs/MACHINE.md) before the simulator was made to agree.
 * Subclasses supply the host; sim-kernel runs it on the simulator, real-runtime on Linux.
 */
public abstract class HostContract {

    protected Host host;
    protected Terminal main;

    /** A fresh machine as docs/MACHINE.md describes it. */
    protected abstract Host newHost();

    @BeforeEach
    void boot() {
        host = newHost();
        main = host.terminal("main");
    }

    @AfterEach
    void tearDown() {
        host.close();
    }

    protected CommandResult ok(Terminal terminal, String line) {
        CommandResult result = terminal.run(line);
        assertEquals(0, result.status(), () -> "status of `" + line + "`, output: " + result.output());
        return result;
    }

    @Test
    void echo_prints_its_arguments_separated_by_one_space() {
        CommandResult result = main.run("echo hello   world");
        assertEquals("hello world\n", result.output());
        assertEquals(0, result.status());
    }

    @Test
    void an_unknown_command_gets_bash_s_message_and_status_127() {
        CommandResult result = main.run("nosuchcommand --flag");
        assertEquals("bash: nosuchcommand: command not found\n", result.output());
        assertEquals(127, result.status());
    }

    @Test
    void an_unknown_command_in_sh_gets_dash_s_message_and_status_127() {
        CommandResult result = main.run("sh -c nosuchcommand");
        assertEquals("sh: 1: nosuchcommand: not found\n", result.output());
        assertEquals(127, result.status());
    }

    @Test
    void the_terminal_starts_in_root_s_home_as_root() {
        assertEquals("/root\n", ok(main, "pwd").output());
        assertEquals("0\n", ok(main, "echo $UID").output());
    }

    @Test
    void the_machine_is_called_isolab() {
        assertEquals("isolab\n", ok(main, "hostname").output());
    }

    @Test
    void a_fresh_machine_has_init_as_pid_1_and_the_terminal_s_bash_as_pid_2() {
        assertEquals("""
                    PID    PPID COMMAND
                      1       0 init
                      2       1 bash
                      3       2 ps
                """, ok(main, "ps -o pid,ppid,comm").output());
    }

    @Test
    void the_exit_status_of_the_last_command_is_in_dollar_question_mark() {
        CommandResult result = main.run("false; echo $?");
        assertEquals("1\n", result.output());
        assertEquals(0, result.status());
    }

    @Test
    void a_hostname_set_in_a_new_uts_namespace_stays_there() {
        ok(main, "unshare --uts sh");
        ok(main, "hostname inner");
        assertEquals("inner\n", ok(main, "hostname").output());
        ok(main, "exit");
        assertEquals("isolab\n", ok(main, "hostname").output());
    }

    @Test
    void the_first_process_of_a_new_pid_namespace_is_pid_1() {
        ok(main, "unshare --pid --fork --mount-proc sh");
        assertEquals("1\n", ok(main, "echo $$").output());
        assertEquals("""
                    PID COMMAND
                      1 sh
                      2 ps
                """, ok(main, "ps -o pid,comm").output());
    }

    @Test
    void the_exit_status_of_a_nested_shell_becomes_the_status_of_the_command_that_started_it() {
        ok(main, "unshare --uts sh");
        CommandResult exit = main.run("exit 3");
        assertEquals(3, exit.status());
        assertEquals("3\n", ok(main, "echo $?").output());
    }

    @Test
    void a_namespace_link_reads_type_and_inode() {
        String link = ok(main, "readlink /proc/self/ns/uts").output();
        assertTrue(link.matches("uts:\\[\\d+]\n"), link);
    }

    @Test
    void pipes_connect_stdout_to_stdin() {
        assertEquals("b\n", ok(main, "echo a b | cat | { read x y; echo $y; }").output());
    }

    @Test
    void and_or_lists_short_circuit() {
        assertEquals("no\n", main.run("false && echo yes || echo no").output());
    }

    @Test
    void through_the_machine_s_proc_a_process_in_a_nested_pid_namespace_has_one_pid_per_level() {
        ok(main, "unshare --pid --fork sh");
        String nspid = ok(main, "grep NSpid /proc/self/status").output();
        assertTrue(nspid.matches("NSpid:\\t\\d+\\t2\n"), nspid);
        main.run("exit");
    }

    @Test
    void a_proc_mounted_in_a_nested_pid_namespace_shows_only_that_namespace_s_pids() {
        // fs/proc/array.c: proc_pid_status prints NSpid from the level of the proc mount's namespace down.
        ok(main, "unshare --pid --fork --mount-proc sh");
        assertEquals("NSpid:\t2\n", ok(main, "grep NSpid /proc/self/status").output());
        main.run("exit");
    }

    @Test
    void dash_leaving_a_new_pid_namespace_cannot_give_the_terminal_back() {
        // The terminal's foreground group is the parent namespace's unshare, which dash cannot name
        // (tcgetpgrp gave it 0), so dash's exit fails to restore it and exits with status 2.
        ok(main, "unshare --pid --fork --mount-proc sh");
        assertEquals("1\n", ok(main, "echo $$").output());
        CommandResult exit = main.run("exit");
        assertEquals("sh: 2: Cannot set tty process group (No such process)\n", exit.output());
        assertEquals(2, exit.status());
        assertEquals("2\n", ok(main, "echo $?").output());
    }

    @Test
    void ps_in_a_second_terminal_lists_only_that_terminal_s_processes() {
        // ps selects the processes on the caller's terminal; PID 1 holds only the first terminal.
        Terminal other = host.terminal("other");
        assertEquals("""
                    PID    PPID COMMAND
                      3       1 bash
                      4       3 ps
                """, ok(other, "ps -o pid,ppid,comm").output());
    }

    @Test
    void exit_ends_the_terminal_s_bash_and_the_next_command_starts_a_fresh_one() {
        assertEquals("2\n", ok(main, "echo $$").output());
        CommandResult exit = main.run("exit 4");
        assertEquals("exit\n", exit.output());
        assertEquals(4, exit.status());
        String pid = ok(main, "echo $$").output();
        assertTrue(pid.matches("\\d+\n") && !pid.equals("2\n"), pid);
        assertEquals("/root\n", ok(main, "pwd").output());
    }

    @Test
    void a_command_continued_with_a_backslash_runs_as_one_line() {
        assertEquals("a b\n", ok(main, "echo a \\\nb").output());
    }

    @Test
    void run_starts_empty_on_a_fresh_machine() {
        CommandResult result = main.run("ls -A /run");
        assertEquals("", result.output());
        assertEquals(0, result.status());
    }

    @Test
    void terminals_are_independent_shells() {
        Terminal other = host.terminal("other");
        ok(main, "X=1");
        assertEquals("\n", ok(other, "echo $X").output());
        assertEquals("1\n", ok(main, "echo $X").output());
    }
}
