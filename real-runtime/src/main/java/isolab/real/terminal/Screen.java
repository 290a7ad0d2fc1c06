package isolab.real.terminal;

/**
 * What a person sees of text sent to a terminal: escape sequences (colours, cursor movement,
 * bracketed paste on and off) leave no characters; {@code \r\n} ends a line; a lone {@code \r}
 * returns to the start of the line and what follows overwrites it; backspace steps back one
 * column; the bell rings unseen. Tabs are kept as tabs.
 */
public final class Screen {

    private static final char ESC = 0x1b;
    private static final char BEL = 0x07;

    private Screen() {
    }

    /** The lines {@code raw} shows, each ended by {@code \n} as the text ended it. */
    public static String render(String raw) {
        StringBuilder out = new StringBuilder(raw.length());
        StringBuilder line = new StringBuilder();
        int column = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == ESC) {
                i = skipEscape(raw, i);
            } else if (c == '\n') {
                out.append(line).append('\n');
                line.setLength(0);
                column = 0;
            } else if (c == '\r') {
                column = 0;
            } else if (c == '\b') {
                column = Math.max(0, column - 1);
            } else if (c < 0x20 && c != '\t' || c == 0x7f || c == BEL) {
                continue; // other control characters move nothing visible
            } else {
                if (column < line.length()) {
                    line.setCharAt(column, c);
                } else {
                    line.append(c);
                }
                column++;
            }
        }
        return out.append(line).toString();
    }

    /** The index of the last character of the escape sequence starting at {@code start} (ECMA-48). */
    private static int skipEscape(String raw, int start) {
        if (start + 1 >= raw.length()) {
            return start;
        }
        char kind = raw.charAt(start + 1);
        if (kind == '[') { // CSI: parameters and intermediates, then one final byte 0x40-0x7e
            int i = start + 2;
            while (i < raw.length() && (raw.charAt(i) < 0x40 || raw.charAt(i) > 0x7e)) {
                i++;
            }
            return Math.min(i, raw.length() - 1);
        }
        if (kind == ']' || kind == 'P' || kind == '_' || kind == '^') { // OSC, DCS, APC, PM: up to BEL or ESC \
            for (int i = start + 2; i < raw.length(); i++) {
                if (raw.charAt(i) == BEL) {
                    return i;
                }
                if (raw.charAt(i) == ESC && i + 1 < raw.length() && raw.charAt(i + 1) == '\\') {
                    return i + 1;
                }
            }
            return raw.length() - 1;
        }
        if (kind == '(' || kind == ')' || kind == '*' || kind == '+' || kind == '#' || kind == '%') {
            return Math.min(start + 2, raw.length() - 1); // designate a character set: one more byte
        }
        return start + 1; // a two-character sequence: ESC =, ESC >, ESC 7, ESC M, ...
    }
}
