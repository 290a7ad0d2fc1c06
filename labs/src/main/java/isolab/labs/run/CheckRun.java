package isolab.labs.run;

import java.util.List;

/**
 * One run of a check step: its commands and whether every expectation of every one held, which
 * is what earns the check its points.
 */
public record CheckRun(int step, List<CommandRun> commands) {

    public CheckRun {
        commands = List.copyOf(commands);
    }

    /** Whether every command of the check matched. */
    public boolean passed() {
        return commands.stream().allMatch(run -> run.match().passed());
    }
}
