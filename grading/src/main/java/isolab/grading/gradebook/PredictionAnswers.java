package isolab.grading.gradebook;

import isolab.grading.db.DataAccessException;
import isolab.grading.db.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** The prediction_answer table: each prediction of an attempt is answered at most once. */
public final class PredictionAnswers {

    private final Jdbc jdbc;

    public PredictionAnswers(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records {@code answer}; returns it, or the answer recorded earlier when the prediction was
     * already answered (the first answer stands).
     */
    public PredictionAnswer record(PredictionAnswer answer) {
        try {
            jdbc.update("insert into prediction_answer (attempt_id, step_index, answer, answer_key, correct,"
                            + " points_awarded, points_possible, answered_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
                    answer.attemptId(), answer.stepIndex(), answer.answer(), answer.key(), answer.correct(),
                    answer.pointsAwarded(), answer.pointsPossible(), answer.answeredAt());
            return answer;
        } catch (DataAccessException e) {
            if (e.isDuplicateKey()) {
                return find(answer.attemptId(), answer.stepIndex()).orElseThrow(() -> e);
            }
            throw e;
        }
    }

    /** The answer to the prediction at {@code stepIndex}, if given. */
    public Optional<PredictionAnswer> find(long attemptId, int stepIndex) {
        return jdbc.queryOne("select * from prediction_answer where attempt_id = ? and step_index = ?",
                PredictionAnswers::map, attemptId, stepIndex);
    }

    /** Every answer of the attempt, by step. */
    public List<PredictionAnswer> of(long attemptId) {
        return jdbc.query("select * from prediction_answer where attempt_id = ? order by step_index",
                PredictionAnswers::map, attemptId);
    }

    private static PredictionAnswer map(ResultSet row) throws SQLException {
        return new PredictionAnswer(row.getLong("attempt_id"), row.getInt("step_index"), row.getString("answer"),
                row.getString("answer_key"), row.getBoolean("correct"), row.getInt("points_awarded"),
                row.getInt("points_possible"), Jdbc.instant(row, "answered_at"));
    }
}
