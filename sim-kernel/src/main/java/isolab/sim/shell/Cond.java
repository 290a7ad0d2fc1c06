package isolab.sim.shell;

/**
 * The expression inside bash's {@code [[ ... ]]} (parse.y: cond_expr), parsed with the command
 * rather than from its expanded arguments: operators are recognised before expansion, so an
 * empty variable is still an operand and {@code <} is a comparison, not a redirection.
 */
sealed interface Cond {

    /** A lone word: true if it expands to a non-empty string. */
    record Operand(Word word) implements Cond {
    }

    /** {@code -f file}, {@code -z string}, {@code -v name}, ... */
    record Unary(String op, Word arg) implements Cond {
    }

    /** {@code a == pattern}, {@code a =~ regex}, {@code a < b}, {@code n -eq m}, ... */
    record Binary(Word left, String op, Word right) implements Cond {
    }

    /** {@code ! expr}. */
    record Not(Cond expr) implements Cond {
    }

    /** {@code left && right}, evaluated left first and only as far as needed. */
    record And(Cond left, Cond right) implements Cond {
    }

    /** {@code left || right}, evaluated left first and only as far as needed. */
    record Or(Cond left, Cond right) implements Cond {
    }
}
