package isolab.labs.model;

import java.util.Locale;

/** The fenced-block words that make a step, as the block's info string starts with them. */
public enum StepKind {
    /** A demonstration transcript the student steps through command by command. */
    CONSOLE,
    /** Run before the lab goes on, not shown. */
    SETUP,
    /** Autograded after the student's own work. */
    CHECK,
    /** A question answered before the next step runs. */
    PREDICT,
    /** What a correct student would type; the self-test runs it before the checks. */
    SOLUTION;

    /** The word in the info string: {@code console}, {@code setup}, ... */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
