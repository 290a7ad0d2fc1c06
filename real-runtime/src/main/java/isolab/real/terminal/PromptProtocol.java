package isolab.real.terminal;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

/**
 * The prompts a terminal's shells print, each carrying a token unique to the session, so that the
 * output of every command can be cut out of the terminal's stream exactly:
 * <ul>
 *   <li>{@code PS1='{isolab:${ISOLAB_NONCE}:$?}'} ends every command and says its exit status:
 *       bash and dash both expand parameters, {@code $?} among them, in their prompts.</li>
 *   <li>{@code PS2='{isolab:${ISOLAB_NONCE}:more}'} says the shell wants the rest of a command.</li>
 *   <li>{@code PS0='{isolab:${ISOLAB_NONCE}:run}'} is printed by bash (not dash) after it has read
 *       a command and before it runs it: everything before it is the echo of the input.</li>
 * </ul>
 * They are exported, so nested shells ({@code unshare ... sh}) print them too. The nonce is in a
 * variable of its own, so that printing the environment ({@code env}, {@code echo $PS2}) shows
 * no token: only a prompt, expanded, does.
 *
 * @param nonce twelve hex digits, fresh per host
 */
public record PromptProtocol(String nonce) {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A protocol with a fresh nonce. */
    public static PromptProtocol fresh() {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        return new PromptProtocol(HexFormat.of().formatHex(bytes));
    }

    /** What every token starts with. */
    public String prefix() {
        return "{isolab:" + nonce + ":";
    }

    /** The environment entries that carry the protocol into every shell of a terminal. */
    public List<String> environment() {
        String token = "{isolab:${ISOLAB_NONCE}:";
        return List.of("ISOLAB_NONCE=" + nonce, "PS1=" + token + "$?}", "PS2=" + token + "more}", "PS0=" + token + "run}");
    }

    byte[] prefixBytes() {
        return prefix().getBytes(StandardCharsets.US_ASCII);
    }
}
