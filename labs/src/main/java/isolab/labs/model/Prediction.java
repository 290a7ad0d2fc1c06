package isolab.labs.model;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The YAML body of a {@code predict} block: a question answered before the next step runs, and
 * where its key comes from — a literal {@code answer}, or {@code answer-from}, a command run on
 * the simulator for the student's parameters after the next step has run.
 *
 * @param question what the student is asked
 * @param type how answers are compared with the key
 * @param choices the allowed answers ({@link PredictionType#CHOICE} only; else empty)
 * @param answer the literal key, or empty when {@code answerFrom} gives it
 * @param answerFrom the command whose output gives the key, or empty when {@code answer} does
 * @param tolerance how far a number answer may be from the key ({@link Tolerance#EXACT} by default)
 * @param explain shown after the student answered; empty when the author wrote none
 */
public record Prediction(
        String question, PredictionType type, List<String> choices, Optional<String> answer,
        Optional<String> answerFrom, Tolerance tolerance, String explain) {

    public Prediction {
        choices = List.copyOf(choices);
        if (answer.isPresent() == answerFrom.isPresent()) {
            throw new IllegalArgumentException("exactly one of answer and answer-from is required");
        }
    }

    /**
     * Whether {@code answer} is right for {@code key}: for a number, its first number is within
     * {@link #tolerance()} of the key's; for text and choice, the trimmed texts are equal.
     */
    public boolean accepts(String answer, String key) {
        if (type != PredictionType.NUMBER) {
            return answer.trim().equals(key.trim());
        }
        var given = type.keyOf(answer);
        var expected = type.keyOf(key);
        return given.isPresent() && expected.isPresent()
                && tolerance.accepts(Double.parseDouble(expected.get()), Double.parseDouble(given.get()));
    }

    /** This prediction with {@code f} applied to every text in it (parameter substitution). */
    public Prediction map(UnaryOperator<String> f) {
        return new Prediction(f.apply(question), type, choices.stream().map(f).toList(), answer.map(f),
                answerFrom.map(f), tolerance, f.apply(explain));
    }
}
