package isolab.labs.diff;

import isolab.labs.run.CommandRun;
import java.util.List;
import java.util.Optional;

/**
 * One command as two hosts ran it, after normalisation, and whether they agree.
 *
 * @param index the command's position in both transcripts
 * @param left the run on the first host; empty when that transcript ended early
 * @param right the run on the second host; empty when that transcript ended early
 * @param leftLines the first host's output, normalised
 * @param rightLines the second host's output, normalised
 * @param disagreement why they disagree; empty when they agree
 */
public record Comparison(
        int index, Optional<CommandRun> left, Optional<CommandRun> right, List<String> leftLines,
        List<String> rightLines, Optional<String> disagreement) {

    public Comparison {
        leftLines = List.copyOf(leftLines);
        rightLines = List.copyOf(rightLines);
    }

    /** Whether the hosts agree on this command. */
    public boolean agrees() {
        return disagreement.isEmpty();
    }

    /** The command line, from whichever side ran it. */
    public String line() {
        return left.or(() -> right).map(CommandRun::line).orElse("");
    }

    /** The terminal, from whichever side ran it. */
    public String terminal() {
        return left.or(() -> right).map(CommandRun::terminal).orElse("");
    }
}
