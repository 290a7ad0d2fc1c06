package isolab.labs.run;

import isolab.api.HostKind;
import java.util.List;

/**
 * Every command a run of a lab executed, in order, on one host.
 *
 * @param labId the lab
 * @param seed the seed its parameters were drawn from
 * @param host where it ran
 * @param runs the commands in the order they ran
 */
public record Transcript(String labId, long seed, HostKind host, List<CommandRun> runs) {

    public Transcript {
        runs = List.copyOf(runs);
    }

    /** How many commands with expectations met them. */
    public int passed() {
        return (int) runs.stream().filter(r -> r.checked() && r.match().passed()).count();
    }

    /** How many commands with expectations did not meet them. */
    public int failed() {
        return (int) runs.stream().filter(r -> r.checked() && !r.match().passed()).count();
    }

    /** The last line of {@code lab run}: {@code N passed, M failed}. */
    public String summary() {
        return passed() + " passed, " + failed() + " failed";
    }
}
