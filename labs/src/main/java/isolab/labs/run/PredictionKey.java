package isolab.labs.run;

import isolab.api.CommandResult;
import isolab.labs.model.Prediction;
import java.util.Optional;

/**
 * The key of one prediction for one student: the answer a right prediction gives.
 *
 * @param step the index of the predict step
 * @param prediction the prediction, bound to the student's parameters
 * @param key the key: a number's digits for {@link isolab.labs.model.PredictionType#NUMBER},
 *     the trimmed text otherwise
 * @param source what the simulator showed for {@code answer-from}; empty for a literal answer
 */
public record PredictionKey(int step, Prediction prediction, String key, Optional<CommandResult> source) {

    /** Whether {@code answer} is right, by the prediction's type and tolerance. */
    public boolean accepts(String answer) {
        return prediction.accepts(answer, key);
    }
}
