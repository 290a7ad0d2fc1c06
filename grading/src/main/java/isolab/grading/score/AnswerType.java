package isolab.grading.score;

import java.util.Locale;

/** How a prediction is answered: a number, free text, or one of a list of choices. */
public enum AnswerType {
    NUMBER,
    TEXT,
    CHOICE;

    /** Parses the LabMD {@code type:} value: {@code number}, {@code text} or {@code choice}. */
    public static AnswerType fromLabel(String label) {
        for (AnswerType type : values()) {
            if (type.name().toLowerCase(Locale.ROOT).equals(label)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown prediction type '" + label + "' (expected number, text or choice)");
    }
}
