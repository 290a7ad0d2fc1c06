package isolab.api;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a terminal showed for one command line.
 *
 * @param line the command line as typed
 * @param output stdout and stderr as the terminal showed them, {@code \n} line ends, without the
 *     prompt or the echo of the line; ends in {@code \n} exactly when the last line was ended
 * @param status the exit status the shell reports in {@code $?} afterwards
 * @param duration virtual time on the simulator, wall-clock time on a real host
 * @param timedOut whether the command was interrupted for running past its timeout
 * @param events the kernel decisions the command caused, in order (empty on a real host)
 */
public record CommandResult(
        String line, String output, int status, Duration duration, boolean timedOut, List<Event> events) {

    public CommandResult {
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(duration, "duration");
        events = List.copyOf(events);
    }

    /** The output split into lines, without their line ends; empty output gives no lines. */
    public List<String> lines() {
        if (output.isEmpty()) {
            return List.of();
        }
        String body = output.endsWith("\n") ? output.substring(0, output.length() - 1) : output;
        return List.of(body.split("\n", -1));
    }
}
