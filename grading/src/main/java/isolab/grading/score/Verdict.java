package isolab.grading.score;

/** Whether an answer matched its key, and why not when it did not (empty when it did). */
public record Verdict(boolean correct, String reason) {

    static Verdict right() {
        return new Verdict(true, "");
    }

    static Verdict wrong(String reason) {
        return new Verdict(false, reason);
    }

    /** The points an answer worth {@code points} earns with this verdict. */
    public int points(int points) {
        return correct ? points : 0;
    }
}
