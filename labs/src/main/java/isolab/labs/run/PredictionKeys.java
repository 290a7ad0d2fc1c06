package isolab.labs.run;

import isolab.api.CommandResult;
import isolab.api.Host;
import isolab.api.MachineConfig;
import isolab.labs.model.BoundLab;
import isolab.labs.model.Command;
import isolab.labs.model.PredictStep;
import isolab.labs.model.Prediction;
import isolab.labs.model.PredictionType;
import isolab.labs.model.Step;
import isolab.labs.model.TranscriptStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Computes prediction keys. A literal {@code answer} is its own key. For {@code answer-from} the
 * simulator is the oracle: a fresh simulated machine (the lab's cgroup layout, the student's seed)
 * runs the lab as an author would — setups, consoles, solutions, checks, in order — up to and
 * including the first transcript step after the prediction; then {@code answer-from} runs in the
 * prediction's {@code terminal} (default: that step's terminal) and its output gives the key: the
 * first number for a number prediction, the whole trimmed output otherwise.
 */
public final class PredictionKeys {

    /** A key that cannot be computed: the command printed no number, or a choice not listed. */
    public static final class KeyException extends Exception {
        private static final long serialVersionUID = 1L;

        KeyException(String message) {
            super(message);
        }
    }

    private final HostFactory simulator;

    /** Keys computed on hosts from {@code simulator}, which must give simulated hosts. */
    public PredictionKeys(HostFactory simulator) {
        this.simulator = simulator;
    }

    /** The key of the prediction at step {@code step} of {@code lab}. */
    public PredictionKey key(BoundLab lab, int step) throws KeyException {
        if (step < 0 || step >= lab.steps().size() || !(lab.steps().get(step) instanceof PredictStep predict)) {
            throw new IllegalArgumentException("step " + step + " of " + lab.id() + " is not a prediction");
        }
        Prediction prediction = predict.prediction();
        if (prediction.answer().isPresent()) {
            String key = prediction.type().keyOf(prediction.answer().get()).orElseThrow(
                    () -> new KeyException(where(lab, predict) + "the answer has no number"));
            return new PredictionKey(step, prediction, key, Optional.empty());
        }
        int next = lab.nextTranscriptStep(step).orElseThrow(
                () -> new KeyException(where(lab, predict) + "no step follows the prediction"));
        try (Host host = simulator.open(new MachineConfig(lab.front().cgroup(), lab.seed()))) {
            for (int i = 0; i <= next; i++) {
                Step s = lab.steps().get(i);
                if (s instanceof TranscriptStep transcript && Plan.WITH_SOLUTIONS.runs(s)) {
                    for (Command command : transcript.commands()) {
                        host.terminal(transcript.terminal()).run(command.text(), transcript.timeout());
                    }
                }
            }
            String terminal = predict.terminal().orElse(((TranscriptStep) lab.steps().get(next)).terminal());
            CommandResult result = host.terminal(terminal).run(prediction.answerFrom().orElseThrow());
            String key = prediction.type().keyOf(result.output()).orElseThrow(() -> new KeyException(where(lab, predict)
                    + "answer-from printed no number: " + quote(result.output())));
            if (prediction.type() == PredictionType.CHOICE && !prediction.choices().contains(key)) {
                throw new KeyException(where(lab, predict) + "answer-from printed " + quote(key)
                        + ", which is not one of the choices " + prediction.choices());
            }
            return new PredictionKey(step, prediction, key, Optional.of(result));
        }
    }

    /** The keys of every prediction of {@code lab}, in step order. */
    public List<PredictionKey> keys(BoundLab lab) throws KeyException {
        List<PredictionKey> keys = new ArrayList<>();
        for (int i = 0; i < lab.steps().size(); i++) {
            if (lab.steps().get(i) instanceof PredictStep) {
                keys.add(key(lab, i));
            }
        }
        return keys;
    }

    private static String where(BoundLab lab, PredictStep predict) {
        return lab.where(predict.line()) + ": seed " + lab.seed() + ": ";
    }

    private static String quote(String output) {
        String trimmed = output.strip();
        return trimmed.isEmpty() ? "nothing" : "\"" + (trimmed.length() > 80 ? trimmed.substring(0, 80) + "..." : trimmed) + "\"";
    }
}
