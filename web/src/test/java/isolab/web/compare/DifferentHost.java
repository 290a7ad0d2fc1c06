package isolab.web.compare;

import isolab.api.CommandResult;
import isolab.api.Host;
import isolab.api.HostKind;
import isolab.api.HostView;
import isolab.api.Terminal;
import isolab.web.ScriptedHost;
import java.time.Duration;

/** A scripted "real" host that shouts what echo prints, so the differ has a disagreement to report. */
final class DifferentHost implements Host {

    private final ScriptedHost inner;

    DifferentHost(ScriptedHost inner) {
        this.inner = inner;
    }

    @Override
    public HostKind kind() {
        return HostKind.REAL;
    }

    @Override
    public Terminal terminal(String name) {
        Terminal terminal = inner.terminal(name);
        return new Terminal() {
            @Override
            public String name() {
                return terminal.name();
            }

            @Override
            public CommandResult run(String line, Duration timeout) {
                CommandResult result = terminal.run(line, timeout);
                return line.startsWith("echo") ? new CommandResult(result.line(), result.output().toUpperCase(),
                        result.status(), result.duration(), result.timedOut(), result.events()) : result;
            }
        };
    }

    @Override
    public HostView view() {
        return inner.view();
    }

    @Override
    public void close() {
        inner.close();
    }
}
