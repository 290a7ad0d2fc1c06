package isolab.grading.gradebook;

import java.time.Instant;

/**
 * One line of the instructor's gradebook: a student's current attempt at a lab, how many
 * commands they ran in it (undone ones included) and its score.
 */
public record GradebookRow(String username, String labId, long attemptId, Instant startedAt, int commandsRun,
                           int predictionsAnswered, Score score, boolean checked) {
}
