package isolab.labs.model;

import java.time.Duration;
import java.util.List;

/**
 * A step whose block is a terminal transcript: {@code console}, {@code setup}, {@code check} or
 * {@code solution}. Its commands run one after another in one named terminal.
 */
public sealed interface TranscriptStep extends Step permits ConsoleStep, SetupStep, CheckStep, SolutionStep {

    /** The block's attributes that every transcript block has. */
    BlockOptions options();

    /** The commands, in order. */
    List<Command> commands();

    /** The terminal the commands run in ({@code main} unless {@code terminal=NAME}). */
    default String terminal() {
        return options().terminal();
    }

    /** How long each command may run ({@code timeout=SECONDS}, an isolab extension). */
    default Duration timeout() {
        return options().timeout();
    }

    /** How far numbers may differ between hosts in the differ ({@code tolerance=}, an isolab extension). */
    default Tolerance tolerance() {
        return options().tolerance();
    }
}
