package isolab.labs.run;

/**
 * One thing a person did in a session. A session is its lab, its seed, its plan and the log of
 * these; replaying the log on a fresh host gives the same session again.
 */
public sealed interface Action {

    /**
     * One unit forward: run the next command of the current console or solution step; run a
     * check step whole; or, when the current step is done (or is a prediction), move to the next
     * step.
     */
    record Next() implements Action {
    }

    /** Run the rest of the current step's commands, then move to the next step. */
    record Forward() implements Action {
    }

    /** The student typed {@code line} into terminal {@code terminal}. */
    record Type(String terminal, String line) implements Action {
    }

    /** Run check step {@code step} now ("check my work"), wherever the session is. */
    record RunCheck(int step) implements Action {
    }
}
