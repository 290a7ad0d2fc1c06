package isolab.labs.model;

import isolab.labs.params.Draw;
import isolab.labs.params.ParamValues;
import isolab.labs.params.Placeholders;
import java.util.List;

/**
 * A lab as its author wrote it: front matter, then steps whose texts still hold {@code {{name}}}
 * placeholders. {@link #bind} draws a student's parameters and substitutes them.
 *
 * @param file the file name as the user gave it, for messages ({@code uts-and-pid.lab.md})
 * @param front the front matter
 * @param steps every runnable block, in document order
 * @param epilogue the Markdown prose after the last block
 */
public record Lab(String file, FrontMatter front, List<Step> steps, String epilogue) {

    public Lab {
        steps = List.copyOf(steps);
    }

    /** The lab's id from its front matter. */
    public String id() {
        return front.id();
    }

    /**
     * This lab for the student whose seed is {@code seed}: parameters drawn, every placeholder
     * replaced. Fails only when an {@code expr} cannot be computed for this seed.
     */
    public BoundLab bind(long seed) throws LabFormatException {
        ParamValues values;
        try {
            values = Draw.values(front.params(), seed);
        } catch (Draw.DrawError e) {
            throw new LabFormatException(List.of(new LabError(file, e.param().line(),
                    e.getMessage() + " (seed " + seed + ")")));
        }
        List<Step> bound = steps.stream().map(step -> step.map(text -> Placeholders.substitute(text, values))).toList();
        return new BoundLab(this, seed, values, bound, Placeholders.substitute(epilogue, values));
    }
}
