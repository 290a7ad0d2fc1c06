package isolab.labs.parse;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import isolab.labs.catalog.LabCatalog;
import isolab.labs.model.Lab;
import isolab.labs.model.LabError;
import isolab.labs.model.LabFormatException;
import isolab.sim.determinism.SplitMix64;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Bad input never crashes: thousands of damaged copies of the built-in labs either parse or are
 * rejected with {@code file:line: reason} errors — never another exception.
 */
class MalformedLabsTest {

    private static final String[] DAMAGE = {"{{", "}}", "\\", "```", "~~~", "---", "$ ", "# ", "> ", "[1]", "...",
        " (re)", " (glob)", ":", "\"", "'", "[", "]", "{", "=", "points=", "\t", "\n", "\u00e9", "\u0000", "(", "*"};

    @Test
    void damaged_labs_are_parsed_or_rejected_with_lines_but_never_crash() {
        SplitMix64 random = new SplitMix64(20261122);
        int rejected = 0;
        for (var entry : LabCatalog.builtIn().entries()) {
            for (int i = 0; i < 600; i++) {
                String text = damage(entry.text(), random);
                try {
                    Lab lab = LabParser.parse(entry.id() + ".lab.md", text);
                    LabParser.bindingErrors(lab, 3);
                    for (long seed = 0; seed < 3; seed++) {
                        try {
                            lab.bind(seed);
                        } catch (LabFormatException e) {
                            rejected++;
                        }
                    }
                } catch (LabFormatException e) {
                    rejected++;
                    for (LabError error : e.errors()) {
                        assertFalse(error.reason().isBlank(), text);
                    }
                } catch (RuntimeException e) {
                    fail("crashed on damaged input:\n" + text, e);
                }
            }
        }
        assertFalse(rejected == 0, "the damage never broke anything: the test is too gentle");
    }

    private static String damage(String text, SplitMix64 random) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int edits = 1 + random.nextInt(4);
        for (int k = 0; k < edits; k++) {
            int at = random.nextInt(lines.size());
            String line = lines.get(at);
            switch (random.nextInt(4)) {
                case 0 -> lines.remove(at);
                case 1 -> lines.add(at, line);
                case 2 -> {
                    int col = line.isEmpty() ? 0 : random.nextInt(line.length() + 1);
                    lines.set(at, line.substring(0, col) + DAMAGE[random.nextInt(DAMAGE.length)] + line.substring(col));
                }
                default -> lines.set(at, line.isEmpty() ? line : line.substring(0, random.nextInt(line.length())));
            }
            if (lines.isEmpty()) {
                lines.add("");
            }
        }
        return String.join("\n", lines);
    }
}
