package isolab.labs.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import isolab.api.CgroupVersion;
import isolab.api.HostKind;
import isolab.labs.model.BoundLab;
import isolab.labs.model.CheckStep;
import isolab.labs.model.Command;
import isolab.labs.model.ConsoleStep;
import isolab.labs.model.ExpectedLine;
import isolab.labs.model.Lab;
import isolab.labs.model.LabError;
import isolab.labs.model.LabFormatException;
import isolab.labs.model.PredictStep;
import isolab.labs.model.PredictionType;
import isolab.labs.model.StepKind;
import isolab.labs.model.Tolerance;
import isolab.labs.params.ParamSpec;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class LabParserTest {

    /** The examples of LAB-FORMAT.md, put together into one lab. */
    static final String FORMAT_EXAMPLE = """
            ---
            id: memcg-oom                 # required; [a-z0-9][a-z0-9-]*, unique in a catalog
            title: Memory limits and the OOM killer   # required
            cgroup: v1                    # v1 | v2
            topics: [cgroups, memory]     # free tags, used by the catalog
            hosts: [sim, real]            # where it may run (default: both)
            params:                       # drawn per student from the student's seed
              limit_mb: {int: [32, 96], step: 16}
              group:    {pick: [alpha, beta, gamma]}
              limit_b:  {expr: "limit_mb * 1048576"}   # integer arithmetic over other params
            ---
            # Memory limits

            Prose about {{group}} and \\{{ literal braces.

            ```console
            $ unshare --pid --fork --mount-proc sh
            # echo $$
            1
            # ps -o pid,comm
              PID COMMAND
                1 sh
                2 ps
            # exit
            $ hostname
            ...
            ```

            ```predict points=2
            question: The next command reads a 200 MiB file in a group limited to {{limit_mb}} MiB. How many times will the OOM killer run?
            type: number                  # number | text | choice
            answer-from: cat /sys/fs/cgroup/memory/{{group}}/memory.oom_control | grep oom_kill
            tolerance: 0                  # numbers: absolute, or a percentage like 5%
            explain: Page cache is reclaimed, never OOM-killed; only anonymous memory over the limit is.
            ```

            ```sh
            echo this is ordinary Markdown
            ```

            ```check points=3 terminal=other title="The limit holds" hidden
            $ cat /sys/fs/cgroup/memory/{{group}}/memory.limit_in_bytes
            {{limit_b}}
            $ false
            [1]
            ```

            The end.
            """;

    static Lab parse(String text) throws LabFormatException {
        return LabParser.parse("memcg-oom.lab.md", text);
    }

    static List<String> errors(String file, String text) {
        LabFormatException e = assertThrows(LabFormatException.class, () -> LabParser.parse(file, text));
        return e.errors().stream().map(LabError::toString).toList();
    }

    @Test
    void the_examples_of_the_format_page_parse_into_front_matter_and_steps() throws Exception {
        Lab lab = parse(FORMAT_EXAMPLE);
        assertEquals("memcg-oom", lab.id());
        assertEquals("Memory limits and the OOM killer", lab.front().title());
        assertEquals(CgroupVersion.V1, lab.front().cgroup());
        assertEquals(List.of("cgroups", "memory"), lab.front().topics());
        assertEquals(List.of(HostKind.SIM, HostKind.REAL), lab.front().hosts());
        assertEquals(List.of("limit_mb", "group", "limit_b"), lab.front().params().stream().map(ParamSpec::name).toList());
        assertEquals(new ParamSpec.IntParam("limit_mb", 8, 32, 96, 16), lab.front().params().get(0));
        assertEquals(List.of(StepKind.CONSOLE, StepKind.PREDICT, StepKind.CHECK),
                lab.steps().stream().map(s -> s.kind()).toList());
        assertEquals("The end.", lab.epilogue());
    }

    @Test
    void a_console_block_gives_commands_with_their_expected_output_and_lines() throws Exception {
        ConsoleStep console = (ConsoleStep) parse(FORMAT_EXAMPLE).steps().get(0);
        assertEquals(16, console.line());
        assertEquals("main", console.terminal());
        assertEquals("# Memory limits\n\nProse about {{group}} and \\{{ literal braces.", console.narrative());
        List<Command> commands = console.commands();
        assertEquals(List.of("unshare --pid --fork --mount-proc sh", "echo $$", "ps -o pid,comm", "exit", "hostname"),
                commands.stream().map(Command::text).toList());
        assertEquals(List.of("$", "#", "#", "#", "$"), commands.stream().map(Command::prompt).toList());
        assertEquals(List.of(17, 18, 20, 24, 25), commands.stream().map(Command::line).toList());
        assertEquals(List.of(), commands.get(0).expected());
        assertEquals(List.of(new ExpectedLine.Literal(19, "1")), commands.get(1).expected());
        assertEquals(List.of(new ExpectedLine.Literal(21, "  PID COMMAND"), new ExpectedLine.Literal(22, "    1 sh"),
                new ExpectedLine.Literal(23, "    2 ps")), commands.get(2).expected());
        assertEquals(List.of(new ExpectedLine.AnyLines(26)), commands.get(4).expected());
    }

    @Test
    void a_predict_block_reads_its_yaml_body_and_points() throws Exception {
        PredictStep predict = (PredictStep) parse(FORMAT_EXAMPLE).steps().get(1);
        assertEquals(2, predict.points());
        assertEquals(PredictionType.NUMBER, predict.prediction().type());
        assertTrue(predict.prediction().question().contains("limited to {{limit_mb}} MiB"));
        assertEquals("cat /sys/fs/cgroup/memory/{{group}}/memory.oom_control | grep oom_kill",
                predict.prediction().answerFrom().orElseThrow());
        assertTrue(predict.prediction().answer().isEmpty());
        assertEquals(Tolerance.EXACT, predict.prediction().tolerance());
        assertTrue(predict.prediction().explain().startsWith("Page cache is reclaimed"));
    }

    @Test
    void a_check_block_reads_points_terminal_title_hidden_and_status() throws Exception {
        CheckStep check = (CheckStep) parse(FORMAT_EXAMPLE).steps().get(2);
        assertEquals(3, check.points());
        assertEquals("other", check.terminal());
        assertEquals("The limit holds", check.title());
        assertTrue(check.hidden());
        assertEquals(OptionalInt.of(1), check.commands().get(1).status());
        assertEquals(List.of(), check.commands().get(1).expected());
        assertTrue(check.narrative().contains("```sh"), "an ordinary fence is prose");
    }

    @Test
    void binding_substitutes_every_placeholder_and_unescapes_literal_braces() throws Exception {
        BoundLab bound = parse(FORMAT_EXAMPLE).bind(7);
        String group = bound.params().get("group").orElseThrow();
        long limitMb = Long.parseLong(bound.params().get("limit_mb").orElseThrow());
        assertTrue(List.of("alpha", "beta", "gamma").contains(group));
        assertEquals(Long.toString(limitMb * 1048576), bound.params().get("limit_b").orElseThrow());
        ConsoleStep console = (ConsoleStep) bound.steps().get(0);
        assertTrue(console.narrative().endsWith("Prose about " + group + " and {{ literal braces."));
        CheckStep check = (CheckStep) bound.steps().get(2);
        assertEquals("cat /sys/fs/cgroup/memory/" + group + "/memory.limit_in_bytes", check.commands().get(0).text());
        assertEquals(new ExpectedLine.Literal(43, Long.toString(limitMb * 1048576)), check.commands().get(0).expected().get(0));
        PredictStep predict = (PredictStep) bound.steps().get(1);
        assertTrue(predict.prediction().question().contains("limited to " + limitMb + " MiB"));
    }

    @Test
    void re_glob_ellipsis_and_status_lines_are_recognised() throws Exception {
        Lab lab = LabParser.parse("x.lab.md", header("") + """
                ```console
                $ readlink /proc/self/ns/uts
                uts:\\[\\d+] (re)
                $ ls /proc
                1 (glob)
                ...
                self  \s
                $ false
                [1]
                ```
                """);
        List<Command> commands = ((ConsoleStep) lab.steps().get(0)).commands();
        assertInstanceOf(ExpectedLine.Regex.class, commands.get(0).expected().get(0));
        assertEquals("uts:\\[\\d+]", ((ExpectedLine.Regex) commands.get(0).expected().get(0)).pattern());
        assertEquals(List.of(new ExpectedLine.Glob(9, "1"), new ExpectedLine.AnyLines(10), new ExpectedLine.Literal(11, "self")),
                commands.get(1).expected());
        assertEquals(OptionalInt.of(1), commands.get(2).status());
    }

    @Test
    void a_continued_command_joins_its_lines_with_backslash_newline() throws Exception {
        Lab lab = LabParser.parse("x.lab.md", header("") + """
                ```console
                $ unshare --uts \\
                > sh
                # hostname
                isolab
                ```
                """);
        Command first = ((ConsoleStep) lab.steps().get(0)).commands().get(0);
        assertEquals("unshare --uts \\\nsh", first.text());
        assertEquals(List.of("unshare --uts \\", "sh"), first.displayLines());
        assertEquals(List.of(), first.expected());
    }

    @Test
    void a_bad_attribute_is_reported_with_file_line_and_the_attributes_the_block_takes() {
        List<String> errors = errors("uts-and-pid.lab.md", """
                ---
                id: uts-and-pid
                title: t
                ---
                Some prose.

                More prose.

                Even more.

                And more.

                ```check pts=2
                $ hostname
                isolab
                ```
                """);
        assertEquals(List.of("uts-and-pid.lab.md:13: unknown block attribute 'pts' (expected points, terminal, title, hidden)"), errors);
    }

    @Test
    void every_error_of_a_file_is_reported_not_only_the_first() {
        List<String> errors = errors("bad.lab.md", """
                ---
                id: bad
                title: Bad
                colour: blue
                params:
                  n: {int: [5, 1]}
                ---
                Hello {{who}}.

                ```console terminal=main extra
                output before a command
                $ echo hi
                ```

                ```check points=many
                $ true
                ```

                ```predict
                question: How many?
                answer: 3
                answer-from: echo 3
                ```
                """);
        assertEquals(List.of(
                "bad.lab.md:4: unknown front matter key 'colour' (expected id, title, cgroup, topics, hosts, params)",
                "bad.lab.md:6: int of 'n' is empty: 5 > 1",
                "bad.lab.md:8: unknown parameter '{{who}}' (the lab declares no params; write \\{{ for a literal {{)",
                "bad.lab.md:10: unknown block attribute 'extra' (expected terminal, timeout, tolerance)",
                "bad.lab.md:11: expected a command starting with '$ ' or '# ', not output before any command",
                "bad.lab.md:15: points must be a whole number, not 'many'",
                "bad.lab.md:15: a check block must expect something: output lines or a last [N] status line",
                "bad.lab.md:20: a prediction needs exactly one of 'answer' and 'answer-from'"), errors);
    }

    @Test
    void an_unknown_placeholder_is_a_load_time_error_and_an_escaped_one_is_not() {
        List<String> errors = errors("x.lab.md", header("  name: {pick: [a]}\n") + """
                Use {{name}} and \\{{ not }} and {{ nme }}.
                """);
        assertEquals(List.of("x.lab.md:7: unknown parameter '{{nme}}' (declared: name; write \\{{ for a literal {{)"), errors);
    }

    @Test
    void a_lab_without_front_matter_is_rejected_at_line_1() {
        assertEquals(List.of("y.lab.md:1: a lab starts with a '---' line, its YAML front matter, and another '---' line"),
                errors("y.lab.md", "# Just Markdown\n"));
    }

    @Test
    void broken_yaml_is_reported_at_its_line() {
        List<String> errors = errors("x.lab.md", "---\nid: x\ntitle: [unclosed\n---\n");
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).startsWith("x.lab.md:3: YAML: "), errors.get(0));
    }

    @Test
    void an_unclosed_block_and_a_bad_regex_are_reported() {
        List<String> errors = errors("x.lab.md", header("") + """
                ```console
                $ echo (
                ( (re)
                """);
        assertEquals(List.of(
                "x.lab.md:5: the console block opened here is never closed",
                "x.lab.md:7: not a Java regular expression: Unclosed group near index 1 of '('"), errors);
    }

    @Test
    void a_malformed_id_is_reported_once_and_not_as_missing() {
        assertEquals(List.of("x.lab.md:2: id 'Bad Lab' must be lower-case letters, digits and dashes ([a-z0-9][a-z0-9-]*)"),
                errors("x.lab.md", "---\nid: Bad Lab\ntitle: t\n---\nprose\n"));
    }

    @Test
    void the_id_must_match_the_file_name() {
        assertEquals(List.of("other.lab.md:2: id 'x' does not match the file name 'other.lab.md' (expected x.lab.md)"),
                errors("other.lab.md", header("")));
    }

    @Test
    void a_prediction_keyed_by_a_command_needs_a_step_after_it() {
        assertEquals(List.of("x.lab.md:5: 'answer-from' is run after the next step, but no console, setup, solution "
                + "or check block follows this prediction"), errors("x.lab.md", header("") + """
                ```predict
                question: q?
                answer-from: echo 1
                ```
                """));
    }

    @Test
    void a_literal_choice_answer_must_be_one_of_the_choices() {
        assertEquals(List.of("x.lab.md:9: the answer 'd' is not one of the choices [a, b]"), errors("x.lab.md", header("") + """
                ```predict
                question: q?
                type: choice
                choices: [a, b]
                answer: d
                ```
                """));
    }

    @Test
    void a_placeholder_may_stand_alone_as_a_yaml_value() throws Exception {
        Lab lab = LabParser.parse("x.lab.md", header("  n: {int: [3, 3]}\n") + """
                ```predict
                question: "How many: {{n}}?"
                type: number
                answer: {{n}}
                ```
                """);
        PredictStep predict = (PredictStep) lab.bind(1).steps().get(0);
        assertEquals("3", predict.prediction().answer().orElseThrow());
        assertEquals("How many: 3?", predict.prediction().question());
    }

    @Test
    void an_expr_must_use_parameters_declared_before_it() {
        List<String> errors = errors("x.lab.md", header("  a: {expr: \"b + 1\"}\n  b: {int: [1, 2]}\n  c: {expr: \"(b\"}\n"));
        assertEquals(List.of(
                "x.lab.md:5: expr of 'a' uses 'b', which is not a parameter declared before it",
                "x.lab.md:7: expr of 'c': missing ')' at column 3 in '(b'"), errors);
    }

    static String header(String params) {
        return "---\nid: x\ntitle: X\n" + (params.isEmpty() ? "" : "params:\n" + params) + "---\n";
    }
}
