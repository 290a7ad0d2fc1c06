package isolab.labs.model;

import java.util.function.UnaryOperator;

/**
 * One runnable block of a lab, in document order, with the Markdown prose written before it.
 * {@link TranscriptStep}s hold commands; a {@link PredictStep} holds a question.
 */
public sealed interface Step permits TranscriptStep, PredictStep {

    /** The 1-based line of the block's opening fence. */
    int line();

    /** The Markdown prose between the previous step's block (or the front matter) and this block. */
    String narrative();

    /** Which block word made this step. */
    StepKind kind();

    /** This step with {@code f} applied to every text in it (parameter substitution). */
    Step map(UnaryOperator<String> f);
}
