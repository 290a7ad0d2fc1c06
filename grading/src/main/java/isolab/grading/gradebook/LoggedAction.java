package isolab.grading.gradebook;

import isolab.labs.run.Action;
import isolab.labs.run.Position;
import java.time.Instant;
import java.util.List;

/**
 * One action of an attempt's log, as stored: what the student did, where it left the session,
 * and the commands it ran. {@code seq} numbers an attempt's actions from 1 and is never reused.
 *
 * @param undoneAt null while the action is live; when stepping back undid it
 */
public record LoggedAction(int seq, Action action, Position after, List<RanCommand> commands, Instant takenAt,
                           Instant undoneAt) {

    public LoggedAction {
        commands = List.copyOf(commands);
    }

    /** Whether the action is part of the session (not undone). */
    public boolean live() {
        return undoneAt == null;
    }
}
