package isolab.labs.match;

import isolab.api.CommandResult;
import isolab.labs.model.Command;
import isolab.labs.model.ExpectedLine;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Matches a command's output against its expected lines, as LAB-FORMAT.md says: literal lines
 * equal, {@code (re)} a Java regex over the whole line, {@code (glob)} with {@code *} and
 * {@code ?}, {@code ...} any number of lines; trailing blanks and ANSI escapes ignored; a last
 * {@code [N]} the exit status. The first differing line is where matching got furthest before
 * it failed, so with {@code ...} in play it is the line a person would point at.
 */
public final class OutputMatcher {

    private OutputMatcher() {
    }

    /** How {@code result} fares against what {@code command} expects. */
    public static Match match(Command command, CommandResult result) {
        if (!command.hasExpectations()) {
            return result.timedOut() ? new Match.TimedOut() : new Match.Unchecked();
        }
        if (result.timedOut()) {
            return new Match.TimedOut();
        }
        if (!command.expected().isEmpty()) {
            Match lines = matchLines(command.expected(), Screen.lines(result.output()));
            if (!lines.passed()) {
                return lines;
            }
        }
        if (command.status().isPresent() && command.status().getAsInt() != result.status()) {
            return new Match.StatusDiffers(command.status().getAsInt(), result.status());
        }
        return new Match.Passed();
    }

    /** Whether {@code actual} lines match {@code expected}; the first difference when not. */
    public static Match matchLines(List<ExpectedLine> expected, List<String> actual) {
        Search search = new Search(expected, actual);
        if (search.from(0, 0)) {
            return new Match.Passed();
        }
        int i = search.bestExpected;
        int j = search.bestActual;
        ExpectedLine want = i < expected.size() ? expected.get(i) : null;
        // Skip past an ellipsis we were standing on: the line after it is what failed.
        while (want instanceof ExpectedLine.AnyLines && i + 1 < expected.size()) {
            want = expected.get(++i);
        }
        if (want instanceof ExpectedLine.AnyLines) {
            want = null;
        }
        return new Match.OutputDiffers(want, j < actual.size() ? j : -1, j < actual.size() ? actual.get(j) : null);
    }

    /** Whether one output line matches one (non-ellipsis) expected line. */
    public static boolean lineMatches(ExpectedLine expected, String line) {
        String actual = Screen.stripTrailing(line);
        if (expected instanceof ExpectedLine.Literal literal) {
            return Screen.stripTrailing(literal.text()).equals(actual);
        }
        if (expected instanceof ExpectedLine.Regex regex) {
            return Pattern.compile(regex.pattern()).matcher(actual).matches();
        }
        if (expected instanceof ExpectedLine.Glob glob) {
            return globToRegex(glob.pattern()).matcher(actual).matches();
        }
        return true;
    }

    /** A glob as a regex: {@code *} any run, {@code ?} one character, {@code \x} a literal x. */
    static Pattern globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '\\' && i + 1 < glob.length()) {
                regex.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
            } else if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    /** Backtracking search over (expected index, actual index), memoised, tracking the furthest point. */
    private static final class Search {
        private final List<ExpectedLine> expected;
        private final List<String> actual;
        private final boolean[][] failed;
        int bestExpected;
        int bestActual;

        Search(List<ExpectedLine> expected, List<String> actual) {
            this.expected = expected;
            this.actual = actual;
            this.failed = new boolean[expected.size() + 1][actual.size() + 1];
        }

        boolean from(int i, int j) {
            if (failed[i][j]) {
                return false;
            }
            if (j > bestActual || (j == bestActual && i > bestExpected)) {
                bestActual = j;
                bestExpected = i;
            }
            boolean ok;
            if (i == expected.size()) {
                ok = j == actual.size();
            } else if (expected.get(i) instanceof ExpectedLine.AnyLines) {
                ok = from(i + 1, j) || (j < actual.size() && from(i, j + 1));
            } else {
                ok = j < actual.size() && lineMatches(expected.get(i), actual.get(j)) && from(i + 1, j + 1);
            }
            if (!ok) {
                failed[i][j] = true;
            }
            return ok;
        }
    }
}
