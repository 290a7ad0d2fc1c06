package isolab.labs.params;

import java.util.List;

/**
 * One parameter of a lab's front matter, as declared: a name, the line it is declared on, and how
 * its value is drawn from the student's seed.
 */
public sealed interface ParamSpec {

    /** The parameter's name, used as {@code {{name}}}. */
    String name();

    /** The 1-based line of the lab file where the parameter is declared. */
    int line();

    /** {@code {int: [lo, hi], step: s}}: one of lo, lo+s, lo+2s, ... not above hi, uniformly. */
    record IntParam(String name, int line, long lo, long hi, long step) implements ParamSpec {
        public IntParam {
            if (step <= 0 || hi < lo) {
                throw new IllegalArgumentException("need lo <= hi and step > 0");
            }
        }

        /** How many values the parameter can take. */
        public long count() {
            return (hi - lo) / step + 1;
        }
    }

    /** {@code {pick: [a, b, c]}}: one of the choices, uniformly; each choice as written. */
    record PickParam(String name, int line, List<String> choices) implements ParamSpec {
        public PickParam {
            choices = List.copyOf(choices);
            if (choices.isEmpty()) {
                throw new IllegalArgumentException("need at least one choice");
            }
        }
    }

    /** {@code {expr: "a * 2"}}: integer arithmetic over parameters declared before it. */
    record ExprParam(String name, int line, String source, Expr expr) implements ParamSpec {
    }
}
