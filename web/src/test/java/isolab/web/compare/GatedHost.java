package isolab.web.compare;

import isolab.api.CommandResult;
import isolab.api.Host;
import isolab.api.HostKind;
import isolab.api.HostView;
import isolab.api.Terminal;
import isolab.web.ScriptedHost;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for a real host in replay tests: a {@link ScriptedHost} that calls itself real and
 * whose commands wait until the gate opens or the host is closed (then they fail, as a real
 * terminal's read fails when its sandbox is torn down). Counts hosts opened and closed.
 */
final class GatedHost implements Host {

    static final AtomicInteger OPENED = new AtomicInteger();
    static final AtomicInteger CLOSED = new AtomicInteger();

    private final ScriptedHost inner;
    private final CountDownLatch gate;
    private final CountDownLatch closed = new CountDownLatch(1);

    GatedHost(ScriptedHost inner, CountDownLatch gate) {
        this.inner = inner;
        this.gate = gate;
        OPENED.incrementAndGet();
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
                try {
                    while (!gate.await(10, TimeUnit.MILLISECONDS)) {
                        if (closed.getCount() == 0) {
                            throw new IllegalStateException("the host was closed while '" + line + "' ran");
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
                return terminal.run(line, timeout);
            }
        };
    }

    @Override
    public HostView view() {
        return inner.view();
    }

    @Override
    public void close() {
        if (closed.getCount() > 0) {
            closed.countDown();
            CLOSED.incrementAndGet();
            inner.close();
        }
    }
}
