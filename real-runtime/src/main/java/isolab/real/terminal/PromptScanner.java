package isolab.real.terminal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Finds the protocol's prompts in a terminal's byte stream as it arrives, chunk by chunk; a token
 * split across chunks is held back until it is whole. Everything that is not a token comes out as
 * text, unchanged and in order.
 */
public final class PromptScanner {

    /** What the stream holds next. */
    public sealed interface Event permits Text, Prompt, More, Run {
    }

    /** Bytes the terminal displayed. */
    public record Text(byte[] bytes) implements Event {
    }

    /** PS1: the shell waits for a command; the last one's status was {@code status}. */
    public record Prompt(int status) implements Event {
    }

    /** PS2: the shell waits for the rest of a command. */
    public record More() implements Event {
    }

    /** PS0: bash has read a command and runs it now. */
    public record Run() implements Event {
    }

    /** No token body is longer than this: "more", "run", or an exit status of up to 3 digits. */
    private static final int MAX_BODY = 8;

    private final byte[] prefix;
    private byte[] pending = new byte[0];

    public PromptScanner(PromptProtocol protocol) {
        this.prefix = protocol.prefixBytes();
    }

    /** Adds bytes the terminal displayed. */
    public void feed(byte[] bytes) {
        byte[] joined = Arrays.copyOf(pending, pending.length + bytes.length);
        System.arraycopy(bytes, 0, joined, pending.length, bytes.length);
        pending = joined;
    }

    /** The next event, or null when what is left may be the start of a token still arriving. */
    public Event next() {
        int token = indexOf(pending, prefix, 0);
        if (token < 0) {
            return text(pending.length - partialPrefixAtEnd());
        }
        if (token > 0) {
            return text(token);
        }
        int bodyStart = prefix.length;
        int close = -1;
        for (int i = bodyStart; i < pending.length && i <= bodyStart + MAX_BODY; i++) {
            if (pending[i] == '}') {
                close = i;
                break;
            }
        }
        if (close < 0) {
            return pending.length <= bodyStart + MAX_BODY ? null : text(1);
        }
        Event event = token(new String(pending, bodyStart, close - bodyStart, StandardCharsets.US_ASCII));
        if (event == null) {
            return text(1); // looked like a token, is not one: the '{' is text
        }
        pending = Arrays.copyOfRange(pending, close + 1, pending.length);
        return event;
    }

    /** Whatever is held back, as text: the stream has ended. */
    public byte[] rest() {
        byte[] rest = pending;
        pending = new byte[0];
        return rest;
    }

    private static Event token(String body) {
        if (body.equals("more")) {
            return new More();
        }
        if (body.equals("run")) {
            return new Run();
        }
        if (!body.isEmpty() && body.length() <= 3 && body.chars().allMatch(Character::isDigit)) {
            return new Prompt(Integer.parseInt(body));
        }
        return null;
    }

    private Event text(int length) {
        if (length <= 0) {
            return null;
        }
        byte[] bytes = Arrays.copyOf(pending, length);
        pending = Arrays.copyOfRange(pending, length, pending.length);
        return new Text(bytes);
    }

    /** How many bytes at the end of the pending data could begin the prefix. */
    private int partialPrefixAtEnd() {
        for (int keep = Math.min(prefix.length - 1, pending.length); keep > 0; keep--) {
            if (Arrays.equals(pending, pending.length - keep, pending.length, prefix, 0, keep)) {
                return keep;
            }
        }
        return 0;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
