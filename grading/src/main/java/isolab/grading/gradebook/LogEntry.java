package isolab.grading.gradebook;

import java.time.Instant;

/**
 * One step a student took, as stored: a command run ({@link Run}) or a move to another step of
 * the lab ({@link Advance}). {@code seq} numbers an attempt's entries from 1.
 */
public sealed interface LogEntry {

    int seq();

    /** The lab step the player was on (for {@link Advance}: the step it moved to). */
    int stepIndex();

    Instant takenAt();

    /** Null while the entry is live; when it was undone by stepping back. */
    Instant undoneAt();

    default boolean live() {
        return undoneAt() == null;
    }

    /**
     * {@code line} was run in {@code terminal} while on step {@code stepIndex}: the step's
     * {@code commandIndex}-th command, or one the student typed when {@code commandIndex} is null.
     * {@code output} and {@code status} are what the student was shown.
     */
    record Run(int seq, int stepIndex, Integer commandIndex, String terminal, String line, String output,
               int status, Instant takenAt, Instant undoneAt) implements LogEntry {

        /** Whether the student typed this line rather than running the lab's next command. */
        public boolean typed() {
            return commandIndex == null;
        }
    }

    /** The player moved to step {@code stepIndex}. */
    record Advance(int seq, int stepIndex, Instant takenAt, Instant undoneAt) implements LogEntry {
    }
}
