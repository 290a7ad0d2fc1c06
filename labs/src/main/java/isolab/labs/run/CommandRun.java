package isolab.labs.run;

import isolab.api.CommandResult;
import isolab.labs.match.Match;
import isolab.labs.model.Command;
import java.util.Optional;

/**
 * One command that ran in a session: where it came from, the terminal it ran in, what the
 * terminal showed (output, status, duration, the kernel's events) and how that matched.
 *
 * @param step the index of the lab step it belongs to, or -1 for a command the student typed
 * @param origin why it ran
 * @param terminal the terminal it ran in
 * @param command the lab's command with its expectations; empty for a typed command
 * @param result what the host returned
 * @param match how {@code result} fares against {@code command}'s expectations
 */
public record CommandRun(
        int step, Origin origin, String terminal, Optional<Command> command, CommandResult result, Match match) {

    /** Why a command ran. */
    public enum Origin {
        /** It is a command of a lab step, run in order. */
        STEP,
        /** The student typed it. */
        TYPED,
        /** It is a command of a check run on request ("check my work"). */
        CHECK
    }

    /** The command line as it ran. */
    public String line() {
        return result.line();
    }

    /** Whether the lab expects anything of this command. */
    public boolean checked() {
        return command.map(Command::hasExpectations).orElse(false);
    }
}
