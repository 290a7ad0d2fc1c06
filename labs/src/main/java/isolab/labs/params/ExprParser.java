package isolab.labs.params;

/**
 * Parses the text of an {@code expr:} parameter into an {@link Expr}. The grammar, with the usual
 * precedence and left associativity:
 *
 * <pre>
 *   sum     = product { ("+" | "-") product }
 *   product = unary { ("*" | "/" | "%") unary }
 *   unary   = "-" unary | atom
 *   atom    = NUMBER | NAME | "(" sum ")"
 *   NUMBER  = [0-9]+            NAME = [A-Za-z_][A-Za-z0-9_]*
 * </pre>
 *
 * Spaces and tabs between tokens are ignored.
 */
public final class ExprParser {

    /** A syntax error at a 0-based column of the expression text. */
    public static final class SyntaxError extends Exception {
        private static final long serialVersionUID = 1L;
        private final int column;

        SyntaxError(int column, String message) {
            super(message);
            this.column = column;
        }

        /** The 0-based column of the expression text where the error is. */
        public int column() {
            return column;
        }
    }

    private final String text;
    private int pos;

    private ExprParser(String text) {
        this.text = text;
    }

    /** The tree of {@code text}; a {@link SyntaxError} says where and why it is not an expression. */
    public static Expr parse(String text) throws SyntaxError {
        ExprParser parser = new ExprParser(text);
        Expr expr = parser.sum();
        parser.skipBlanks();
        if (parser.pos < text.length()) {
            throw parser.error("unexpected '" + text.charAt(parser.pos) + "'");
        }
        return expr;
    }

    private Expr sum() throws SyntaxError {
        Expr left = product();
        while (peek('+') || peek('-')) {
            char op = text.charAt(pos++);
            left = new Expr.Binary(op, left, product());
        }
        return left;
    }

    private Expr product() throws SyntaxError {
        Expr left = unary();
        while (peek('*') || peek('/') || peek('%')) {
            char op = text.charAt(pos++);
            left = new Expr.Binary(op, left, unary());
        }
        return left;
    }

    private Expr unary() throws SyntaxError {
        if (peek('-')) {
            pos++;
            return new Expr.Neg(unary());
        }
        return atom();
    }

    private Expr atom() throws SyntaxError {
        skipBlanks();
        if (pos >= text.length()) {
            throw error("expression ends too early");
        }
        char c = text.charAt(pos);
        if (c == '(') {
            pos++;
            Expr inner = sum();
            if (!peek(')')) {
                throw error("missing ')'");
            }
            pos++;
            return inner;
        }
        if (Character.isDigit(c)) {
            int start = pos;
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
            try {
                return new Expr.Num(Long.parseLong(text.substring(start, pos)));
            } catch (NumberFormatException e) {
                pos = start;
                throw error("number too large");
            }
        }
        if (Character.isLetter(c) || c == '_') {
            int start = pos;
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
                pos++;
            }
            return new Expr.Ref(text.substring(start, pos));
        }
        throw error("unexpected '" + c + "'");
    }

    private boolean peek(char c) {
        skipBlanks();
        return pos < text.length() && text.charAt(pos) == c;
    }

    private void skipBlanks() {
        while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t')) {
            pos++;
        }
    }

    private SyntaxError error(String message) {
        return new SyntaxError(pos, message + " at column " + (pos + 1));
    }
}
