package isolab.labs.model;

import isolab.labs.params.ParamValues;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * A lab for one student: its parameters drawn from the student's seed and substituted into every
 * step. Steps are addressed by their index in {@link #steps()}, the same index in every binding.
 *
 * @param lab the lab as written
 * @param seed the seed the parameters were drawn from
 * @param params the drawn values, in declaration order
 * @param steps the steps with placeholders replaced
 * @param epilogue the prose after the last step, placeholders replaced
 */
public record BoundLab(Lab lab, long seed, ParamValues params, List<Step> steps, String epilogue) {

    public BoundLab {
        steps = List.copyOf(steps);
    }

    /** The lab's id. */
    public String id() {
        return lab.id();
    }

    /** The lab's file name, for messages. */
    public String file() {
        return lab.file();
    }

    /** The lab's front matter. */
    public FrontMatter front() {
        return lab.front();
    }

    /** The indices of the steps of {@code kind}, in order. */
    public List<Integer> indicesOf(StepKind kind) {
        List<Integer> indices = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).kind() == kind) {
                indices.add(i);
            }
        }
        return indices;
    }

    /** The index of the first transcript step after {@code index}, if there is one. */
    public OptionalInt nextTranscriptStep(int index) {
        for (int i = index + 1; i < steps.size(); i++) {
            if (steps.get(i) instanceof TranscriptStep) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }

    /** The points of every check and prediction together. */
    public int totalPoints() {
        int total = 0;
        for (Step step : steps) {
            if (step instanceof CheckStep check) {
                total += check.points();
            } else if (step instanceof PredictStep predict) {
                total += predict.points();
            }
        }
        return total;
    }

    /** {@code file:line}, for messages about a line of this lab. */
    public String where(int line) {
        return lab.file() + ":" + line;
    }
}
