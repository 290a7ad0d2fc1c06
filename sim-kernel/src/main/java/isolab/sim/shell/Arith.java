package isolab.sim.shell;

import java.util.function.Function;

/**
 * Shell arithmetic ({@code $((...))}, XCU 2.6.4): signed 64-bit integers, C operators and
 * precedence, variables by name (unset or empty is 0), assignment operators. Division by zero and
 * malformed expressions raise {@link Error} with the shells' message.
 */
final class Arith {

    /** An arithmetic error, with the text after {@code $((...)): }. */
    static final class Error extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Error(String message) {
            super(message, null, false, false);
        }

        /** The same error in dash's words (arith_yacc.c). */
        String dashMessage() {
            String m = getMessage();
            if (m.startsWith("division by 0")) {
                return "division by zero";
            }
            if (m.contains("operand expected")) {
                return "expecting primary";
            }
            return "syntax error";
        }
    }

    /** Reads and writes shell variables. */
    interface Vars {
        String get(String name);

        void set(String name, String value);
    }

    private final String s;
    private final Vars vars;
    private String token = "";
    private int pos;

    private Arith(String s, Vars vars) {
        this.s = s;
        this.vars = vars;
    }

    static long eval(String expression, Vars vars) {
        Arith a = new Arith(expression, vars);
        a.skip();
        if (a.pos >= a.s.length()) {
            return 0;
        }
        long v = a.assignment();
        a.skip();
        if (a.pos < a.s.length()) {
            throw new Error("syntax error: invalid arithmetic operator (error token is \"" + a.s.substring(a.pos) + "\")");
        }
        return v;
    }

    private void skip() {
        while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
            pos++;
        }
    }

    private boolean eat(String op) {
        skip();
        if (s.startsWith(op, pos)) {
            pos += op.length();
            return true;
        }
        return false;
    }

    private boolean peek(String op) {
        skip();
        return s.startsWith(op, pos);
    }

    private long assignment() {
        skip();
        int save = pos;
        String name = name();
        if (name != null) {
            skip();
            for (String op : new String[] {"=", "+=", "-=", "*=", "/=", "%="}) {
                if (s.startsWith(op, pos) && !(op.equals("=") && s.startsWith("==", pos))) {
                    pos += op.length();
                    long rhs = assignment();
                    long cur = value(name);
                    long result = switch (op) {
                        case "=" -> rhs;
                        case "+=" -> cur + rhs;
                        case "-=" -> cur - rhs;
                        case "*=" -> cur * rhs;
                        case "/=" -> divide(cur, rhs);
                        default -> modulo(cur, rhs);
                    };
                    vars.set(name, Long.toString(result));
                    return result;
                }
            }
        }
        pos = save;
        return ternary();
    }

    private long ternary() {
        long cond = binary(0);
        if (eat("?")) {
            long a = assignment();
            if (!eat(":")) {
                throw new Error("syntax error in expression");
            }
            long b = assignment();
            return cond != 0 ? a : b;
        }
        return cond;
    }

    private static final String[][] LEVELS = {
        {"||"}, {"&&"}, {"|"}, {"^"}, {"&"}, {"==", "!="}, {"<=", ">=", "<", ">"}, {"<<", ">>"}, {"+", "-"},
        {"*", "/", "%"}};

    private long binary(int level) {
        if (level == LEVELS.length) {
            return power();
        }
        long left = binary(level + 1);
        while (true) {
            String found = null;
            for (String op : LEVELS[level]) {
                skip();
                if (s.startsWith(op, pos) && !longerOperator(op)) {
                    found = op;
                    break;
                }
            }
            if (found == null) {
                return left;
            }
            pos += found.length();
            skip();
            int rightStart = pos;
            long right = binary(level + 1);
            token = " (error token is \"" + s.substring(rightStart) + "\")";
            left = apply(found, left, right);
        }
    }

    private boolean longerOperator(String op) {
        String rest = s.substring(pos);
        return (op.equals("|") && rest.startsWith("||")) || (op.equals("&") && rest.startsWith("&&"))
                || (op.equals("<") && (rest.startsWith("<<") || rest.startsWith("<=")))
                || (op.equals(">") && (rest.startsWith(">>") || rest.startsWith(">=")))
                || (op.equals("*") && rest.startsWith("**")) || rest.startsWith(op + "=") && !op.equals("=")
                && !op.equals("!") && !op.equals("<") && !op.equals(">") && !op.equals("=");
    }

    private long apply(String op, long a, long b) {
        return switch (op) {
            case "||" -> (a != 0 || b != 0) ? 1 : 0;
            case "&&" -> (a != 0 && b != 0) ? 1 : 0;
            case "|" -> a | b;
            case "^" -> a ^ b;
            case "&" -> a & b;
            case "==" -> a == b ? 1 : 0;
            case "!=" -> a != b ? 1 : 0;
            case "<=" -> a <= b ? 1 : 0;
            case ">=" -> a >= b ? 1 : 0;
            case "<" -> a < b ? 1 : 0;
            case ">" -> a > b ? 1 : 0;
            case "<<" -> a << b;
            case ">>" -> a >> b;
            case "+" -> a + b;
            case "-" -> a - b;
            case "*" -> a * b;
            case "/" -> divide(a, b);
            default -> modulo(a, b);
        };
    }

    private long divide(long a, long b) {
        if (b == 0) {
            throw new Error("division by 0" + token);
        }
        return a / b;
    }

    private long modulo(long a, long b) {
        if (b == 0) {
            throw new Error("division by 0" + token);
        }
        return a % b;
    }

    private long power() {
        long base = unary();
        if (eat("**")) {
            long exp = power();
            long r = 1;
            for (long i = 0; i < exp; i++) {
                r *= base;
            }
            return r;
        }
        return base;
    }

    private long unary() {
        skip();
        if (eat("++") || eat("--")) {
            String op = s.substring(pos - 2, pos);
            skip();
            String name = name();
            if (name == null) {
                throw new Error("syntax error: operand expected");
            }
            long v = value(name) + (op.equals("++") ? 1 : -1);
            vars.set(name, Long.toString(v));
            return v;
        }
        if (eat("!")) {
            return unary() == 0 ? 1 : 0;
        }
        if (eat("~")) {
            return ~unary();
        }
        if (eat("-")) {
            return -unary();
        }
        if (eat("+")) {
            return unary();
        }
        return primary();
    }

    private long primary() {
        skip();
        if (eat("(")) {
            long v = assignment();
            if (!eat(")")) {
                throw new Error("missing `)'");
            }
            return v;
        }
        if (pos < s.length() && Character.isDigit(s.charAt(pos))) {
            int start = pos;
            while (pos < s.length() && Character.isLetterOrDigit(s.charAt(pos))) {
                pos++;
            }
            return number(s.substring(start, pos));
        }
        String name = name();
        if (name != null) {
            if (peek("++") || peek("--")) {
                String op = s.substring(pos, pos + 2);
                pos += 2;
                long v = value(name);
                vars.set(name, Long.toString(v + (op.equals("++") ? 1 : -1)));
                return v;
            }
            return value(name);
        }
        if (pos >= s.length()) {
            throw new Error("syntax error: operand expected (error token is \"" + s.substring(Math.max(0, pos - 1)) + "\")");
        }
        throw new Error("syntax error: operand expected (error token is \"" + s.substring(pos) + "\")");
    }

    private static long number(String text) {
        try {
            if (text.startsWith("0x") || text.startsWith("0X")) {
                return Long.parseLong(text.substring(2), 16);
            }
            if (text.length() > 1 && text.startsWith("0")) {
                return Long.parseLong(text.substring(1), 8);
            }
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new Error("value too great for base (error token is \"" + text + "\")");
        }
    }

    private String name() {
        skip();
        int start = pos;
        if (pos < s.length() && (Character.isLetter(s.charAt(pos)) || s.charAt(pos) == '_')) {
            while (pos < s.length() && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '_')) {
                pos++;
            }
            return s.substring(start, pos);
        }
        return null;
    }

    private long value(String name) {
        String v = vars.get(name);
        if (v == null || v.isBlank()) {
            return 0;
        }
        v = v.trim();
        if (Parser.isName(v)) {
            return value(v);
        }
        try {
            return eval(v, vars);
        } catch (Error e) {
            throw e;
        }
    }

    static Function<String, Long> evaluator(Vars vars) {
        return e -> eval(e, vars);
    }
}
