package isolab.labs.model;

import isolab.api.Terminal;
import java.time.Duration;

/**
 * The attributes every transcript block takes: {@code terminal=NAME}, and the isolab extensions
 * {@code timeout=SECONDS} and {@code tolerance=N|N%}.
 */
public record BlockOptions(String terminal, Duration timeout, Tolerance tolerance) {

    /** The terminal every block runs in unless it names another. */
    public static final String DEFAULT_TERMINAL = "main";

    /** {@code main}, the terminal's default timeout, exact numbers. */
    public static BlockOptions defaults() {
        return new BlockOptions(DEFAULT_TERMINAL, Terminal.DEFAULT_TIMEOUT, Tolerance.EXACT);
    }

    /** These options with {@code f} applied to the terminal name (parameter substitution). */
    public BlockOptions map(java.util.function.UnaryOperator<String> f) {
        return new BlockOptions(f.apply(terminal), timeout, tolerance);
    }
}
