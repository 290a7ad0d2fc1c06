package isolab.labs.match;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a person reads on the terminal: output with ANSI escape sequences removed, split into
 * lines, each without trailing blanks or carriage return. Matching compares these lines.
 */
public final class Screen {

    // ECMA-48: CSI (ESC [ params intermediates final), OSC (ESC ] ... BEL or ESC \), and the
    // two-character escapes (ESC followed by one of @-Z \ ] ^ _ and the charset selectors).
    private static final Pattern ANSI = Pattern.compile(
            "\u001B\\[[0-?]*[ -/]*[@-~]|\u001B][^\u0007\u001B]*(?:\u0007|\u001B\\\\)|\u001B[()][0-9A-Za-z]|\u001B[@-Z\\\\^_=>]|\u009B[0-?]*[ -/]*[@-~]");

    private Screen() {
    }

    /** {@code text} without ANSI escape sequences. */
    public static String stripAnsi(String text) {
        return ANSI.matcher(text).replaceAll("");
    }

    /** {@code line} without trailing spaces, tabs and carriage returns. */
    public static String stripTrailing(String line) {
        int end = line.length();
        while (end > 0 && (line.charAt(end - 1) == ' ' || line.charAt(end - 1) == '\t' || line.charAt(end - 1) == '\r')) {
            end--;
        }
        return line.substring(0, end);
    }

    /** The lines of {@code output} as a person reads them; empty output has no lines. */
    public static List<String> lines(String output) {
        String clean = stripAnsi(output);
        List<String> lines = new ArrayList<>();
        if (clean.isEmpty()) {
            return lines;
        }
        String body = clean.endsWith("\n") ? clean.substring(0, clean.length() - 1) : clean;
        for (String line : body.split("\n", -1)) {
            lines.add(stripTrailing(line));
        }
        return lines;
    }
}
