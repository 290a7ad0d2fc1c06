package isolab.grading.gradebook;

import java.time.Instant;

/** A student's answer to the prediction at {@code stepIndex}, with the key it was scored against. */
public record PredictionAnswer(long attemptId, int stepIndex, String answer, String key, boolean correct,
                               int pointsAwarded, int pointsPossible, Instant answeredAt) {
}
