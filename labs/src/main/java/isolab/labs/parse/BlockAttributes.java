package isolab.labs.parse;

import isolab.labs.model.BlockOptions;
import isolab.labs.model.StepKind;
import isolab.labs.model.Tolerance;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The attributes of one block, checked against what its kind takes. LAB-FORMAT.md's attributes
 * come first in each list; {@code timeout=SECONDS} and {@code tolerance=N|N%} on console, setup
 * and solution blocks and {@code terminal=NAME} on predict blocks are isolab's extensions.
 */
final class BlockAttributes {

    private static final Map<StepKind, List<String>> ALLOWED = Map.of(
            StepKind.CONSOLE, List.of("terminal", "timeout", "tolerance"),
            StepKind.SETUP, List.of("terminal", "timeout", "tolerance"),
            StepKind.SOLUTION, List.of("terminal", "timeout", "tolerance"),
            StepKind.CHECK, List.of("points", "terminal", "title", "hidden"),
            StepKind.PREDICT, List.of("points", "terminal"));
    private static final List<String> FLAGS = List.of("hidden");
    private static final Pattern TERMINAL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*|\\{\\{.*}}");

    private BlockOptions options = BlockOptions.defaults();
    private Optional<String> terminal = Optional.empty();
    private int points = 1;
    private String title = "";
    private boolean hidden;

    private BlockAttributes() {
    }

    /** The attributes in {@code text} (the info string after the block's word), problems reported. */
    static BlockAttributes read(StepKind kind, String text, int line, Problems problems) {
        BlockAttributes result = new BlockAttributes();
        List<String> allowed = ALLOWED.get(kind);
        Set<String> seen = new HashSet<>();
        for (Attributes.Attribute attribute : Attributes.parse(text, line, problems)) {
            String key = attribute.key();
            if (!allowed.contains(key)) {
                problems.add(line, "unknown block attribute '" + key + "' (expected " + String.join(", ", allowed) + ")");
                continue;
            }
            if (!seen.add(key)) {
                problems.add(line, "block attribute '" + key + "' is given twice");
                continue;
            }
            if (FLAGS.contains(key)) {
                if (attribute.value().isPresent()) {
                    problems.add(line, "block attribute '" + key + "' is a flag and takes no value");
                }
                result.hidden = true;
                continue;
            }
            if (attribute.value().isEmpty()) {
                problems.add(line, "block attribute '" + key + "' needs a value (" + key + "=...)");
                continue;
            }
            result.set(key, attribute.value().get(), line, problems);
        }
        return result;
    }

    private void set(String key, String value, int line, Problems problems) {
        switch (key) {
            case "terminal" -> {
                if (!TERMINAL.matcher(value).matches()) {
                    problems.add(line, "terminal name '" + value + "' must be letters, digits, '_', '.' or '-'");
                    return;
                }
                terminal = Optional.of(value);
                options = new BlockOptions(value, options.timeout(), options.tolerance());
            }
            case "points" -> {
                try {
                    points = Integer.parseInt(value);
                    if (points < 0) {
                        throw new NumberFormatException();
                    }
                } catch (NumberFormatException e) {
                    problems.add(line, "points must be a whole number, not '" + value + "'");
                }
            }
            case "title" -> title = value;
            case "timeout" -> {
                try {
                    double seconds = Double.parseDouble(value);
                    if (!(seconds > 0) || seconds > 3600) {
                        throw new NumberFormatException();
                    }
                    options = new BlockOptions(options.terminal(), Duration.ofMillis((long) (seconds * 1000)), options.tolerance());
                } catch (NumberFormatException e) {
                    problems.add(line, "timeout must be a number of seconds between 0 and 3600, not '" + value + "'");
                }
            }
            case "tolerance" -> {
                try {
                    options = new BlockOptions(options.terminal(), options.timeout(), Tolerance.parse(value));
                } catch (IllegalArgumentException e) {
                    problems.add(line, e.getMessage());
                }
            }
            default -> throw new IllegalStateException("unhandled attribute " + key);
        }
    }

    BlockOptions options() {
        return options;
    }

    Optional<String> terminal() {
        return terminal;
    }

    int points() {
        return points;
    }

    String title() {
        return title;
    }

    boolean hidden() {
        return hidden;
    }
}
