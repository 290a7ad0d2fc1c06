package isolab.sim.userland;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import isolab.api.CommandResult;
import isolab.sim.Machine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** coreutils, grep and util-linux outputs and errors, measured with the POSIX locale. */
class CoreutilsTest {

    private final Machine m = new Machine();

    @AfterEach
    void close() {
        m.close();
    }

    private void error(String line, String message, int status) {
        CommandResult r = m.run(line);
        assertEquals(message, r.output(), line);
        assertEquals(status, r.status(), line);
    }

    @Test
    void wc_widths_follow_gnu() {
        assertEquals("      2       3       6\n", m.out("printf 'a b\\nc\\n' | wc"));
        assertEquals("2\n", m.out("printf 'a b\\nc\\n' | wc -l"));
        assertEquals("18 /etc/passwd\n", m.out("wc -l /etc/passwd"));
        assertEquals("  18   20  839 /etc/passwd\n  38   38  434 /etc/group\n  56   58 1273 total\n",
                m.out("wc /etc/passwd /etc/group"));
    }

    @Test
    void usage_errors_print_gnu_messages() {
        error("sleep", "sleep: missing operand\nTry 'sleep --help' for more information.\n", 1);
        error("sleep x", "sleep: invalid time interval 'x'\nTry 'sleep --help' for more information.\n", 1);
        error("uname -x", "uname: invalid option -- 'x'\nTry 'uname --help' for more information.\n", 1);
        error("readlink", "readlink: missing operand\nTry 'readlink --help' for more information.\n", 1);
        error("cat /nonexist", "cat: /nonexist: No such file or directory\n", 1);
        error("cat /etc", "cat: /etc: Is a directory\n", 1);
        error("ls /nonexist", "ls: cannot access '/nonexist': No such file or directory\n", 2);
        error("ls --foo", "ls: unrecognized option '--foo'\nTry 'ls --help' for more information.\n", 2);
        error("id foo", "id: 'foo': no such user\n", 1);
        error("head -n x /etc/passwd", "head: invalid number of lines: 'x'\n", 1);
        error("seq", "seq: missing operand\nTry 'seq --help' for more information.\n", 1);
        error("cut", "cut: you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information.\n", 1);
        error("tr", "tr: missing operand\nTry 'tr --help' for more information.\n", 1);
        error("env --foo", "env: unrecognized option '--foo'\nTry 'env --help' for more information.\n", 125);
        error("mkdir /nonexist/d", "mkdir: cannot create directory '/nonexist/d': No such file or directory\n", 1);
    }

    @Test
    void filters_transform_streams() {
        assertEquals("b\n", m.out("echo a:b:c | cut -d: -f2"));
        assertEquals("HELLO\n", m.out("echo hello | tr a-z A-Z"));
        assertEquals("a b\n", m.out("echo 'a  b' | tr -s ' '"));
        assertEquals("9\n10\n", m.out("printf '10\\n9\\n' | sort -n"));
        assertEquals("1\n3\n5\n7\n", m.out("seq 1 2 7"));
        assertEquals("bin:x:2:2:bin:/bin:/usr/sbin/nologin\n", m.out("head -3 /etc/passwd | tail -1"));
        assertEquals("nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n", m.out("tail -n 1 /etc/passwd"));
    }

    @Test
    void grep_selects_lines_with_basic_and_extended_expressions() {
        assertEquals("root:x:0:0:root:/root:/bin/bash\n", m.out("grep '^root' /etc/passwd"));
        assertEquals("2\n", m.out("grep -cE '^(root|bin):' /etc/passwd"));
        assertEquals("ROOT\n", m.out("echo ROOT | grep -i root"));
        CommandResult none = m.run("grep nomatch /etc/passwd");
        assertEquals(1, none.status());
        error("grep x /nonexist", "grep: /nonexist: No such file or directory\n", 2);
    }

