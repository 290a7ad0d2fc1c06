package isolab.labs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import isolab.api.HostKind;
import isolab.labs.run.SessionTestLabs;
import isolab.labs.testing.ToyHost;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class LabCommandTest {

    @TempDir
    Path dir;

    /** What one invocation printed and returned. */
    record Outcome(int status, String out, String err) {
    }

    static Outcome lab(HostChoice hosts, String... args) {
        CommandLine cli = LabCommand.commandLine(hosts);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int status = cli.execute(args);
        return new Outcome(status, out.toString(), err.toString());
    }

    static Outcome lab(String... args) {
        return lab(kind -> config -> kind == HostKind.SIM ? ToyHost.sim() : new ToyHost(HostKind.REAL, 0, 4026532000L), args);
    }

    Path write(String name, String text) throws Exception {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }

    @Test
    void lint_reports_every_error_with_file_and_line_and_exits_2() throws Exception {
        Path bad = write("bad.lab.md", "---\nid: bad\ntitle: Bad\n---\n```check pts=2\n$ hostname\nisolab\n```\n\n{{nope}}\n");
        Outcome outcome = lab("lint", bad.toString());
        assertEquals(2, outcome.status());
        assertEquals(List.of(
                bad + ":5: unknown block attribute 'pts' (expected points, terminal, title, hidden)",
                bad + ":10: unknown parameter '{{nope}}' (the lab declares no params; write \\{{ for a literal {{)"),
                outcome.out().lines().toList());
    }

    @Test
    void lint_of_a_good_lab_says_ok_and_exits_0() throws Exception {
        Path good = write("toy.lab.md", SessionTestLabs.TOY);
        Outcome outcome = lab("lint", good.toString());
        assertEquals(0, outcome.status(), outcome.out());
        assertEquals(good + ": ok\n", outcome.out());
    }

    @Test
    void lint_of_a_missing_file_exits_2() {
        Outcome outcome = lab("lint", dir.resolve("none.lab.md").toString());
        assertEquals(2, outcome.status());
        assertEquals(dir.resolve("none.lab.md") + ": no such file, and no lab has this id\n", outcome.out());
    }

    @Test
    void lint_takes_the_id_of_a_built_in_lab_and_of_a_lab_in_a_labs_directory() throws Exception {
        write("toy.lab.md", SessionTestLabs.TOY);
        Outcome outcome = lab("--labs", dir.toString(), "lint", "uts-and-pid", "toy");
        assertEquals(0, outcome.status(), outcome.out());
        assertEquals("uts-and-pid: ok\ntoy: ok\n", outcome.out());
    }

    @Test
    void run_of_a_malformed_lab_prints_file_line_reason_and_exits_2() throws Exception {
        Path bad = write("bad.lab.md", "---\nid: bad\ntitle: Bad\n---\n```console\noutput first\n```\n");
        Outcome outcome = lab("run", bad.toString(), "--host", "sim");
        assertEquals(2, outcome.status());
        assertEquals(bad + ":5: a console block needs at least one command ('$ ' or '# ')\n"
                + bad + ":6: expected a command starting with '$ ' or '# ', not output before any command\n", outcome.err());
    }

    @Test
    void run_prints_each_command_with_its_output_and_ends_with_the_count() throws Exception {
        Path toy = write("toy.lab.md", SessionTestLabs.TOY);
        Outcome outcome = lab("run", toy.toString(), "--host", "sim", "--seed", "3");
        assertEquals(0, outcome.status(), outcome.out());
        List<String> lines = outcome.out().lines().toList();
        assertTrue(lines.get(0).startsWith("lab toy on sim, seed 3: name="), lines.get(0));
        assertTrue(outcome.out().contains("== step 2: console, terminal main  [" + toy + ":15]\n$ hostname\nisolab\n  -> ok\n"),
                outcome.out());
        assertTrue(outcome.out().contains("   key: 1\n"), outcome.out());
        assertEquals("4 passed, 0 failed", lines.get(lines.size() - 1));
    }

    @Test
    void run_with_events_prints_what_the_kernel_did_under_each_command() throws Exception {
        Path toy = write("toy.lab.md", SessionTestLabs.TOY);
        Outcome outcome = lab("run", toy.toString(), "--seed", "3", "--events");
        assertTrue(outcome.out().contains("# hostname db\n  ~ process 9 set the hostname of uts:[4026531100] from isolab to db\n"),
                outcome.out());
        assertTrue(!lab("run", toy.toString(), "--seed", "3").out().contains("  ~ "));
    }

    @Test
    void run_exits_1_when_a_command_does_not_match() throws Exception {
        Path lab = write("f.lab.md", "---\nid: f\ntitle: F\n---\n```console\n$ hostname\nwrong\n$ false\n[1]\n```\n");
        Outcome outcome = lab("run", lab.toString());
        assertEquals(1, outcome.status());
        assertTrue(outcome.out().contains("  -> FAILED: output line 1 is \"isolab\", but line 7 expects \"wrong\""), outcome.out());
        assertTrue(outcome.out().endsWith("1 passed, 1 failed\n"), outcome.out());
    }

    @Test
    void run_refuses_a_host_the_lab_does_not_allow() throws Exception {
        Path lab = write("s.lab.md", "---\nid: s\ntitle: S\nhosts: [sim]\n---\n```console\n$ hostname\n```\n");
        Outcome outcome = lab("run", lab.toString(), "--host", "real");
        assertEquals(2, outcome.status());
        assertEquals(lab + ": this lab runs only on [sim], not on real\n", outcome.err());
    }

    @Test
    void run_of_an_unknown_lab_names_the_labs_there_are() {
        Outcome outcome = lab("run", "no-such-lab");
        assertEquals(2, outcome.status());
        assertTrue(outcome.err().startsWith("no-such-lab: no such file, and no lab has this id (labs: "), outcome.err());
    }

    @Test
    void run_finds_a_lab_by_id_in_a_directory_given_with_labs() throws Exception {
        write("toy.lab.md", SessionTestLabs.TOY);
        Outcome outcome = lab("--labs", dir.toString(), "run", "toy");
        assertEquals(0, outcome.status(), outcome.err());
    }

    @Test
    void a_host_that_cannot_start_is_reported_with_its_reason_and_exit_2() throws Exception {
        Path toy = write("toy.lab.md", SessionTestLabs.TOY);
        Outcome outcome = lab(kind -> config -> {
            throw new isolab.labs.hosts.Hosts.Unavailable("cgroup v2 asked, this host is v1", null);
        }, "run", toy.toString(), "--host", "real");
        assertEquals(2, outcome.status());
        assertEquals(toy + ": cannot start the real host: cgroup v2 asked, this host is v1\n", outcome.err());
    }

    @Test
    void diff_of_hosts_that_agree_exits_0() throws Exception {
        Path toy = write("toy.lab.md", SessionTestLabs.TOY);
        Outcome outcome = lab("diff", toy.toString());
        assertEquals(0, outcome.status(), outcome.out());
        assertTrue(outcome.out().endsWith("no disagreement: 8 commands agree\n"), outcome.out());
    }

    @Test
    void diff_shows_where_hosts_disagree_and_exits_1() throws Exception {
        Path lab = write("p.lab.md", "---\nid: p\ntitle: P\n---\n```console\n$ hostname\n$ echo $$\n```\n");
        Outcome outcome = lab(kind -> config -> new ToyHost(kind, kind == HostKind.REAL ? 4 : 0, 4026531000L), "diff", lab.toString());
        assertEquals(1, outcome.status(), outcome.out());
        assertEquals(List.of(
                "lab p, seed 0 -- sim against real",
                "  same  [main] $ hostname  [" + lab + ":6]",
                "  DIFF  [main] $ echo $$  [" + lab + ":7]",
                "        output line 1: sim \"2\", real \"6\"",
                "        sim  | 2",
                "        sim  | [0]",
                "        real | 6",
                "        real | [0]",
                "1 of 2 commands disagree"), outcome.out().lines().toList());
    }

    @Test
    void test_sweeps_seeds_and_exits_0_when_checks_pass_with_the_solution_and_fail_without() throws Exception {
        Path toy = write("toy.lab.md", SessionTestLabs.TOY);
        Outcome outcome = lab("test", toy.toString(), "--seeds", "3");
        assertEquals(0, outcome.status(), outcome.out());
        assertTrue(outcome.out().contains("seed 2: ok (name="), outcome.out());
        assertTrue(outcome.out().endsWith("3 seeds: all passed\n"), outcome.out());
    }

    @Test
    void test_fails_a_check_that_passes_without_the_solution() throws Exception {
        Path lab = write("c.lab.md", "---\nid: c\ntitle: C\n---\n```check\n$ hostname\nisolab\n```\n");
        Outcome outcome = lab("test", lab.toString(), "--seeds", "1");
        assertEquals(1, outcome.status());
        assertTrue(outcome.out().contains("without the solution, the check at " + lab + ":5 passes: it cannot tell work from none"),
                outcome.out());
    }

    @Test
    void every_command_has_help() {
        for (String command : List.of("run", "diff", "test", "lint")) {
            Outcome outcome = lab(command, "--help");
            assertEquals(0, outcome.status());
            assertTrue(outcome.out().startsWith("Usage: lab " + command), outcome.out());
        }
        assertTrue(lab("--help").out().contains("run   Run a lab's setup"), lab("--help").out());
    }

    @Test
    void a_bad_option_value_is_a_usage_error() throws Exception {
        Outcome outcome = lab("run", "x", "--host", "vm");
        assertEquals(2, outcome.status());
        assertTrue(outcome.err().contains("unknown host 'vm' (expected sim or real)"), outcome.err());
    }
}
