package isolab.api.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import isolab.api.CommandResult;
import isolab.api.Host;
import isolab.api.Terminal;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every contract class of this package shares: a fresh machine per test (docs/MACHINE.md),
 * its {@code main} terminal, and a matcher for a terminal's screen that reads like LabMD's.
 *
 * <p>An expected screen is a text block, one line per line the terminal shows. A line ending in
 * {@code " (re)"} is a Java regular expression the whole line must match: used only where Linux's
 * output legitimately varies (inode numbers, PIDs outside the lab's namespaces, times, random keys
 * and MAC addresses, the state of PID 1, which may be running when {@code ps} samples it because
 * it relays the terminal's output). A line that is exactly {@code ...} matches any number of lines. Trailing
 * spaces are ignored, as LabMD ignores them ({@code ipcs} pads its columns).
 */
public abstract class MachineContract {

    protected Host host;
    protected Terminal main;

    /** A fresh machine as docs/MACHINE.md describes it. */
    protected abstract Host newHost();

    @BeforeEach
    void boot() {
        host = newHost();
        main = host.terminal("main");
    }

    @AfterEach
    void tearDown() {
        host.close();
    }

    /**
     * A command line for bash or dash that waits, without forking (so that it takes no PID), until
     * PID {@code pid} of the shell's /proc runs {@code comm}: a program started in the background
     * may not have exec'd yet when the next command looks at it.
     */
    protected static String untilRunning(int pid, String comm) {
        return "until read -r c < /proc/" + pid + "/comm && [ \"$c\" = " + comm + " ]; do :; done";
    }

    /** Runs {@code line} on {@code terminal} and asserts it exits 0; returns what it showed. */
    protected static CommandResult ok(Terminal terminal, String line) {
        CommandResult result = terminal.run(line);
        assertEquals(0, result.status(), () -> "status of `" + line + "`, output:\n" + result.output());
        return result;
    }

    /** Runs {@code line} on the main terminal and asserts it exits 0. */
    protected CommandResult ok(String line) {
        return ok(main, line);
    }

    /** Runs {@code line} on the main terminal and asserts its screen and exit status. */
    protected void expect(String line, String screen, int status) {
        expect(main, line, screen, status);
    }

    /** Runs {@code line} on {@code terminal} and asserts its screen and exit status. */
    protected static void expect(Terminal terminal, String line, String screen, int status) {
        CommandResult result = terminal.run(line);
        assertScreen(screen, result);
        assertEquals(status, result.status(), () -> "status of `" + line + "`, output:\n" + result.output());
    }

    /** Asserts that {@code result}'s output matches {@code screen} (see the class comment). */
    protected static void assertScreen(String screen, CommandResult result) {
        List<String> expected = screen.isEmpty() ? List.of() : List.of(stripEnd(screen).split("\n", -1));
        List<String> actual = result.lines().stream().map(MachineContract::stripTrailingSpaces).toList();
        if (!matches(expected, 0, actual, 0)) {
            fail("`" + result.line() + "` (status " + result.status() + ") showed:\n" + String.join("\n", actual)
                    + "\n--- expected:\n" + String.join("\n", expected));
        }
    }

    private static boolean matches(List<String> expected, int e, List<String> actual, int a) {
        if (e == expected.size()) {
            return a == actual.size();
        }
        if (expected.get(e).equals("...")) {
            for (int skip = a; skip <= actual.size(); skip++) {
                if (matches(expected, e + 1, actual, skip)) {
                    return true;
                }
            }
            return false;
        }
        return a < actual.size() && lineMatches(expected.get(e), actual.get(a)) && matches(expected, e + 1, actual, a + 1);
    }

    private static boolean lineMatches(String expected, String actual) {
        if (expected.endsWith(" (re)")) {
            return Pattern.compile(expected.substring(0, expected.length() - " (re)".length())).matcher(actual).matches();
        }
        return stripTrailingSpaces(expected).equals(actual);
    }

    private static String stripEnd(String text) {
        return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }

    private static String stripTrailingSpaces(String line) {
        int end = line.length();
        while (end > 0 && line.charAt(end - 1) == ' ') {
            end--;
        }
        return line.substring(0, end);
    }
}
