package isolab.grading.score;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How one prediction is scored: its type, its tolerance (numbers) and its choices (choice). */
public record PredictionRule(AnswerType type, Tolerance tolerance, List<String> choices) {

    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");

    public PredictionRule {
        choices = List.copyOf(choices);
        if (type == AnswerType.CHOICE && choices.isEmpty()) {
            throw new IllegalArgumentException("a choice prediction needs choices");
        }
    }

    /** Scores {@code answer} against {@code key}. */
    public Verdict score(String answer, String key) {
        String given = normalise(answer);
        if (given.isEmpty()) {
            return Verdict.wrong("no answer was given");
        }
        return switch (type) {
            case NUMBER -> scoreNumber(given, key);
            case TEXT -> given.equals(normalise(key)) ? Verdict.right() : Verdict.wrong("the answer was " + normalise(key));
            case CHOICE -> scoreChoice(given, key);
        };
    }

    private Verdict scoreNumber(String given, String key) {
        Optional<BigDecimal> expected = firstNumber(key);
        if (expected.isEmpty()) {
            return Verdict.wrong("the key '" + key + "' has no number");
        }
        Optional<BigDecimal> number = wholeNumber(given);
        if (number.isEmpty()) {
            return Verdict.wrong("'" + given + "' is not a number");
        }
        return tolerance.accepts(number.get(), expected.get())
                ? Verdict.right()
                : Verdict.wrong("the answer was " + expected.get().toPlainString());
    }

    private Verdict scoreChoice(String given, String key) {
        if (choices.stream().map(PredictionRule::normalise).noneMatch(given::equals)) {
            return Verdict.wrong("'" + given + "' is not one of " + choices);
        }
        Optional<BigDecimal> givenNumber = wholeNumber(given);
        Optional<BigDecimal> keyNumber = firstNumber(key);
        boolean same = givenNumber.isPresent() && keyNumber.isPresent()
                ? givenNumber.get().compareTo(keyNumber.get()) == 0
                : given.equals(normalise(key));
        return same ? Verdict.right() : Verdict.wrong("the answer was " + normalise(key));
    }

    /** The first number in {@code text}, as LabMD keys a number prediction from command output. */
    public static Optional<BigDecimal> firstNumber(String text) {
        Matcher matcher = NUMBER.matcher(text);
        return matcher.find() ? Optional.of(new BigDecimal(matcher.group())) : Optional.empty();
    }

    private static Optional<BigDecimal> wholeNumber(String text) {
        return NUMBER.matcher(text).matches() ? Optional.of(new BigDecimal(text)) : Optional.empty();
    }

    private static String normalise(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ");
    }
}
