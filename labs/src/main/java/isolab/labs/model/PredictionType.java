package isolab.labs.model;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** How a prediction's key is read out of text, and how an answer is compared with it. */
public enum PredictionType {
    /** The first number of the text; answers within the prediction's tolerance are right. */
    NUMBER,
    /** The whole trimmed text; answers equal to it (trimmed) are right. */
    TEXT,
    /** The whole trimmed text, one of the listed choices; the equal choice is right. */
    CHOICE;

    private static final Pattern NUMBER_TEXT = Pattern.compile("-?\\d+(?:\\.\\d+)?");

    /** The name used in the YAML body: {@code number}, {@code text} or {@code choice}. */
    public String flag() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The key {@code text} gives for this type: its first number ({@code -12}, {@code 3.5}) for
     * {@link #NUMBER}, empty when it has none; the whole trimmed text otherwise.
     */
    public Optional<String> keyOf(String text) {
        if (this != NUMBER) {
            return Optional.of(text.trim());
        }
        Matcher m = NUMBER_TEXT.matcher(text);
        return m.find() ? Optional.of(m.group()) : Optional.empty();
    }
}
