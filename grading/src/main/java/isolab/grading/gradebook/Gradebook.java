package isolab.grading.gradebook;

import isolab.grading.db.Jdbc;
import java.util.List;

/** Scores of attempts, for the player and for the instructor's gradebook. */
public final class Gradebook {

    private final Jdbc jdbc;

    public Gradebook(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** The score of {@code attemptId}: correct predictions plus its latest check run. */
    public Score score(long attemptId) {
        int predictions = jdbc.queryOne("select coalesce(sum(points_awarded), 0) from prediction_answer"
                + " where attempt_id = ?", row -> row.getInt(1), attemptId).orElse(0);
        int checks = jdbc.queryOne("select points_awarded from check_run where attempt_id = ? order by id desc",
                row -> row.getInt(1), attemptId).orElse(0);
        return new Score(predictions, checks);
    }

    /** Every student's current attempt at every lab they opened, by username then lab. */
    public List<GradebookRow> rows() {
        String sql = """
                select a.username, t.lab_id, t.id, t.started_at,
                       (select count(*) from command_run r where r.attempt_id = t.id) as commands,
                       (select count(*) from prediction_answer p where p.attempt_id = t.id) as answered,
                       (select coalesce(sum(p.points_awarded), 0) from prediction_answer p
                         where p.attempt_id = t.id) as prediction_points,
                       (select c.points_awarded from check_run c where c.attempt_id = t.id
                         and c.id = (select max(c2.id) from check_run c2 where c2.attempt_id = t.id)) as check_points
                  from attempt t join account a on a.id = t.account_id
                 where t.id = (select max(t2.id) from attempt t2
                                where t2.account_id = t.account_id and t2.lab_id = t.lab_id)
                 order by a.username, t.lab_id
                """;
        return jdbc.query(sql, row -> {
            Integer checkPoints = Jdbc.nullableInt(row, "check_points");
            return new GradebookRow(row.getString("username"), row.getString("lab_id"), row.getLong("id"),
                    Jdbc.instant(row, "started_at"), row.getInt("commands"), row.getInt("answered"),
                    new Score(row.getInt("prediction_points"), checkPoints == null ? 0 : checkPoints),
                    checkPoints != null);
        });
    }
}
