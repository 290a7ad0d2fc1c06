package isolab.grading.score;

import isolab.labs.model.Prediction;
import isolab.labs.model.PredictionType;

/** Scores a prediction's answer against its key. */
public final class PredictionGrader {

    private PredictionGrader() {
    }

    /** The verdict on {@code answer} to {@code prediction} whose key is {@code key}. */
    public static Verdict grade(Prediction prediction, String answer, String key) {
        String given = answer == null ? "" : answer.trim();
        if (given.isEmpty()) {
            return Verdict.wrong("no answer was given");
        }
        PredictionType type = prediction.type();
        if (type == PredictionType.CHOICE && prediction.choices().stream().map(String::trim).noneMatch(given::equals)) {
            return Verdict.wrong("'" + given + "' is not one of " + prediction.choices());
        }
        if (type == PredictionType.NUMBER && type.keyOf(given).isEmpty()) {
            return Verdict.wrong("'" + given + "' is not a number");
        }
        if (prediction.accepts(given, key)) {
            return Verdict.right();
        }
        return Verdict.wrong("the answer was " + type.keyOf(key).orElse(key.trim()));
    }
}
