package isolab.grading.gradebook;

import isolab.grading.db.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;

/** The attempt table: start an attempt, find a student's current one. */
public final class Attempts {

    private static final String COLUMNS = "id, account_id, lab_id, seed, started_at";

    private final Jdbc jdbc;
    private final Clock clock;

    public Attempts(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Starts a new attempt of {@code labId} for {@code accountId}; it becomes the current one. */
    public Attempt start(long accountId, String labId, long seed) {
        long id = jdbc.insertReturningId(
                "insert into attempt (account_id, lab_id, seed, started_at) values (?, ?, ?, ?)",
                accountId, labId, seed, clock.instant());
        return byId(id).orElseThrow();
    }

    /** The newest attempt of {@code labId} by {@code accountId}. */
    public Optional<Attempt> current(long accountId, String labId) {
        return jdbc.queryOne("select " + COLUMNS + " from attempt where account_id = ? and lab_id = ?"
                + " order by id desc", Attempts::map, accountId, labId);
    }

    /** The current attempt, started with {@code seed} if there is none yet. */
    public Attempt currentOrStart(long accountId, String labId, long seed) {
        return current(accountId, labId).orElseGet(() -> start(accountId, labId, seed));
    }

    /** The attempt with {@code id}. */
    public Optional<Attempt> byId(long id) {
        return jdbc.queryOne("select " + COLUMNS + " from attempt where id = ?", Attempts::map, id);
    }

    static Attempt map(ResultSet row) throws SQLException {
        return new Attempt(row.getLong("id"), row.getLong("account_id"), row.getString("lab_id"),
                row.getLong("seed"), Jdbc.instant(row, "started_at"));
    }
}
