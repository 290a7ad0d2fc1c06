package isolab.sim.userland;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The {@code --help} and {@code --version} texts of the programs that print them, copied from the
 * development machine's programs (util-linux 2.38.1, libcap2-bin 2.66) into resources under
 * {@code isolab/sim/userland/help/}, one file a program.
 */
public final class Help {

    private Help() {
    }

    /** Prints {@code program}'s help text on standard output; status 0, as the real program. */
    public static int print(Proc p, String program) {
        p.out(text(program));
        return 0;
    }

    /** {@code program}'s help text. */
    public static String text(String program) {
        try (InputStream in = Help.class.getResourceAsStream("help/" + program + ".txt")) {
            if (in == null) {
                throw new IllegalStateException("no help text for " + program);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** util-linux's {@code -V}: {@code PROGRAM from util-linux 2.38.1}. */
    public static int utilLinuxVersion(Proc p, String program) {
        p.out(program + " from util-linux 2.38.1\n");
        return 0;
    }
}
