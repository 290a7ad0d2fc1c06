package isolab.labs.model;

import java.time.Duration;
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
    public String terminal() {
        return options.terminal();
    }

    @Override
    public Duration timeout() {
        return options.timeout();
    }

    @Override
    public Tolerance tolerance() {
        return options.tolerance();
    }

    @Override
    public ConsoleStep map(UnaryOperator<String> f) {
        return new ConsoleStep(line, f.apply(narrative), options.map(f), commands.stream().map(c -> c.map(f)).toList());
    }
}
