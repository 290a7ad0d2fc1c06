package isolab.labs.params;

import isolab.sim.determinism.SplitMix64;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Draws the values of a lab's parameters from a seed. The algorithm is part of the lab format:
 * the same lab and seed give the same values on every machine, forever.
 *
 * <pre>
 *   root = new SplitMix64(seed)
 *   for each parameter, in declaration order:
 *       stream = root.split()                       // every parameter takes one, expr included
 *       int:  value = lo + step * stream.nextLong((hi - lo) / step + 1)
 *       pick: value = choices[stream.nextInt(choices.size())]
 *       expr: value = the expression over the values drawn so far (the stream is unused)
 * </pre>
 */
public final class Draw {

    /** A value that could not be computed for this seed (an expr divided by zero, overflowed). */
    public static final class DrawError extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient ParamSpec param;

        DrawError(ParamSpec param, String message) {
            super(message);
            this.param = param;
        }

        /** The parameter whose value could not be computed. */
        public ParamSpec param() {
            return param;
        }
    }

    private Draw() {
    }

    /** The values of {@code params} for {@code seed}. */
    public static ParamValues values(List<ParamSpec> params, long seed) throws DrawError {
        SplitMix64 root = new SplitMix64(seed);
        List<ParamValues.Value> drawn = new ArrayList<>();
        for (ParamSpec param : params) {
            SplitMix64 stream = root.split();
            drawn.add(new ParamValues.Value(param.name(), draw(param, stream, new ParamValues(drawn))));
        }
        return new ParamValues(drawn);
    }

    private static String draw(ParamSpec param, SplitMix64 stream, ParamValues earlier) throws DrawError {
        if (param instanceof ParamSpec.IntParam p) {
            return Long.toString(p.lo() + p.step() * stream.nextLong(p.count()));
        }
        if (param instanceof ParamSpec.PickParam p) {
            return p.choices().get(stream.nextInt(p.choices().size()));
        }
        ParamSpec.ExprParam p = (ParamSpec.ExprParam) param;
        try {
            return Long.toString(p.expr().eval(name -> integer(earlier.get(name), name)));
        } catch (ArithmeticException e) {
            throw new DrawError(param, "expr '" + p.source() + "' of '" + p.name() + "': " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new DrawError(param, "expr '" + p.source() + "' of '" + p.name() + "': " + e.getMessage());
        }
    }

    private static long integer(Optional<String> text, String name) {
        String value = text.orElseThrow(() -> new IllegalArgumentException("'" + name + "' is not an earlier parameter"));
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + name + "' is '" + value + "', not an integer");
        }
    }
}
