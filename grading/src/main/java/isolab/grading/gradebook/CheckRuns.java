package isolab.grading.gradebook;

import isolab.grading.db.Jdbc;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** The check_run and check_result tables. */
public final class CheckRuns {

    private final Jdbc jdbc;
    private final Clock clock;

    public CheckRuns(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Stores a check run of {@code attemptId} with its results, in one transaction. */
    public CheckRun record(long attemptId, List<CheckRun.Result> results) {
        return jdbc.inTransaction(tx -> {
            CheckRun unsaved = new CheckRun(0, attemptId, clock.instant(), results);
            long id = tx.insertReturningId("insert into check_run (attempt_id, ran_at, points_awarded, points_possible)"
                    + " values (?, ?, ?, ?)", attemptId, unsaved.ranAt(), unsaved.pointsAwarded(),
                    unsaved.pointsPossible());
            for (CheckRun.Result result : results) {
                tx.update("insert into check_result (check_run_id, step_index, title, passed, points_awarded,"
                                + " points_possible, detail) values (?, ?, ?, ?, ?, ?, ?)",
                        id, result.stepIndex(), result.title(), result.passed(), result.pointsAwarded(),
                        result.pointsPossible(), result.detail());
            }
            return new CheckRun(id, attemptId, unsaved.ranAt(), results);
        });
    }

    /** The newest check run of the attempt. */
    public Optional<CheckRun> latest(long attemptId) {
        return jdbc.queryOne("select id, ran_at from check_run where attempt_id = ? order by id desc",
                row -> new CheckRun(row.getLong("id"), attemptId, Jdbc.instant(row, "ran_at"),
                        results(row.getLong("id"))), attemptId);
    }

    private List<CheckRun.Result> results(long checkRunId) {
        return jdbc.query("select * from check_result where check_run_id = ? order by step_index",
                row -> new CheckRun.Result(row.getInt("step_index"), row.getString("title"), row.getBoolean("passed"),
                        row.getInt("points_possible"), row.getString("detail")), checkRunId);
    }
}
