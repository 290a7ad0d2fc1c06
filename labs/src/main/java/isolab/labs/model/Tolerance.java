package isolab.labs.model;

/**
 * How far two numbers may be apart and still count as equal: an absolute amount ({@code 2}) or a
 * percentage of the larger magnitude ({@code 5%}). Used by number predictions and by the differ.
 */
public record Tolerance(double amount, boolean percent) {

    /** Numbers must be equal. */
    public static final Tolerance EXACT = new Tolerance(0, false);

    public Tolerance {
        if (!(amount >= 0) || Double.isInfinite(amount)) {
            throw new IllegalArgumentException("tolerance must be a non-negative number");
        }
    }

    /** Parses {@code 3}, {@code 0.5} or {@code 5%}; anything else is an {@link IllegalArgumentException}. */
    public static Tolerance parse(String text) {
        String t = text.trim();
        boolean percent = t.endsWith("%");
        String number = percent ? t.substring(0, t.length() - 1).trim() : t;
        try {
            return new Tolerance(Double.parseDouble(number), percent);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("tolerance '" + text + "' is neither a number nor a percentage like 5%");
        }
    }

    /** Whether {@code actual} is within this tolerance of {@code expected}. */
    public boolean accepts(double expected, double actual) {
        double allowed = percent ? amount / 100 * Math.max(Math.abs(expected), Math.abs(actual)) : amount;
        return Math.abs(expected - actual) <= allowed + 1e-9;
    }

    @Override
    public String toString() {
        String number = amount == Math.rint(amount) ? Long.toString((long) amount) : Double.toString(amount);
        return percent ? number + "%" : number;
    }

    /** Whether this is {@link #EXACT}. */
    public boolean exact() {
        return amount == 0;
    }
}
