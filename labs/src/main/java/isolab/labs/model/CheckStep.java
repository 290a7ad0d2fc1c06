package isolab.labs.model;

import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A {@code check} block: autograded after the student's own work; it earns its points when every
 * expectation of every command in it holds.
 *
 * @param points what the check is worth ({@code points=N}, default 1)
 * @param title what the student sees it called ({@code title="..."}; empty when none was given)
 * @param hidden whether its commands are kept from the student ({@code hidden})
 */
public record CheckStep(
        int line, String narrative, BlockOptions options, int points, String title, boolean hidden,
        List<Command> commands) implements TranscriptStep {

    public CheckStep {
        commands = List.copyOf(commands);
    }

    @Override
    public StepKind kind() {
        return StepKind.CHECK;
    }

    @Override
    public CheckStep map(UnaryOperator<String> f) {
        return new CheckStep(line, f.apply(narrative), options.map(f), points, f.apply(title), hidden,
                commands.stream().map(c -> c.map(f)).toList());
    }
}
