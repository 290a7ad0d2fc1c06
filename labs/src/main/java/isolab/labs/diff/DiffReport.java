package isolab.labs.diff;

import isolab.api.HostKind;
import java.util.List;

/** Two transcripts of one lab compared command by command. */
public record DiffReport(String labId, long seed, HostKind leftHost, HostKind rightHost, List<Comparison> comparisons) {

    public DiffReport {
        comparisons = List.copyOf(comparisons);
    }

    /** The commands the hosts disagree on. */
    public List<Comparison> disagreements() {
        return comparisons.stream().filter(c -> !c.agrees()).toList();
    }

    /** Whether the hosts agree on every command. */
    public boolean agrees() {
        return disagreements().isEmpty();
    }

    /** The last line of {@code lab diff}. */
    public String summary() {
        int n = disagreements().size();
        return n == 0
                ? "no disagreement: " + comparisons.size() + " commands agree"
                : n + " of " + comparisons.size() + " commands disagree";
    }
}
