package isolab.labs.params;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code {{name}}} placeholders of a lab's text. {@code {{name}}} (spaces allowed inside the
 * braces) is replaced by the parameter's value; {@code \{{} is a literal {@code {{}; a {@code {{}
 * that does not open a placeholder is an error, so a typo never reaches a student verbatim.
 */
public final class Placeholders {

    /** One {@code {{name}}} at {@code offset}, spanning {@code length} characters of the text. */
    public record Placeholder(String name, int offset, int length) {
    }

    /** A {@code {{} at {@code offset} that opens no placeholder. */
    public record Problem(int offset, String reason) {
    }

    /** What a scan of a text found. */
    public record Scan(List<Placeholder> placeholders, List<Problem> problems) {
        public Scan {
            placeholders = List.copyOf(placeholders);
            problems = List.copyOf(problems);
        }
    }

    private static final char MASK_OPEN = '\uE000';
    private static final char MASK_CLOSE = '\uE001';
    private static final char MASK_ESCAPE = '\uE002';

    private Placeholders() {
    }

    /** Every placeholder of {@code text} and every {@code {{} that opens none. */
    public static Scan scan(String text) {
        List<Placeholder> found = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith("\\{{", i)) {
                i += 3;
            } else if (text.startsWith("{{", i)) {
                int end = placeholderEnd(text, i);
                if (end < 0) {
                    problems.add(new Problem(i, "'{{' opens no parameter: write {{name}}, or \\{{ for a literal {{"));
                    i += 2;
                } else {
                    found.add(new Placeholder(text.substring(i + 2, end - 2).trim(), i, end - i));
                    i = end;
                }
            } else {
                i++;
            }
        }
        return new Scan(found, problems);
    }

    /** {@code template} with every placeholder replaced by its value and {@code \{{} by {@code {{}. */
    public static String substitute(String template, ParamValues values) {
        StringBuilder out = new StringBuilder(template.length());
        int i = 0;
        while (i < template.length()) {
            if (template.startsWith("\\{{", i)) {
                out.append("{{");
                i += 3;
            } else if (template.startsWith("{{", i) && placeholderEnd(template, i) > 0) {
                int end = placeholderEnd(template, i);
                String name = template.substring(i + 2, end - 2).trim();
                out.append(values.get(name).orElseThrow(
                        () -> new IllegalArgumentException("unknown parameter '" + name + "'")));
                i = end;
            } else {
                out.append(template.charAt(i++));
            }
        }
        return out.toString();
    }

    /**
     * {@code text} with every placeholder and escape replaced by private-use characters that YAML
     * reads as plain text, so a body like {@code answer: {{n}}} parses as a string (not a flow
     * mapping); {@link #unmask} restores them. Line and column structure is kept.
     */
    public static String mask(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith("\\{{", i)) {
                out.append(MASK_ESCAPE);
                i += 3;
            } else if (text.startsWith("{{", i) && placeholderEnd(text, i) > 0) {
                int end = placeholderEnd(text, i);
                out.append(MASK_OPEN).append(text, i + 2, end - 2).append(MASK_CLOSE);
                i = end;
            } else {
                out.append(text.charAt(i++));
            }
        }
        return out.toString();
    }

    /** Undoes {@link #mask}: the placeholders and escapes as the author wrote them. */
    public static String unmask(String masked) {
        return masked.replace(String.valueOf(MASK_ESCAPE), "\\{{")
                .replace(String.valueOf(MASK_OPEN), "{{")
                .replace(String.valueOf(MASK_CLOSE), "}}");
    }

    /** The offset just past the {@code }}} closing the placeholder opened at {@code start}, or -1. */
    private static int placeholderEnd(String text, int start) {
        int i = start + 2;
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        int nameStart = i;
        if (i >= text.length() || !(Character.isLetter(text.charAt(i)) || text.charAt(i) == '_')) {
            return -1;
        }
        while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
            i++;
        }
        if (i == nameStart) {
            return -1;
        }
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        return text.startsWith("}}", i) ? i + 2 : -1;
    }
}
