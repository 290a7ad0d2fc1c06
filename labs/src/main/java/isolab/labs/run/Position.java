package isolab.labs.run;

/**
 * Where a session is: the step it rests on and how many of that step's commands have run.
 *
 * @param step the index of the current step; the number of steps once the lab is finished
 * @param command how many commands of the current step have run; equal to their number when the
 *     step is done (a prediction is done once it is passed)
 */
public record Position(int step, int command) {

    /** The start of step {@code step}. */
    public static Position startOf(int step) {
        return new Position(step, 0);
    }
}
