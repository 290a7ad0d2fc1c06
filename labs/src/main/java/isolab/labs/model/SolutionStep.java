package isolab.labs.model;

import java.util.List;
import java.util.function.UnaryOperator;

/** A {@code solution} block: what a correct student would type; run by {@code lab run} and the self-test, never for a student. */
public record SolutionStep(int line, String narrative, BlockOptions options, List<Command> commands)
        implements TranscriptStep {

    public SolutionStep {
        commands = List.copyOf(commands);
    }

    @Override
    public StepKind kind() {
        return StepKind.SOLUTION;
    }

    @Override
    public SolutionStep map(UnaryOperator<String> f) {
        return new SolutionStep(line, f.apply(narrative), options.map(f), commands.stream().map(c -> c.map(f)).toList());
    }
}
