package isolab.labs.model;

import java.util.List;
import java.util.function.UnaryOperator;

/** A {@code setup} block: commands run before the lab goes on, not shown to the student. */
public record SetupStep(int line, String narrative, BlockOptions options, List<Command> commands)
        implements TranscriptStep {

    public SetupStep {
        commands = List.copyOf(commands);
    }

    @Override
    public StepKind kind() {
        return StepKind.SETUP;
    }

    @Override
    public SetupStep map(UnaryOperator<String> f) {
        return new SetupStep(line, f.apply(narrative), options.map(f), commands.stream().map(c -> c.map(f)).toList());
    }
}
