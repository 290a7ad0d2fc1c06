package isolab.api;

import java.time.Duration;

/** A shell session on a host: command lines go in one at a time, results come back. */
public interface Terminal {

    /** How long {@link #run(String)} lets a command run before interrupting it. */
    Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    /** The terminal's name, unique on its host. */
    String name();

    /**
     * Runs one command line in whichever shell reads this terminal now and returns what the
     * terminal showed. The line may span several lines joined by a backslash-newline.
     */
    default CommandResult run(String line) {
        return run(line, DEFAULT_TIMEOUT);
    }

    /**
     * Runs one command line, interrupting it (as Ctrl-C would) when it takes longer than
     * {@code timeout}; the result then says {@link CommandResult#timedOut()}.
     */
    CommandResult run(String line, Duration timeout);
}
