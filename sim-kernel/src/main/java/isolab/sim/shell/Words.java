package isolab.sim.shell;

import isolab.sim.shell.Parser.ArraysNotModelled;
import isolab.sim.shell.Parser.BadSubstitution;
import isolab.sim.shell.Parser.Incomplete;
import isolab.sim.shell.Parser.SyntaxError;
import java.util.ArrayList;
import java.util.List;

/**
 * The words of shell input (XCU 2.2-2.3 and 2.6's syntax): reads one word at the parser's cursor
 * with its quoting kept in {@link Word.Part}s - single and double quotes, backslashes, parameter
 * expansions with their operators, command substitutions (parsed at once, by the {@link Parser}),
 * arithmetic, backquotes, a leading tilde, and bash's {@code $'...'}.
 */
final class Words {

    private final Parser p;

    Words(Parser p) {
        this.p = p;
    }

    /** Whether {@code c} ends an unquoted word (a blank, a newline or an operator character). */
    static boolean isMeta(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == ';' || c == '&' || c == '|' || c == '<' || c == '>'
                || c == '(' || c == ')';
    }

    /** Reads one word at {@code pos}, with its quoting. */
    Word readWord() {
        int start = p.pos;
        List<Word.Part> parts = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        if (p.pos < p.src.length() && p.src.charAt(p.pos) == '~') {
            int end = p.pos + 1;
            while (end < p.src.length() && !isMeta(p.src.charAt(end)) && p.src.charAt(end) != '/'
                    && "'\"\\$`".indexOf(p.src.charAt(end)) < 0) {
                end++;
            }
            if (end >= p.src.length() || isMeta(p.src.charAt(end)) || p.src.charAt(end) == '/') {
                parts.add(new Word.Tilde(p.src.substring(p.pos + 1, end)));
                p.pos = end;
            }
        }
        while (p.pos < p.src.length()) {
            char c = p.src.charAt(p.pos);
            if (isMeta(c)) {
                break;
            }
            if (c == '\\') {
                if (p.pos + 1 >= p.src.length()) {
                    p.pos++;
                    throw new Incomplete(null, p.line);
                }
                char next = p.src.charAt(p.pos + 1);
                p.pos += 2;
                if (next == '\n') {
                    p.line++;
                    if (p.pos >= p.src.length()) {
                        throw new Incomplete(null, p.line);
                    }
                    continue;
                }
                flush(parts, lit);
                parts.add(new Word.Quoted(String.valueOf(next)));
            } else if (c == '\'') {
                int end = p.src.indexOf('\'', p.pos + 1);
                if (end < 0) {
                    throw new Incomplete("'", p.line);
                }
                flush(parts, lit);
                String text = p.src.substring(p.pos + 1, end);
                p.line += count(text, '\n');
                parts.add(new Word.Quoted(text));
                p.pos = end + 1;
            } else if (c == '"' || c == '$' || c == '`') {
                flush(parts, lit);
                parts.add(readQuoteOrExpansion(c));
            } else {
                lit.append(c);
                p.pos++;
            }
        }
        flush(parts, lit);
        return new Word(parts, p.src.substring(start, p.pos));
    }

