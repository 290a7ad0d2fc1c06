package isolab.labs.model;

import java.util.List;
import java.util.function.UnaryOperator;

/** A {@code console} block: a demonstration transcript the student steps through command by command. */
public record ConsoleStep(int line, String narrative, BlockOptions options, List<Command> commands)
        implements TranscriptStep {

    public ConsoleStep {
        commands = List.copyOf(commands);
    }

    @Override
    public StepKind kind() {
        return StepKind.CONSOLE;
    }

    @Override
    public ConsoleStep map(UnaryOperator<String> f) {
        return new ConsoleStep(line, f.apply(narrative), options.map(f), commands.stream().map(c -> c.map(f)).toList());
    }
}
