package isolab.grading.gradebook;

import java.time.Instant;
import java.util.List;

/** One press of "check my work": the result of every check block of the lab. */
public record CheckRun(long id, long attemptId, Instant ranAt, List<Result> results) {

    public CheckRun {
        results = List.copyOf(results);
    }

    /** The points of the checks that held. */
    public int pointsAwarded() {
        return results.stream().mapToInt(Result::pointsAwarded).sum();
    }

    /** The points all checks together are worth. */
    public int pointsPossible() {
        return results.stream().mapToInt(Result::pointsPossible).sum();
    }

    /**
     * The check block at {@code stepIndex}: whether all its expectations held, and a detail for
     * the student (the first command that did not match and what differed).
     */
    public record Result(int stepIndex, String title, boolean passed, int pointsPossible, String detail) {

        /** The check's points when it passed, else 0. */
        public int pointsAwarded() {
            return passed ? pointsPossible : 0;
        }
    }
}
