package isolab.grading.gradebook;

import isolab.grading.db.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The append-only log of an attempt. Every method returns only once the change is committed, so
 * the caller may show it: a server killed right after has it on disk.
 */
public final class CommandLog {

    /** Outputs longer than this are cut (the column holds a million characters). */
    public static final int OUTPUT_CHARS_MAX = 900_000;

    private final Jdbc jdbc;
    private final Clock clock;

    public CommandLog(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Appends a command run and returns it as stored. */
    public LogEntry.Run appendRun(long attemptId, int stepIndex, Integer commandIndex, String terminal, String line,
                                  String output, int status) {
        String stored = output.length() > OUTPUT_CHARS_MAX
                ? output.substring(0, OUTPUT_CHARS_MAX) + "\n[output cut at " + OUTPUT_CHARS_MAX + " characters]\n"
                : output;
        return (LogEntry.Run) append(attemptId, "run", stepIndex, commandIndex, terminal, line, stored, status);
    }

    /** Appends a move to step {@code stepIndex} and returns it as stored. */
    public LogEntry.Advance appendAdvance(long attemptId, int stepIndex) {
        return (LogEntry.Advance) append(attemptId, "advance", stepIndex, null, null, null, null, null);
    }

    private LogEntry append(long attemptId, String kind, int stepIndex, Integer commandIndex, String terminal,
                            String line, String output, Integer status) {
        return jdbc.inTransaction(tx -> {
            // The primary key (attempt_id, seq) makes a concurrent append of the same seq fail
            // rather than interleave.
            int seq = tx.queryOne("select coalesce(max(seq), 0) + 1 from command_log where attempt_id = ?",
                    row -> row.getInt(1), attemptId).orElse(1);
            tx.update("insert into command_log (attempt_id, seq, kind, step_index, command_index, terminal, line,"
                            + " output, status, taken_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    attemptId, seq, kind, stepIndex, commandIndex, terminal, line, output, status, clock.instant());
            return tx.queryOne("select * from command_log where attempt_id = ? and seq = ?", CommandLog::map,
                    attemptId, seq).orElseThrow();
        });
    }

    /** Marks the newest live entry undone and returns it; empty if nothing is live. */
    public Optional<LogEntry> undoLast(long attemptId) {
        return jdbc.inTransaction(tx -> {
            Optional<LogEntry> last = tx.queryOne("select * from command_log where attempt_id = ?"
                    + " and undone_at is null order by seq desc", CommandLog::map, attemptId);
            last.ifPresent(entry -> tx.update("update command_log set undone_at = ? where attempt_id = ? and seq = ?",
                    clock.instant(), attemptId, entry.seq()));
            return last;
        });
    }

    /** Marks every live entry with {@code seq > keepThroughSeq} undone; returns how many. */
    public int undoAfter(long attemptId, int keepThroughSeq) {
        return jdbc.update("update command_log set undone_at = ? where attempt_id = ? and seq > ?"
                + " and undone_at is null", clock.instant(), attemptId, keepThroughSeq);
    }

    /** The live entries, oldest first: what the player replays. */
    public List<LogEntry> live(long attemptId) {
        return jdbc.query("select * from command_log where attempt_id = ? and undone_at is null order by seq",
                CommandLog::map, attemptId);
    }

    /** Every entry, undone ones included, oldest first: the full record. */
    public List<LogEntry> all(long attemptId) {
        return jdbc.query("select * from command_log where attempt_id = ? order by seq", CommandLog::map, attemptId);
    }

    private static LogEntry map(ResultSet row) throws SQLException {
        int seq = row.getInt("seq");
        int step = row.getInt("step_index");
        var takenAt = Jdbc.instant(row, "taken_at");
        var undoneAt = Jdbc.instant(row, "undone_at");
        return switch (row.getString("kind")) {
            case "run" -> new LogEntry.Run(seq, step, Jdbc.nullableInt(row, "command_index"), row.getString("terminal"),
                    row.getString("line"), row.getString("output"), row.getInt("status"), takenAt, undoneAt);
            case "advance" -> new LogEntry.Advance(seq, step, takenAt, undoneAt);
            default -> throw new SQLException("unknown log entry kind " + row.getString("kind"));
        };
    }
}
