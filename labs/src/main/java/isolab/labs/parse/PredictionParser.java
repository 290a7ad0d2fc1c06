package isolab.labs.parse;

import isolab.labs.model.Prediction;
import isolab.labs.model.PredictionType;
import isolab.labs.model.Tolerance;
import isolab.labs.params.Placeholders;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads the YAML body of a {@code predict} block. Placeholders are masked before SnakeYAML reads
 * the body, so {@code answer: {{n}}} is a value to substitute later, not a YAML flow mapping;
 * every text of the result is a template like the rest of the lab.
 */
final class PredictionParser {

    private static final List<String> KEYS =
            List.of("question", "type", "choices", "answer", "answer-from", "tolerance", "explain");

    private final Problems problems;

    PredictionParser(Problems problems) {
        this.problems = problems;
    }

    /** The prediction of {@code body}, whose first line is file line {@code firstLine}; empty when wrong. */
    Optional<Prediction> parse(String body, int firstLine, int fenceLine) {
        Yaml yaml = new Yaml(problems, firstLine);
        Optional<Node> root = yaml.compose(Placeholders.mask(body));
        if (root.isEmpty()) {
            if (body.isBlank()) {
                problems.add(fenceLine, "a predict block needs a YAML body with question and answer or answer-from");
            }
            return Optional.empty();
        }
        String question = null;
        PredictionType type = PredictionType.TEXT;
        List<String> choices = null;
        int choicesLine = 0;
        String answer = null;
        int answerLine = 0;
        String answerFrom = null;
        Tolerance tolerance = Tolerance.EXACT;
        int toleranceLine = 0;
        String explain = "";
        for (Yaml.Entry entry : yaml.entries(root.get(), "a predict body")) {
            String what = "'" + entry.key() + "'";
            switch (entry.key()) {
                case "question" -> question = yaml.scalar(entry.value(), what).map(Placeholders::unmask).orElse(null);
                case "type" -> type = type(yaml.scalar(entry.value(), what).orElse("text"), entry.line());
                case "choices" -> {
                    choices = yaml.scalars(entry.value(), what)
                            .map(list -> list.stream().map(Placeholders::unmask).toList()).orElse(null);
                    choicesLine = entry.line();
                }
                case "answer" -> {
                    answer = yaml.scalar(entry.value(), what).map(Placeholders::unmask).orElse(null);
                    answerLine = entry.line();
                }
                case "answer-from" -> answerFrom = yaml.scalar(entry.value(), what).map(Placeholders::unmask).orElse(null);
                case "tolerance" -> {
                    toleranceLine = entry.line();
                    tolerance = yaml.scalar(entry.value(), what).map(t -> tolerance(t, entry.line())).orElse(Tolerance.EXACT);
                }
                case "explain" -> explain = yaml.scalar(entry.value(), what).map(Placeholders::unmask).orElse("");
                default -> problems.add(entry.line(), "unknown prediction key '" + entry.key() + "' (expected "
                        + String.join(", ", KEYS) + ")");
            }
        }
        boolean ok = true;
        if (question == null || question.isBlank()) {
            problems.add(firstLine, "a prediction needs a question");
            ok = false;
        }
        if ((answer == null) == (answerFrom == null)) {
            problems.add(firstLine, "a prediction needs exactly one of 'answer' and 'answer-from'");
            ok = false;
        }
        if (type == PredictionType.CHOICE && (choices == null || choices.isEmpty())) {
            problems.add(firstLine, "a prediction of type choice needs 'choices: [a, b, ...]'");
            ok = false;
        }
        if (type != PredictionType.CHOICE && choices != null) {
            problems.add(choicesLine, "'choices' is only for type: choice (this one is " + type.flag() + ")");
            ok = false;
        }
        if (type != PredictionType.NUMBER && toleranceLine > 0) {
            problems.add(toleranceLine, "'tolerance' is only for type: number (this one is " + type.flag() + ")");
            ok = false;
        }
        if (answer != null && Placeholders.scan(answer).placeholders().isEmpty()) {
            ok &= literalAnswerFits(answer, answerLine, type, choices);
        }
        if (!ok) {
            return Optional.empty();
        }
        return Optional.of(new Prediction(question, type, choices == null ? List.of() : choices,
                Optional.ofNullable(answer), Optional.ofNullable(answerFrom), tolerance, explain));
    }

    /** Whether a literal key suits the type; reported when it does not. Also used after binding. */
    boolean literalAnswerFits(String answer, int line, PredictionType type, List<String> choices) {
        if (type == PredictionType.NUMBER && type.keyOf(answer).isEmpty()) {
            problems.add(line, "the answer of a number prediction must be a number, not '" + answer + "'");
            return false;
        }
        if (type == PredictionType.CHOICE && choices != null && !choices.contains(answer.trim())) {
            problems.add(line, "the answer '" + answer + "' is not one of the choices " + choices);
            return false;
        }
        return true;
    }

    private PredictionType type(String text, int line) {
        for (PredictionType type : PredictionType.values()) {
            if (type.flag().equals(text)) {
                return type;
            }
        }
        problems.add(line, "unknown prediction type '" + text + "' (expected number, text or choice)");
        return PredictionType.TEXT;
    }

    private Tolerance tolerance(String text, int line) {
        try {
            return Tolerance.parse(text);
        } catch (IllegalArgumentException e) {
            problems.add(line, e.getMessage());
            return Tolerance.EXACT;
        }
    }
}
