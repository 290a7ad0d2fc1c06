package isolab.labs.model;

import java.util.List;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;

/**
 * One command of a transcript and what it must show.
 *
 * @param line the 1-based line of the lab file where the command starts
 * @param prompt the cosmetic prompt it was written with: {@code $} or {@code #}
 * @param text the command line as sent to the terminal; continuation lines are joined by
 *     backslash-newline, exactly as typed ({@code "unshare --uts \\\nsh"})
 * @param expected the expected output lines; empty when the output is not checked
 * @param status the expected exit status from a last {@code [N]} line, if any
 */
public record Command(int line, String prompt, String text, List<ExpectedLine> expected, OptionalInt status) {

    public Command {
        expected = List.copyOf(expected);
    }

    /** Whether anything about the command is checked: its output lines or its status. */
    public boolean hasExpectations() {
        return !expected.isEmpty() || status.isPresent();
    }

    /** The command as it reads in the lab: first line after the prompt, continuations after {@code > }. */
    public List<String> displayLines() {
        return List.of(text.split("\n", -1));
    }

    /** This command with {@code f} applied to its text and expected lines. */
    public Command map(UnaryOperator<String> f) {
        return new Command(line, prompt, f.apply(text), expected.stream().map(e -> e.map(f)).toList(), status);
    }
}
