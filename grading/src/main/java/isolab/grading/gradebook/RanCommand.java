package isolab.grading.gradebook;

import isolab.labs.run.CommandRun;

/**
 * One command an action ran, as the student was shown it.
 *
 * @param stepIndex the lab step it belongs to; -1 for a line the student typed
 * @param typed whether the student typed it
 * @param terminal the terminal it ran in
 * @param line the command line
 * @param output what the terminal showed
 * @param status its exit status
 * @param matched whether it met the lab's expectations; null when the lab expects nothing of it
 */
public record RanCommand(int stepIndex, boolean typed, String terminal, String line, String output, int status,
                         Boolean matched) {

    /** Outputs longer than this are cut when stored (the column holds a million characters). */
    public static final int OUTPUT_CHARS_MAX = 900_000;

    /** How a command run of a session is stored. */
    public static RanCommand of(CommandRun run) {
        String output = run.result().output();
        if (output.length() > OUTPUT_CHARS_MAX) {
            output = output.substring(0, OUTPUT_CHARS_MAX) + "\n[output cut at " + OUTPUT_CHARS_MAX + " characters]\n";
        }
        if (run.result().timedOut()) {
            output += (output.isEmpty() || output.endsWith("\n") ? "" : "\n")
                    + "^C [interrupted: the command ran past its time limit]\n";
        }
        boolean typed = run.origin() == CommandRun.Origin.TYPED;
        return new RanCommand(typed ? -1 : run.step(), typed, run.terminal(), run.line(), output,
                run.result().status(), run.checked() ? run.match().passed() : null);
    }
}
