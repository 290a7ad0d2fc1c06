package isolab.labs.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The attributes after the word of a fenced block's info string: {@code key=value},
 * {@code key="value with spaces"} (with {@code \"} and {@code \\} escapes) and bare flags.
 */
final class Attributes {

    /** One attribute; {@code value} is empty for a bare flag. */
    record Attribute(String key, Optional<String> value) {
    }

    private Attributes() {
    }

    /** The attributes of {@code text}; a problem (unterminated quote, empty key) is reported. */
    static List<Attribute> parse(String text, int line, Problems problems) {
        List<Attribute> attributes = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            if (Character.isWhitespace(text.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < text.length() && text.charAt(i) != '=' && !Character.isWhitespace(text.charAt(i))) {
                i++;
            }
            String key = text.substring(start, i);
            if (i >= text.length() || text.charAt(i) != '=') {
                attributes.add(new Attribute(key, Optional.empty()));
                continue;
            }
            i++;
            if (key.isEmpty()) {
                problems.add(line, "block attribute with no name before '='");
            }
            StringBuilder value = new StringBuilder();
            if (i < text.length() && text.charAt(i) == '"') {
                i++;
                boolean closed = false;
                while (i < text.length()) {
                    char c = text.charAt(i++);
                    if (c == '\\' && i < text.length()) {
                        value.append(text.charAt(i++));
                    } else if (c == '"') {
                        closed = true;
                        break;
                    } else {
                        value.append(c);
                    }
                }
                if (!closed) {
                    problems.add(line, "block attribute '" + key + "' has an unterminated \"quoted value\"");
                }
            } else {
                while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
                    value.append(text.charAt(i++));
                }
            }
            attributes.add(new Attribute(key, Optional.of(value.toString())));
        }
        return attributes;
    }
}
