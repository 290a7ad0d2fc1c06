package isolab.labs.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The built-in labs the simulator cannot run through yet ({@code labs/awaiting-the-simulator.txt},
 * one id a line; docs/LAB-GAPS.md says why). Tests that need the simulator to pass a lab skip
 * these; {@link NamespaceLabsTest} fails once one of them passes there, so the list only shrinks.
 */
final class AwaitingTheSimulator {

    static final String RESOURCE = "labs/awaiting-the-simulator.txt";

    private AwaitingTheSimulator() {
    }

    /** The ids on the list, in its order. */
    static List<String> ids() {
        try (InputStream in = AwaitingTheSimulator.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return List.of();
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(line -> line.replaceFirst("#.*", "").strip())
                    .filter(line -> !line.isEmpty())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the simulator is expected to run {@code id} through. */
    static boolean simulatorRuns(String id) {
        return !ids().contains(id);
    }
}
