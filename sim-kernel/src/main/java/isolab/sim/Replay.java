package isolab.sim;

import isolab.api.CommandResult;
import isolab.api.MachineConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Stepping back, the simulator's way: a session is its machine config and its command log, and
 * any earlier state is rebuilt by booting a new machine with the same seed and replaying the log
 * up to that step. The run is a pure function of both, so the replayed state is the same state.
 */
public final class Replay {

    /** One entry of a command log: the terminal it was typed in, the line, and its timeout. */
    public record Step(String terminal, String line, Duration timeout) {
        /** A step with the default timeout. */
        public Step(String terminal, String line) {
            this(terminal, line, isolab.api.Terminal.DEFAULT_TIMEOUT);
        }
    }

    /** A machine rebuilt from a log, with what each step showed. The caller closes the host. */
    public record Replayed(SimulatedHost host, List<CommandResult> results) {
        public Replayed {
            results = List.copyOf(results);
        }
    }

    private Replay() {
    }

    /** Boots a machine from {@code config} and runs the first {@code count} steps of {@code log}. */
    public static Replayed replay(MachineConfig config, List<Step> log, int count) {
        SimulatedHost host = new SimulatedHost(config);
        List<CommandResult> results = new ArrayList<>();
        for (Step step : log.subList(0, Math.min(count, log.size()))) {
            results.add(host.terminal(step.terminal()).run(step.line(), step.timeout()));
        }
        return new Replayed(host, results);
    }
}
