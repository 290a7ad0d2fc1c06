package isolab.labs.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import isolab.api.CommandResult;
import isolab.labs.model.Command;
import isolab.labs.model.ExpectedLine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class OutputMatcherTest {

    /** Expected lines as a lab author writes them, numbered from line 10. */
    static List<ExpectedLine> expect(String... lines) {
        List<ExpectedLine> expected = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String text = lines[i];
            int line = 10 + i;
            if (text.equals("...")) {
                expected.add(new ExpectedLine.AnyLines(line));
            } else if (text.endsWith(" (re)")) {
                expected.add(new ExpectedLine.Regex(line, text.substring(0, text.length() - 5)));
            } else if (text.endsWith(" (glob)")) {
                expected.add(new ExpectedLine.Glob(line, text.substring(0, text.length() - 7)));
            } else {
                expected.add(new ExpectedLine.Literal(line, text));
            }
        }
        return expected;
    }

    static Match match(List<ExpectedLine> expected, String output) {
        return OutputMatcher.matchLines(expected, Screen.lines(output));
    }

    static CommandResult result(String output, int status, boolean timedOut) {
        return new CommandResult("cmd", output, status, Duration.ZERO, timedOut, List.of());
    }

    @Test
    void literal_lines_must_be_equal_but_trailing_blanks_and_ansi_escapes_do_not_count() {
        assertTrue(match(expect("isolab", "  PID COMMAND"), "isolab  \n\u001B[1m  PID\u001B[0m COMMAND\r\n").passed());
        assertFalse(match(expect("isolab"), "isolab2\n").passed());
        assertFalse(match(expect(" isolab"), "isolab\n").passed(), "leading blanks count");
    }

    @Test
    void a_regex_must_match_the_whole_line() {
        assertTrue(match(expect("uts:\\[\\d+] (re)"), "uts:[4026531838]\n").passed());
        assertFalse(match(expect("uts:\\[\\d+ (re)"), "uts:[4026531838]\n").passed());
        assertFalse(match(expect("\\d+ (re)"), "pid 12\n").passed());
    }

    @Test
    void a_glob_has_star_and_question_mark_and_nothing_else_is_special() {
        assertTrue(match(expect("NSpid:*2 (glob)"), "NSpid:\t17\t2\n").passed());
        assertTrue(match(expect("a?c.[x] (glob)"), "abc.[x]\n").passed());
        assertFalse(match(expect("a?c.[x] (glob)"), "abcd[x]\n").passed());
        assertTrue(match(expect("5\\* (glob)"), "5*\n").passed());
        assertFalse(match(expect("5\\* (glob)"), "55\n").passed());
    }

    @Test
    void an_ellipsis_matches_any_number_of_lines_including_none() {
        assertTrue(match(expect("first", "...", "last"), "first\nlast\n").passed());
        assertTrue(match(expect("first", "...", "last"), "first\na\nb\nlast\n").passed());
        assertTrue(match(expect("..."), "").passed());
        assertTrue(match(expect("...", "x", "..."), "a\nx\nb\n").passed());
        assertFalse(match(expect("first", "...", "last"), "first\na\n").passed());
    }

    @Test
    void the_first_differing_line_is_reported_with_its_lab_line() {
        Match m = match(expect("    PID COMMAND", "      1 sh", "      2 ps"), "    PID COMMAND\n      1 sh\n      3 ps\n");
        Match.OutputDiffers d = assertInstanceOf(Match.OutputDiffers.class, m);
        assertEquals(12, d.expected().line());
        assertEquals(2, d.actualIndex());
        assertEquals("      3 ps", d.actual());
        assertEquals("output line 3 is \"      3 ps\", but line 12 expects \"      2 ps\"", d.describe());
    }

    @Test
    void after_an_ellipsis_the_difference_is_the_line_that_never_came() {
        Match.OutputDiffers d = assertInstanceOf(Match.OutputDiffers.class, match(expect("a", "...", "z"), "a\nb\nc\n"));
        assertEquals(12, d.expected().line());
        assertEquals(-1, d.actualIndex());
        assertEquals("output ended, but line 12 expects \"z\"", d.describe());
    }

    @Test
    void an_extra_output_line_is_a_difference() {
        Match.OutputDiffers d = assertInstanceOf(Match.OutputDiffers.class, match(expect("a"), "a\nb\n"));
        assertEquals(null, d.expected());
        assertEquals("output line 2 is not expected: \"b\"", d.describe());
    }

    @Test
    void the_exit_status_is_checked_only_when_a_status_line_is_given() {
        Command withStatus = new Command(5, "$", "false", List.of(), OptionalInt.of(1));
        Command withoutStatus = new Command(5, "$", "false", expect("x"), OptionalInt.empty());
        assertInstanceOf(Match.Passed.class, OutputMatcher.match(withStatus, result("", 1, false)));
        assertEquals(new Match.StatusDiffers(1, 0), OutputMatcher.match(withStatus, result("", 0, false)));
        assertInstanceOf(Match.Passed.class, OutputMatcher.match(withoutStatus, result("x\n", 3, false)));
    }

    @Test
    void a_command_without_expectations_is_unchecked_and_a_timeout_always_fails() {
        Command none = new Command(5, "$", "sleep 100", List.of(), OptionalInt.empty());
        Command some = new Command(5, "$", "sleep 100", expect("..."), OptionalInt.empty());
        assertInstanceOf(Match.Unchecked.class, OutputMatcher.match(none, result("", 0, false)));
        assertFalse(OutputMatcher.match(some, result("", 130, true)).passed());
    }
}