    @Test
    void ls_prints_columns_on_the_terminal_and_lines_into_a_pipe() {
        m.out("mkdir /tmp/d && touch /tmp/d/a /tmp/d/bb /tmp/d/ccc");
        assertEquals("a  bb  ccc\n", m.out("ls /tmp/d"));
        assertEquals("a\nbb\nccc\n", m.out("ls /tmp/d | cat"));
        assertEquals("/etc\n", m.out("ls -d /etc"));
    }

    @Test
    void ls_on_a_terminal_quotes_names_the_shell_would_need_quoted_and_aligns_the_rest() {
        // measured on a pty: GNU ls's shell-escape quoting, tabs between columns (tab stops of 8)
        m.out("mkdir -p /tmp/q && touch '/tmp/q/a b' /tmp/q/c");
        assertEquals("'a b'   c\n", m.out("ls /tmp/q"));
        assertEquals("a b\nc\n", m.out("ls /tmp/q | cat"));
        assertEquals("cgroup\tipc  mnt  net  pid  pid_for_children  time  time_for_children  user  uts\n",
                m.out("ls /proc/self/ns"));
        String links = m.out("ls -l /proc/self/ns");
        assertTrue(links.contains(" 0 Jan  6 09:00 uts -> 'uts:["), links);
    }

    @Test
    void id_and_whoami_name_root() {
        assertEquals("uid=0(root) gid=0(root) groups=0(root)\n", m.out("id"));
        assertEquals("uid=65534(nobody) gid=65534(nogroup) groups=65534(nogroup)\n", m.out("id nobody"));
        assertEquals("root\n", m.out("whoami"));
    }

    @Test
    void sort_keys_run_from_their_field_to_the_end_of_the_line() {
        m.out("printf 'b 10 x\\na 9 y\\nc 9 a\\n' > /tmp/s");
        // measured with coreutils 9.1: -k2 compares " 10 x", " 9 a", " 9 y" (blanks included).
        assertEquals("b 10 x\nc 9 a\na 9 y\n", m.out("sort -k2 /tmp/s"));
        assertEquals("b 10 x\na 9 y\nc 9 a\n", m.out("sort -k2,2 /tmp/s"));
        assertEquals("a 9 y\nc 9 a\nb 10 x\n", m.out("sort -n -k2 /tmp/s"));
        assertEquals("c 9 a\na 9 y\nb 10 x\n", m.out("sort -r -k2n /tmp/s"));
        assertEquals("a 9 y\nb 10 x\n", m.out("sort -u -k2,2n /tmp/s"));
        error("sort -k 0 /tmp/s", "sort: field number is zero: invalid field specification '0'\n", 2);
        error("sort -k x /tmp/s", "sort: invalid number at field start: invalid count at start of 'x'\n", 2);
    }

    @Test
    void procps_kill_names_itself_as_it_was_run() {
        error("/bin/kill -9 99999", "/bin/kill: (99999): No such process\n", 1);
        error("kill -9 99999", "bash: kill: (99999) - No such process\n", 1);
        error("/bin/kill 99999 abc 88888", "/bin/kill: (99999): No such process\n/bin/kill: failed to parse argument: 'abc'\n", 1);
        assertEquals("KILL\n9\n", m.out("/bin/kill -l 9; /bin/kill -l KILL"));
    }

    @Test
    void unshare_reports_bad_and_unmodelled_options() {
        error("unshare --foo", "unshare: unrecognized option '--foo'\nTry 'unshare --help' for more information.\n", 1);
        error("unshare --keep-caps true", "unshare: option '--keep-caps' is not modelled in isolab\n", 2);
        error("unshare --uts nosuch", "unshare: failed to execute nosuch: No such file or directory\n", 127);
    }

    @Test
    void hostname_sets_the_name_only_in_its_uts_namespace() {
        m.out("unshare --uts sh");
        m.out("hostname inner");
        assertEquals("inner\n", m.out("uname -n"));
        m.out("exit");
        assertEquals("isolab\n", m.out("hostname"));
    }
}
