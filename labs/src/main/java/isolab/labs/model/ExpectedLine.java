package isolab.labs.model;

import java.util.function.UnaryOperator;

/**
 * One line of a command's expected output: literal text, a {@code (re)} regular expression, a
 * {@code (glob)} pattern, or {@code ...} (any number of lines, none included). Each remembers the
 * line of the lab file it was written on.
 */
public sealed interface ExpectedLine {

    /** The 1-based line of the lab file. */
    int line();

    /** The line as the author wrote it, suffix included ({@code pid:\[\d+\] (re)}). */
    String source();

    /** This line with {@code f} applied to its text (parameter substitution). */
    ExpectedLine map(UnaryOperator<String> f);

    /** Output that must equal {@code text}, trailing blanks ignored. */
    record Literal(int line, String text) implements ExpectedLine {
        @Override
        public String source() {
            return text;
        }

        @Override
        public ExpectedLine map(UnaryOperator<String> f) {
            return new Literal(line, f.apply(text));
        }
    }

    /** Output the Java regular expression {@code pattern} matches as a whole. */
    record Regex(int line, String pattern) implements ExpectedLine {
        @Override
        public String source() {
            return pattern + " (re)";
        }

        @Override
        public ExpectedLine map(UnaryOperator<String> f) {
            return new Regex(line, f.apply(pattern));
        }
    }

    /** Output matching {@code pattern}, where {@code *} is any run of characters and {@code ?} one. */
    record Glob(int line, String pattern) implements ExpectedLine {
        @Override
        public String source() {
            return pattern + " (glob)";
        }

        @Override
        public ExpectedLine map(UnaryOperator<String> f) {
            return new Glob(line, f.apply(pattern));
        }
    }

    /** {@code ...}: any number of output lines, none included. */
    record AnyLines(int line) implements ExpectedLine {
        @Override
        public String source() {
            return "...";
        }

        @Override
        public ExpectedLine map(UnaryOperator<String> f) {
            return this;
        }
    }
}
