package isolab.real.terminal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Everything a terminal displayed for one command line, from the moment it was typed to the next
 * prompt, and what of it was the command's output: not the echo of the typed line, not the
 * prompts. Bash prints PS0 between the echo and the output, so the cut is exact there; dash does
 * not, so its echo (the tty's: the line, control characters as {@code ^X}, then {@code \r\n}) is
 * found and removed. A PS2 that is left is shown as the default {@code "> "} a person sees.
 */
public final class CommandOutput {

    /** Where PS0 was, in the decoded text (a private-use character: never output by a program of a lab). */
    private static final String RUN = "\uE000";
    /** Where PS2 was. */
    private static final String MORE = "\uE001";
    /** The most output kept per command; a runaway command must not exhaust the JVM. */
    static final int MAX_BYTES = 8 << 20;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private long dropped;

    /** Text the terminal displayed. */
    public void text(byte[] text) {
        int room = MAX_BYTES - bytes.size();
        int kept = Math.max(0, Math.min(room, text.length));
        bytes.write(text, 0, kept);
        dropped += text.length - kept;
    }

    /** Bash printed PS0 here. */
    public void run() {
        bytes.writeBytes(RUN.getBytes(StandardCharsets.UTF_8));
    }

    /** A shell printed PS2 here. */
    public void more() {
        bytes.writeBytes(MORE.getBytes(StandardCharsets.UTF_8));
    }

    /** The output as a person saw it, for the command typed as {@code lines} (one per physical line). */
    public String render(List<String> lines) {
        String text = bytes.toString(StandardCharsets.UTF_8);
        int run = text.indexOf(RUN);
        text = run >= 0 ? text.substring(run + RUN.length()) : withoutEcho(text, lines);
        text = text.replace(RUN, "").replace(MORE, "> ");
        if (dropped > 0) {
            text += "\n[isolab: " + dropped + " more bytes of output were not kept]\n";
        }
        return Screen.render(text);
    }

    /** The text with the tty's echo of each typed line, and the PS2 between them, removed. */
    static String withoutEcho(String text, List<String> lines) {
        StringBuilder rest = new StringBuilder(text);
        int at = 0;
        for (int i = 0; i < lines.size(); i++) {
            String echo = echo(lines.get(i)) + "\r\n";
            int found = rest.indexOf(echo, at);
            if (found < 0) {
                break;
            }
            rest.delete(found, found + echo.length());
            at = found;
            if (i < lines.size() - 1 && rest.indexOf(MORE, at) == at) {
                rest.delete(at, at + MORE.length());
            }
        }
        return rest.toString();
    }

    /** How a tty with ECHOCTL echoes {@code line}: control characters other than tab as {@code ^X}. */
    static String echo(String line) {
        StringBuilder echo = new StringBuilder(line.length());
        for (char c : line.toCharArray()) {
            if (c < 0x20 && c != '\t') {
                echo.append('^').append((char) (c + 0x40));
            } else if (c == 0x7f) {
                echo.append("^?");
            } else {
                echo.append(c);
            }
        }
        return echo.toString();
    }
}
