package isolab.labs.model;

import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A {@code predict} block: a question answered before the next step runs.
 *
 * @param points what a right answer is worth ({@code points=N}, default 1)
 * @param terminal where {@code answer-from} runs ({@code terminal=NAME}, an isolab extension);
 *     empty means the terminal of the next transcript step
 * @param bodyLine the 1-based line of the first line of the YAML body
 */
public record PredictStep(
        int line, String narrative, int points, Optional<String> terminal, int bodyLine, Prediction prediction)
        implements Step {

    @Override
    public StepKind kind() {
        return StepKind.PREDICT;
    }

    @Override
    public PredictStep map(UnaryOperator<String> f) {
        return new PredictStep(line, f.apply(narrative), points, terminal.map(f), bodyLine, prediction.map(f));
    }
}
