package isolab.labs.params;

import java.util.function.Function;

/**
 * The tree of an {@code expr:} parameter: integer arithmetic over numbers and earlier parameters.
 * Evaluation is 64-bit integer arithmetic; {@code /} truncates toward zero and {@code %} takes the
 * sign of the dividend, as in C and Java; overflow and division by zero are errors, never wrapped.
 */
public sealed interface Expr {

    /** The value of this expression, looking parameters up with {@code lookup}. */
    long eval(Function<String, Long> lookup);

    /** An integer literal. */
    record Num(long value) implements Expr {
        @Override
        public long eval(Function<String, Long> lookup) {
            return value;
        }
    }

    /** A reference to an earlier parameter by name. */
    record Ref(String name) implements Expr {
        @Override
        public long eval(Function<String, Long> lookup) {
            return lookup.apply(name);
        }
    }

    /** Unary minus. */
    record Neg(Expr operand) implements Expr {
        @Override
        public long eval(Function<String, Long> lookup) {
            return Math.negateExact(operand.eval(lookup));
        }
    }

    /** A binary operation: one of {@code + - * / %}. */
    record Binary(char op, Expr left, Expr right) implements Expr {
        @Override
        public long eval(Function<String, Long> lookup) {
            long a = left.eval(lookup);
            long b = right.eval(lookup);
            return switch (op) {
                case '+' -> Math.addExact(a, b);
                case '-' -> Math.subtractExact(a, b);
                case '*' -> Math.multiplyExact(a, b);
                case '/' -> {
                    if (b == 0) {
                        throw new ArithmeticException("division by zero");
                    }
                    if (a == Long.MIN_VALUE && b == -1) {
                        throw new ArithmeticException("long overflow");
                    }
                    yield a / b;
                }
                case '%' -> {
                    if (b == 0) {
                        throw new ArithmeticException("division by zero");
                    }
                    yield a % b;
                }
                default -> throw new IllegalStateException("unknown operator " + op);
            };
        }
    }

    /** Every parameter name this expression refers to, in order of appearance. */
    default java.util.List<String> references() {
        java.util.List<String> names = new java.util.ArrayList<>();
        collect(this, names);
        return names;
    }

    private static void collect(Expr expr, java.util.List<String> names) {
        if (expr instanceof Ref ref) {
            names.add(ref.name());
        } else if (expr instanceof Neg neg) {
            collect(neg.operand(), names);
        } else if (expr instanceof Binary binary) {
            collect(binary.left(), names);
            collect(binary.right(), names);
        }
    }
}
