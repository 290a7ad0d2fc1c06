package isolab.grading.gradebook;

import isolab.grading.db.Jdbc;
import isolab.labs.run.Action;
import isolab.labs.run.CommandRun;
import isolab.labs.run.Position;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The append-only log of an attempt: its actions and the commands each ran. Every method returns
 * only once its change is committed, so the caller may show it: a server killed right after has
 * it on disk.
 */
public final class ActionLog {

    private final Jdbc jdbc;
    private final Clock clock;

    public ActionLog(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Appends {@code action}, which left the session at {@code after} and ran {@code ran}; returns it as stored. */
    public LoggedAction append(long attemptId, Action action, Position after, List<CommandRun> ran) {
        List<RanCommand> commands = ran.stream().map(RanCommand::of).toList();
        String terminal = action instanceof Action.Type type ? type.terminal() : null;
        String line = action instanceof Action.Type type ? type.line() : null;
        Instant now = clock.instant();
        return jdbc.inTransaction(tx -> {
            // The primary key (attempt_id, seq) makes a racing append of the same seq fail rather
            // than interleave; callers hold the attempt's lock, so it does not happen.
            int seq = tx.queryOne("select coalesce(max(seq), 0) + 1 from action_log where attempt_id = ?",
                    row -> row.getInt(1), attemptId).orElse(1);
            tx.update("insert into action_log (attempt_id, seq, kind, terminal, line, step_after, command_after,"
                    + " taken_at) values (?, ?, ?, ?, ?, ?, ?, ?)", attemptId, seq, kind(action), terminal, line,
                    after.step(), after.command(), now);
            for (int i = 0; i < commands.size(); i++) {
                RanCommand c = commands.get(i);
                tx.update("insert into command_run (attempt_id, seq, ordinal, step_index, origin, terminal, line,"
                        + " output, status, matched) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", attemptId, seq, i,
                        c.stepIndex(), c.typed() ? "typed" : "step", c.terminal(), c.line(), c.output(), c.status(),
                        c.matched());
            }
            return new LoggedAction(seq, action, after, commands, now, null);
        });
    }

    /** Marks the newest live action undone and returns it; empty if none is live. */
    public Optional<LoggedAction> undoLast(long attemptId) {
        return jdbc.inTransaction(tx -> {
            Optional<LoggedAction> last = new ActionLog(tx, clock).read(attemptId, "and undone_at is null", true)
                    .stream().findFirst();
            last.ifPresent(action -> tx.update("update action_log set undone_at = ? where attempt_id = ? and seq = ?",
                    clock.instant(), attemptId, action.seq()));
            return last;
        });
    }

    /** Marks every live action after the first {@code keep} live ones undone; returns how many. */
    public int keepFirst(long attemptId, int keep) {
        List<LoggedAction> live = live(attemptId);
        if (keep >= live.size()) {
            return 0;
        }
        return jdbc.update("update action_log set undone_at = ? where attempt_id = ? and seq >= ?"
                + " and undone_at is null", clock.instant(), attemptId, live.get(keep).seq());
    }

    /** The live actions, oldest first: what the player replays. */
    public List<LoggedAction> live(long attemptId) {
        return read(attemptId, "and undone_at is null", false);
    }

    /** Every action, undone ones included, oldest first: the full record. */
    public List<LoggedAction> all(long attemptId) {
        return read(attemptId, "", false);
    }

    private List<LoggedAction> read(long attemptId, String condition, boolean newestFirst) {
        String order = newestFirst ? " desc" : "";
        Map<Integer, List<RanCommand>> commands = new LinkedHashMap<>();
        jdbc.query("select * from command_run where attempt_id = ? order by seq, ordinal",
                row -> commands.computeIfAbsent(row.getInt("seq"), k -> new ArrayList<>()).add(command(row)), attemptId);
        List<LoggedAction> actions = jdbc.query("select * from action_log where attempt_id = ? " + condition
                + " order by seq" + order, row -> action(row, List.of()), attemptId);
        return actions.stream().map(a -> new LoggedAction(a.seq(), a.action(), a.after(),
                commands.getOrDefault(a.seq(), List.of()), a.takenAt(), a.undoneAt())).toList();
    }

    private static String kind(Action action) {
        if (action instanceof Action.Next) {
            return "next";
        }
        if (action instanceof Action.Forward) {
            return "forward";
        }
        if (action instanceof Action.Type) {
            return "type";
        }
        throw new IllegalArgumentException("a " + action.getClass().getSimpleName() + " is not logged");
    }

    private static LoggedAction action(ResultSet row, List<RanCommand> commands) throws SQLException {
        Action action = switch (row.getString("kind")) {
            case "next" -> new Action.Next();
            case "forward" -> new Action.Forward();
            case "type" -> new Action.Type(row.getString("terminal"), row.getString("line"));
            default -> throw new SQLException("unknown action kind " + row.getString("kind"));
        };
        return new LoggedAction(row.getInt("seq"), action, new Position(row.getInt("step_after"),
                row.getInt("command_after")), commands, Jdbc.instant(row, "taken_at"), Jdbc.instant(row, "undone_at"));
    }

    private static RanCommand command(ResultSet row) throws SQLException {
        boolean matchedValue = row.getBoolean("matched");
        Boolean matched = row.wasNull() ? null : matchedValue;
        return new RanCommand(row.getInt("step_index"), "typed".equals(row.getString("origin")),
                row.getString("terminal"), row.getString("line"), row.getString("output"), row.getInt("status"),
                matched);
    }
}