    /** bash's {@code $'...'} (lib/sh/strtrans.c: ansicstr): backslash escapes decoded, the result quoted. */
    private String readAnsiC() {
        p.pos += 2;
        StringBuilder out = new StringBuilder();
        while (true) {
            if (p.pos >= p.src.length()) {
                throw new Incomplete("'", p.line);
            }
            char c = p.src.charAt(p.pos++);
            if (c == '\'') {
                return out.toString();
            }
            if (c == '\n') {
                p.line++;
            }
            if (c != '\\' || p.pos >= p.src.length()) {
                out.append(c);
                continue;
            }
            char e = p.src.charAt(p.pos++);
            switch (e) {
                case 'a' -> out.append('\u0007');
                case 'b' -> out.append('\b');
                case 'e', 'E' -> out.append('\u001b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'v' -> out.append('\u000b');
                case '\\', '\'', '"', '?' -> out.append(e);
                case 'c' -> {
                    if (p.pos < p.src.length()) {
                        out.append((char) (p.src.charAt(p.pos++) & 0x1f));
                    }
                }
                case 'x' -> out.appendCodePoint(number(16, 2, 0));
                case 'u' -> out.appendCodePoint(number(16, 4, 0));
                case 'U' -> out.appendCodePoint(number(16, 8, 0));
                default -> {
                    if (e >= '0' && e <= '7') {
                        p.pos--;
                        out.append((char) (number(8, 3, 0) & 0xff));
                    } else {
                        out.append('\\').append(e);
                    }
                }
            }
        }
    }

    /** Up to {@code max} digits in {@code radix} at {@code pos}; {@code fallback} if there are none. */
    private int number(int radix, int max, int fallback) {
        int value = 0;
        int digits = 0;
        while (digits < max && p.pos < p.src.length() && Character.digit(p.src.charAt(p.pos), radix) >= 0) {
            value = value * radix + Character.digit(p.src.charAt(p.pos), radix);
            p.pos++;
            digits++;
        }
        return digits == 0 ? fallback : value;
    }

    /** How many times {@code c} occurs in {@code s} (newlines, for line numbers). */
    static int count(CharSequence s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    private static void flush(List<Word.Part> parts, StringBuilder lit) {
        if (lit.length() > 0) {
            parts.add(new Word.Literal(lit.toString()));
            lit.setLength(0);
        }
    }

    /**
     * Reads the inside of double quotes up to the closing {@code "} (or, for a here-document body,
     * to the end): text is quoted, {@code $} and backquotes expand, backslash escapes only
     * {@code $ ` " \} and newline ({@code "} only outside here-documents).
     */
    List<Word.Part> readQuotedParts(boolean heredoc) {
        List<Word.Part> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        while (true) {
            if (p.pos >= p.src.length()) {
                if (heredoc) {
                    break;
                }
                throw new Incomplete("\"", p.line);
            }
            char c = p.src.charAt(p.pos);
            if (c == '"' && !heredoc) {
                p.pos++;
                break;
            }
            if (c == '\\' && p.pos + 1 < p.src.length()) {
                char next = p.src.charAt(p.pos + 1);
                if (next == '$' || next == '`' || next == '\\' || (next == '"' && !heredoc)) {
                    text.append(next);
                    p.pos += 2;
                    continue;
                }
                if (next == '\n') {
                    p.pos += 2;
                    p.line++;
                    continue;
                }
                text.append(c);
                p.pos++;
                continue;
            }
            if (c == '$') {
                Word.Part part = readDollar(true);
                if (part instanceof Word.Literal l) {
                    text.append(l.text());
                    continue;
                }
                if (text.length() > 0) {
                    parts.add(new Word.Quoted(text.toString()));
                    text.setLength(0);
                }
                parts.add(part);
                continue;
            }
            if (c == '`') {
                if (text.length() > 0) {
                    parts.add(new Word.Quoted(text.toString()));
                    text.setLength(0);
                }
                parts.add(readBackquote());
                continue;
            }
            if (c == '\n') {
                p.line++;
            }
            text.append(c);
            p.pos++;
        }
        if (text.length() > 0) {
            parts.add(new Word.Quoted(text.toString()));
        }
        return parts;
    }

    private Word.Part readBackquote() {
        int start = p.pos;
        p.pos++;
        StringBuilder body = new StringBuilder();
        while (true) {
            if (p.pos >= p.src.length()) {
                throw new Incomplete("`", p.line);
            }
            char c = p.src.charAt(p.pos);
            if (c == '`') {
                p.pos++;
                break;
            }
            if (c == '\\' && p.pos + 1 < p.src.length() && "$`\\".indexOf(p.src.charAt(p.pos + 1)) >= 0) {
                body.append(p.src.charAt(p.pos + 1));
                p.pos += 2;
                continue;
            }
            body.append(c);
            p.pos++;
        }
        Node parsed = Parser.parse(body.toString(), p.bash, p.line);
        return new Word.CommandSub(parsed, p.src.substring(start, p.pos));
    }

    Word.Part readDollar(boolean inQuotes) {
        int start = p.pos;
        p.pos++;
        if (p.pos >= p.src.length()) {
            return new Word.Literal("$");
        }
        char c = p.src.charAt(p.pos);
        if (c == '(') {
            if (p.pos + 1 < p.src.length() && p.src.charAt(p.pos + 1) == '(') {
                int depth = 0;
                int i = p.pos + 2;
                while (i < p.src.length()) {
                    char d = p.src.charAt(i);
                    if (d == '(') {
                        depth++;
                    } else if (d == ')') {
                        if (depth == 0 && i + 1 < p.src.length() && p.src.charAt(i + 1) == ')') {
                            String expr = p.src.substring(p.pos + 2, i);
                            p.pos = i + 2;
                            return new Word.Arith(expr);
                        }
                        depth--;
                    }
                    i++;
                }
                throw new Incomplete("))", p.line);
            }
            p.pos++;
            Node body = p.parseList(List.of(")"), false);
            p.skipBlanksAndNewlines();
            if (p.pos >= p.src.length()) {
                throw new Incomplete(")", p.line);
            }
            if (p.src.charAt(p.pos) != ')') {
                throw new SyntaxError(p.tokenAt(), p.line);
            }
            p.pos++;
            return new Word.CommandSub(((Node.Sequence) body).items().isEmpty() ? null : body, p.src.substring(start, p.pos));
        }
        if (c == '{') {
            return readBraceParam();
        }
        if ("?$!#@*-".indexOf(c) >= 0 || Character.isDigit(c)) {
            p.pos++;
            return new Word.Param(String.valueOf(c), null, null);
        }
        if (Character.isLetter(c) || c == '_') {
            int end = p.pos;
            while (end < p.src.length() && p.src.charAt(end) < 128
                    && (Character.isLetterOrDigit(p.src.charAt(end)) || p.src.charAt(end) == '_')) {
                end++;
            }
            String name = p.src.substring(p.pos, end);
            p.pos = end;
            return new Word.Param(name, null, null);
        }
        return new Word.Literal("$");
    }

    private Word.Part readBraceParam() {
        p.pos++;
        if (p.pos >= p.src.length()) {
            throw new Incomplete("}", p.line);
        }
        boolean length = false;
        if (p.src.charAt(p.pos) == '#' && p.pos + 1 < p.src.length() && p.src.charAt(p.pos + 1) != '}') {
            length = true;
            p.pos++;
        }
        int nameStart = p.pos;
        if (p.pos < p.src.length() && ("?$!#@*-".indexOf(p.src.charAt(p.pos)) >= 0)) {
            p.pos++;
        } else if (p.pos < p.src.length() && Character.isDigit(p.src.charAt(p.pos))) {
            while (p.pos < p.src.length() && Character.isDigit(p.src.charAt(p.pos))) {
                p.pos++;
            }
        } else {
            while (p.pos < p.src.length() && p.src.charAt(p.pos) < 128
                    && (Character.isLetterOrDigit(p.src.charAt(p.pos)) || p.src.charAt(p.pos) == '_')) {
                p.pos++;
            }
        }
        String name = p.src.substring(nameStart, p.pos);
        if (p.pos >= p.src.length()) {
            throw new Incomplete("}", p.line);
        }
        if (name.isEmpty()) {
            throw new BadSubstitution(p.line);
        }
        if (length) {
            if (p.src.charAt(p.pos) != '}') {
                throw new BadSubstitution(p.line);
            }
            p.pos++;
            return new Word.Param(name, "len", null);
        }
        if (p.src.charAt(p.pos) == '}') {
            p.pos++;
            return new Word.Param(name, null, null);
        }
        String op = null;
        if (p.bash && p.src.charAt(p.pos) == '[') {
            throw new ArraysNotModelled(p.line);
        }
        for (String candidate : p.bash ? new String[] {":-", ":=", ":?", ":+", "%%", "##", "//", "^^", ",,", "-", "=", "?", "+",
            "%", "#", "/", "^", ",", ":"} : new String[] {":-", ":=", ":?", ":+", "%%", "##", "-", "=", "?", "+", "%", "#"}) {
            if (p.src.startsWith(candidate, p.pos)) {
                op = candidate;
                break;
            }
        }
        if (op == null) {
            throw new BadSubstitution(p.line);
        }
        p.pos += op.length();
        Word arg = readBraceArg();
        return new Word.Param(name, op, arg);
    }

    /** Reads the double-quoted string, {@code $'...'} (bash), expansion or backquote that starts with {@code c}. */
    private Word.Part readQuoteOrExpansion(char c) {
        if (c == '"') {
            p.pos++;
            return new Word.DoubleQuoted(readQuotedParts(false));
        }
        if (c == '$' && p.bash && p.pos + 1 < p.src.length() && p.src.charAt(p.pos + 1) == '\'') {
            return new Word.Quoted(readAnsiC());
        }
        return c == '$' ? readDollar(false) : readBackquote();
    }

    /** Reads the word inside {@code ${name<op>...}} up to the closing brace. */
    private Word readBraceArg() {
        int start = p.pos;
        List<Word.Part> parts = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        int depth = 0;
        while (true) {
            if (p.pos >= p.src.length()) {
                throw new Incomplete("}", p.line);
            }
            char c = p.src.charAt(p.pos);
            if (c == '}' && depth == 0) {
                flush(parts, lit);
                Word w = new Word(parts, p.src.substring(start, p.pos));
                p.pos++;
                return w;
            }
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            }
            if (c == '\\' && p.pos + 1 < p.src.length()) {
                flush(parts, lit);
                parts.add(new Word.Quoted(String.valueOf(p.src.charAt(p.pos + 1))));
                p.pos += 2;
            } else if (c == '\'') {
                int end = p.src.indexOf('\'', p.pos + 1);
                if (end < 0) {
                    throw new Incomplete("'", p.line);
                }
                flush(parts, lit);
                parts.add(new Word.Quoted(p.src.substring(p.pos + 1, end)));
                p.pos = end + 1;
            } else if (c == '"' || c == '$' || c == '`') {
                flush(parts, lit);
                parts.add(readQuoteOrExpansion(c));
            } else {
                lit.append(c);
                p.pos++;
            }
        }
    }

}
