package isolab.grading.score;

import java.math.BigDecimal;

/** How far a number answer may be from its key: an absolute amount or a percentage of the key. */
public record Tolerance(BigDecimal amount, boolean percent) {

    public static final Tolerance EXACT = new Tolerance(BigDecimal.ZERO, false);

    public Tolerance {
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("a tolerance cannot be negative: " + amount);
        }
    }

    /** Parses LabMD's {@code tolerance:} value: {@code 0}, {@code 0.5}, {@code 5%}; null or blank is exact. */
    public static Tolerance parse(String text) {
        if (text == null || text.isBlank()) {
            return EXACT;
        }
        String trimmed = text.trim();
        boolean percent = trimmed.endsWith("%");
        String number = percent ? trimmed.substring(0, trimmed.length() - 1).trim() : trimmed;
        try {
            return new Tolerance(new BigDecimal(number), percent);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a tolerance is a number or a percentage like 5%, not '" + text + "'");
        }
    }

    /** Whether {@code answer} is within this tolerance of {@code key}. */
    public boolean accepts(BigDecimal answer, BigDecimal key) {
        BigDecimal allowed = percent ? key.abs().multiply(amount).movePointLeft(2) : amount;
        return answer.subtract(key).abs().compareTo(allowed) <= 0;
    }
}
