package isolab.web.picture;

import java.util.ArrayList;
import java.util.List;

/**
 * A small writer of SVG documents that every picture shares: elements with escaped attributes
 * and text, and the text measuring that lets a picture fit its panel.
 *
 * <p>Pictures are drawn in a monospace font, so the width of a text is its length times
 * {@link #CHAR_WIDTH_EM} of the font size: a picture can compute its layout, clip labels and
 * wrap sentences without a browser.
 */
final class Svg {

    /** The advance of one character of a monospace font, in ems (DejaVu Sans Mono: 0.602). */
    static final double CHAR_WIDTH_EM = 0.61;

    private final StringBuilder out = new StringBuilder();

    /**
     * Opens the document: {@code width} x {@code height} user units, with its accessible name as
     * both {@code aria-label} and {@code <title>}.
     */
    Svg(String cssClass, int width, int height, int fontSize, String title) {
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\"");
        attributes("class", cssClass, "role", "img", "width", width, "height", height,
                "viewBox", "0 0 " + width + " " + height, "font-family", "ui-monospace, 'DejaVu Sans Mono', monospace",
                "font-size", fontSize, "aria-label", title);
        out.append(">\n");
        element("title", title);
    }

    /** Opens {@code <tag>} with the attribute pairs {@code nameValues}; null values are left out. */
    Svg open(String tag, Object... nameValues) {
        out.append('<').append(tag);
        attributes(nameValues);
        out.append(">");
        return this;
    }

    /** Closes {@code </tag>}. */
    Svg close(String tag) {
        out.append("</").append(tag).append(">\n");
        return this;
    }

    /** An element without content, {@code <rect .../>}. */
    Svg empty(String tag, Object... nameValues) {
        out.append('<').append(tag);
        attributes(nameValues);
        out.append("/>");
        return this;
    }

    /** An element holding {@code text}, escaped: {@code <text ...>a &lt; b</text>}. */
    Svg element(String tag, String text, Object... nameValues) {
        open(tag, nameValues);
        out.append(escape(text)).append("</").append(tag).append('>');
        return this;
    }

    /** Markup written as is; only for what this package built itself. */
    Svg raw(String markup) {
        out.append(markup);
        return this;
    }

    /** The finished document. */
    String end() {
        return out.append("</svg>\n").toString();
    }

    private void attributes(Object... nameValues) {
        for (int i = 0; i + 1 < nameValues.length; i += 2) {
            Object value = nameValues[i + 1];
            if (value != null) {
                out.append(' ').append(nameValues[i]).append("=\"").append(value(value)).append('"');
            }
        }
    }

    private static String value(Object value) {
        if (value instanceof Double number) {
            return num(number);
        }
        return escape(String.valueOf(value));
    }

    /** {@code text} safe inside an XML element or a double-quoted attribute; characters XML forbids become U+FFFD. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.appendCodePoint(allowedInXml(c) ? c : 0xFFFD);
            }
        });
        return escaped.toString();
    }

    /** Whether XML 1.0 allows {@code c} in a document (its {@code Char} production). */
    private static boolean allowedInXml(int c) {
        return c == 0x9 || c == 0xA || c == 0xD || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD
                || c >= 0x10000 && c <= 0x10FFFF;
    }

    /** {@code text} cut to {@code max} characters, with an ellipsis when cut. */
    static String clip(String text, int max) {
        if (text == null || max <= 0) {
            return "";
        }
        return text.length() <= max ? text : text.substring(0, Math.max(max - 1, 0)) + "\u2026";
    }

    /** How many characters of {@code fontSize} fit in {@code width} user units. */
    static int charsIn(double width, double fontSize) {
        return Math.max((int) Math.floor(width / (fontSize * CHAR_WIDTH_EM)), 1);
    }

    /** The width {@code chars} characters of {@code fontSize} take. */
    static double widthOf(int chars, double fontSize) {
        return chars * fontSize * CHAR_WIDTH_EM;
    }

    /**
     * {@code text} broken into lines of at most {@code max} characters, at spaces where it can;
     * a word longer than a line is cut.
     */
    static List<String> wrap(String text, int max) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            while (word.length() > max) {
                if (line.length() > 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                lines.add(word.substring(0, max));
                word = word.substring(max);
            }
            if (line.length() > 0 && line.length() + 1 + word.length() > max) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0 || lines.isEmpty()) {
            lines.add(line.toString());
        }
        return lines;
    }

    /** A coordinate as SVG writes it: integers without a fraction, others with one decimal. */
    static String num(double value) {
        if (value == Math.rint(value)) {
            return Long.toString((long) value);
        }
        return Double.toString(Math.round(value * 10) / 10.0);
    }
}
