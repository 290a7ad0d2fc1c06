package isolab.sim.shell;

import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Runs bash's {@code [[ ... ]]} (execute_cmd.c: execute_cond_node): operands are expanded without
 * field splitting or globbing; the right side of {@code ==} and {@code !=} is a pattern and of
 * {@code =~} an extended regular expression searched anywhere in the left side, quoted parts
 * matching themselves; {@code -eq} and its kin compare arithmetic expressions; {@code <} and
 * {@code >} compare bytes (the POSIX locale). Status 0 true, 1 false, 2 for a bad regex.
 *
 * <p>Simplifies: no {@code BASH_REMATCH} (arrays are not modelled), no {@code nocasematch}.
 */
final class Conditional {

    /** A regex that does not compile: the command's status is 2, silently, as in bash. */
    private static final class BadRegex extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadRegex() {
            super(null, null, false, false);
        }
    }

    /** An arithmetic error in an operand of {@code -eq} and its kin: reported, status 1. */
    private static final class BadArith extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadArith(String message) {
            super(message, null, false, false);
        }
    }

    private final Shell sh;

    private Conditional(Shell sh) {
        this.sh = sh;
    }

    /** Evaluates {@code node}'s expression in {@code sh}; returns the command's status. */
    static int run(Shell sh, Node.Conditional node) {
        Conditional c = new Conditional(sh);
        try {
            if (sh.xtrace) {
                sh.proc.err("+ [[ " + c.trace(node.expression()) + " ]]\n");
            }
            return c.eval(node.expression()) ? 0 : 1;
        } catch (BadRegex bad) {
            return 2;
        } catch (BadArith bad) {
            sh.error("[[: " + bad.getMessage());
            return 1;
        }
    }

    private boolean eval(Cond cond) {
        if (cond instanceof Cond.Operand o) {
            return !word(o.word()).isEmpty();
        }
        if (cond instanceof Cond.Not n) {
            return !eval(n.expr());
        }
        if (cond instanceof Cond.And a) {
            return eval(a.left()) && eval(a.right());
        }
        if (cond instanceof Cond.Or o) {
            return eval(o.left()) || eval(o.right());
        }
        if (cond instanceof Cond.Unary u) {
            return unary(u.op(), word(u.arg()));
        }
        Cond.Binary b = (Cond.Binary) cond;
        return binary(b);
    }

    private String word(Word w) {
        return new Expander(sh).expandSingle(w, false);
    }

    private boolean unary(String op, String arg) {
        return switch (op) {
            case "-v" -> sh.getVar(arg) != null;
            case "-o" -> false;
            case "-R" -> false;
            case "-a" -> Test.unaryTest(sh, 'e', arg);
            case "-N" -> Test.unaryTest(sh, 'e', arg);
            default -> Test.unaryTest(sh, op.charAt(1), arg);
        };
    }

    private boolean binary(Cond.Binary b) {
        String left = word(b.left());
        switch (b.op()) {
            case "==", "=" -> {
                return Glob.match(new Expander(sh).expandPattern(b.right()), left);
            }
            case "!=" -> {
                return !Glob.match(new Expander(sh).expandPattern(b.right()), left);
            }
            case "=~" -> {
                return regex(new Expander(sh).expandRegex(b.right())).matcher(left).find();
            }
            case "<" -> {
                return left.compareTo(word(b.right())) < 0;
            }
            case ">" -> {
                return left.compareTo(word(b.right())) > 0;
            }
            case "-nt", "-ot", "-ef" -> {
                return Test.binaryTest(sh, left, b.op(), word(b.right()));
            }
            default -> {
                long l = arith(left);
                long r = arith(word(b.right()));
                return switch (b.op()) {
                    case "-eq" -> l == r;
                    case "-ne" -> l != r;
                    case "-lt" -> l < r;
                    case "-le" -> l <= r;
                    case "-gt" -> l > r;
                    default -> l >= r;
                };
            }
        }
    }

    private long arith(String expression) {
        try {
            return Arith.eval(expression, sh.arithVars());
        } catch (Arith.Error e) {
            throw new BadArith(expression + ": " + e.getMessage());
        }
    }

    /** A POSIX extended regular expression as a Java pattern (bracket expressions rewritten). */
    static Pattern regex(String ere) {
        StringBuilder java = new StringBuilder();
        int i = 0;
        while (i < ere.length()) {
            char c = ere.charAt(i);
            if (c == '\\' && i + 1 < ere.length()) {
                java.append(c).append(ere.charAt(i + 1));
                i += 2;
            } else if (c == '[') {
                i = bracket(ere, i, java);
            } else {
                java.append(c);
                i++;
            }
        }
        try {
            return Pattern.compile(java.toString());
        } catch (PatternSyntaxException e) {
            throw new BadRegex();
        }
    }

    private static final List<String> CLASSES = List.of(
            "alpha", "digit", "alnum", "upper", "lower", "space", "punct", "print", "graph", "cntrl", "xdigit", "blank");

    /** Copies the bracket expression at {@code start} in Java's syntax; returns the index after it. */
    private static int bracket(String ere, int start, StringBuilder java) {
        StringBuilder set = new StringBuilder("[");
        int i = start + 1;
        if (i < ere.length() && ere.charAt(i) == '^') {
            set.append('^');
            i++;
        }
        boolean first = true;
        while (i < ere.length()) {
            char c = ere.charAt(i);
            if (c == ']' && !first) {
                java.append(set).append(']');
                return i + 1;
            }
            first = false;
            if (c == '[' && i + 1 < ere.length() && ere.charAt(i + 1) == ':') {
                int end = ere.indexOf(":]", i + 2);
                String name = end < 0 ? "" : ere.substring(i + 2, end);
                if (!CLASSES.contains(name)) {
                    throw new BadRegex();
                }
                set.append("\\p{").append(name.equals("xdigit") ? "XDigit" : Character.toUpperCase(name.charAt(0))
                        + name.substring(1)).append('}');
                i = end + 2;
                continue;
            }
            if (c == '\\' || c == '[' || c == '&' || c == ']') {
                set.append('\\');
            }
            set.append(c);
            i++;
        }
        throw new BadRegex();
    }

    /** The expression as {@code set -x} shows it: operands expanded. */
    private String trace(Cond cond) {
        if (cond instanceof Cond.Operand o) {
            return word(o.word());
        }
        if (cond instanceof Cond.Not n) {
            return "! " + trace(n.expr());
        }
        if (cond instanceof Cond.And a) {
            return trace(a.left()) + " && " + trace(a.right());
        }
        if (cond instanceof Cond.Or o) {
            return trace(o.left()) + " || " + trace(o.right());
        }
        if (cond instanceof Cond.Unary u) {
            return u.op() + " " + word(u.arg());
        }
        Cond.Binary b = (Cond.Binary) cond;
        return word(b.left()) + " " + b.op() + " " + word(b.right());
    }
}
