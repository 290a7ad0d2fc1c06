/**
 * Matching a command's output against its transcript's expectations (LAB-FORMAT.md,
 * "Transcripts").
 *
 * <p>The output is first read as a person reads the terminal ({@link isolab.labs.match.Screen}):
 * ANSI escape sequences removed, split at {@code \n}, trailing spaces, tabs and carriage returns
 * dropped; expected lines lose their trailing blanks too. Then {@link
 * isolab.labs.match.OutputMatcher} walks both lists: a literal line must be equal, {@code (re)}
 * must match the whole line as a {@code java.util.regex} pattern, {@code (glob)} with {@code *}
 * (any run) and {@code ?} (one character; {@code \*} is a literal star), {@code ...} stands for any
 * number of lines, none included. A command with no expected lines has its output unchecked; a
 * last {@code [N]} checks the exit status. A command that timed out fails whatever it printed.
 *
 * <p>The result is a {@link isolab.labs.match.Match}: passed, unchecked, or the first difference —
 * the point where the search got furthest through the output, so a failure after {@code ...}
 * points at the line that really differs, not at the ellipsis.
 */
package isolab.labs.match;
