package isolab.sim.shell;

import isolab.sim.shell.Parser.Incomplete;
import isolab.sim.shell.Parser.SyntaxError;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses bash's {@code [[ expr ]]} at the parser's cursor (parse.y: parse_cond_command) into a
 * {@link Cond}: operators are recognised before expansion, {@code < >} are comparisons, the right
 * side of {@code =~} may hold unquoted parentheses and bars, and malformed input gets bash's own
 * conditional messages.
 */
final class CondParser {

    private final Parser p;

    CondParser(Parser p) {
        this.p = p;
    }


    private static final List<String> COND_UNARY = List.of(
            "-a", "-b", "-c", "-d", "-e", "-f", "-g", "-h", "-k", "-p", "-r", "-s", "-t", "-u", "-w", "-x", "-G",
            "-L", "-N", "-O", "-S", "-n", "-z", "-o", "-v", "-R");
    private static final List<String> COND_BINARY = List.of(
            "==", "=", "!=", "=~", "-eq", "-ne", "-lt", "-le", "-gt", "-ge", "-nt", "-ot", "-ef");

    /** bash's {@code [[ expr ]]} (parse.y: parse_cond_command): operators are read before expansion. */
    Node parseConditional() {
        int startLine = p.line;
        p.words.readWord();
        p.skipBlanks();
        if ("]]".equals(p.peekPlainWord())) {
            throw new SyntaxError("]]", p.line);
        }
        Cond expression = condOr();
        p.skipBlanks();
        if (p.pos >= p.src.length()) {
            throw new Incomplete("]]", p.line);
        }
        if (!"]]".equals(p.peekPlainWord())) {
            throw condError("syntax error in conditional expression");
        }
        p.words.readWord();
        return new Node.Conditional(expression, startLine, p.parseRedirects());
    }

    private SyntaxError condError(String message) {
        return new SyntaxError(p.tokenAt(), p.line, message);
    }

    private Cond condOr() {
        Cond left = condAnd();
        while (true) {
            p.skipBlanks();
            if (!"||".equals(p.peekOp())) {
                return left;
            }
            p.pos += 2;
            left = new Cond.Or(left, condAnd());
        }
    }

    private Cond condAnd() {
        Cond left = condTerm();
        while (true) {
            p.skipBlanks();
            if (!"&&".equals(p.peekOp())) {
                return left;
            }
            p.pos += 2;
            left = new Cond.And(left, condTerm());
        }
    }

    private Cond condTerm() {
        p.skipBlanksAndNewlines();
        if (p.pos >= p.src.length()) {
            throw new Incomplete("]]", p.line);
        }
        String op = p.peekOp();
        if ("(".equals(op)) {
            p.pos++;
            Cond inner = condOr();
            p.skipBlanksAndNewlines();
            if (p.pos >= p.src.length()) {
                throw new Incomplete("]]", p.line);
            }
            if (!")".equals(p.peekOp())) {
                throw condError("expected `)'");
            }
            p.pos++;
            return inner;
        }
        if (op != null) {
            throw condError("unexpected token `" + p.tokenAt() + "' in conditional command");
        }
        String plain = p.peekPlainWord();
        if ("]]".equals(plain)) {
            throw condError("unexpected token `]]' in conditional command");
        }
        if ("!".equals(plain)) {
            p.words.readWord();
            return new Cond.Not(condTerm());
        }
        Word first = p.words.readWord();
        p.skipBlanks();
        if (plain != null && COND_UNARY.contains(plain) && !atCondEnd()) {
            String next = p.peekPlainWord();
            if (next == null || !COND_BINARY.contains(next)) {
                if (p.peekOp() != null) {
                    throw condError("unexpected argument `" + p.tokenAt() + "' to conditional unary operator");
                }
                return new Cond.Unary(plain, p.words.readWord());
            }
        }
        if (plain != null && COND_UNARY.contains(plain) && atCondEnd()) {
            throw condError("unexpected argument `" + p.tokenAt() + "' to conditional unary operator");
        }
        if (atCondEnd()) {
            return new Cond.Operand(first);
        }
        String binary = condBinaryOp();
        if (binary == null) {
            String token = p.tokenAt();
            throw condError(token.equals("newline") ? "unexpected token `newline', conditional binary operator expected"
                    : "conditional binary operator expected");
        }
        p.skipBlanks();
        if (atCondEnd() || p.pos >= p.src.length() || p.peekOp() != null) {
            throw condError("unexpected argument `" + p.tokenAt() + "' to conditional binary operator");
        }
        Word right = binary.equals("=~") ? readRegexWord() : p.words.readWord();
        return new Cond.Binary(first, binary, right);
    }

    /** Whether the next token ends a term: {@code ]]}, {@code &&}, {@code ||} or {@code )}. */
    private boolean atCondEnd() {
        String op = p.peekOp();
        if (op != null) {
            return op.equals("&&") || op.equals("||") || op.equals(")");
        }
        return "]]".equals(p.peekPlainWord());
    }

    private String condBinaryOp() {
        String op = p.peekOp();
        if ("<".equals(op) || ">".equals(op)) {
            p.pos++;
            return op;
        }
        if (op != null) {
            return null;
        }
        String w = p.peekPlainWord();
        if (w != null && COND_BINARY.contains(w)) {
            p.words.readWord();
            return w;
        }
        return null;
    }

    /**
     * The right side of {@code =~} (parse.y: parse_cond_command reads it with parens and bars as
     * ordinary characters): a word that may hold unquoted {@code ( ) |} and, inside parentheses, blanks.
     */
    private Word readRegexWord() {
        int start = p.pos;
        List<Word.Part> parts = new ArrayList<>();
        int depth = 0;
        while (p.pos < p.src.length()) {
            char c = p.src.charAt(p.pos);
            if (c == '\n' || ((c == ' ' || c == '\t') && depth == 0)) {
                break;
            }
            if (c == '(' || c == '|' || c == ' ' || c == '\t' || (c == ')' && depth > 0)) {
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
                parts.add(new Word.Literal(String.valueOf(c)));
                p.pos++;
                continue;
            }
            if (Words.isMeta(c)) {
                break;
            }
            parts.addAll(p.words.readWord().parts());
        }
        return new Word(parts, p.src.substring(start, p.pos));
    }

}
