package isolab.labs.run;

import isolab.labs.model.Step;
import isolab.labs.model.StepKind;

/** Which blocks a run executes: an author's run includes the solutions, a student's does not. */
public enum Plan {
    /** setup, console, solution and check blocks, in order: {@code lab run}, the differ, the self-test's first pass. */
    WITH_SOLUTIONS,
    /** setup, console and check blocks: a student in the player, the self-test's second pass. */
    WITHOUT_SOLUTIONS;

    /** Whether this plan runs {@code step}'s commands. */
    public boolean runs(Step step) {
        return switch (step.kind()) {
            case SETUP, CONSOLE, CHECK -> true;
            case SOLUTION -> this == WITH_SOLUTIONS;
            case PREDICT -> false;
        };
    }

    /** Whether the position may rest on {@code step}: setups run unseen, skipped solutions are passed. */
    boolean restsOn(Step step) {
        return step.kind() != StepKind.SETUP && (step.kind() != StepKind.SOLUTION || this == WITH_SOLUTIONS);
    }
}
