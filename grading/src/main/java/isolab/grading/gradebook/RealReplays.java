package isolab.grading.gradebook;

import isolab.grading.db.Jdbc;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The real_replay, real_replay_command and real_replay_picture tables. */
public final class RealReplays {

    private final Jdbc jdbc;

    public RealReplays(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores {@code replay} with its commands and pictures in one transaction; returns it with its id. */
    public RealReplay record(RealReplay replay) {
        return jdbc.inTransaction(tx -> {
            long id = tx.insertReturningId("insert into real_replay (attempt_id, log_digest, actions, started_at,"
                            + " finished_at, outcome, reason) values (?, ?, ?, ?, ?, ?, ?)", replay.attemptId(),
                    replay.logDigest(), replay.actions(), replay.startedAt(), replay.finishedAt(),
                    replay.outcome().word(), clip(replay.reason(), 4000));
            for (RealReplay.Command c : replay.commands()) {
                tx.update("insert into real_replay_command (replay_id, command_index, terminal, line, sim_output, sim_status,"
                                + " real_output, real_status, sim_normalised, real_normalised, disagreement)"
                                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id, c.position(), clip(c.terminal(), 32),
                        clip(c.line(), 4000), clip(c.simOutput(), 100_000), c.simStatus(), clip(c.realOutput(), 100_000),
                        c.realStatus(), clip(c.simNormalised(), 100_000), clip(c.realNormalised(), 100_000),
                        clip(c.disagreement(), 4000));
            }
            for (RealReplay.Picture p : replay.pictures()) {
                tx.update("insert into real_replay_picture (replay_id, host, name, svg) values (?, ?, ?, ?)", id,
                        p.host(), p.name(), p.svg());
            }
            return new RealReplay(id, replay.attemptId(), replay.logDigest(), replay.actions(), replay.startedAt(),
                    replay.finishedAt(), replay.outcome(), replay.reason(), replay.commands(), replay.pictures());
        });
    }

    /** The newest replay of the attempt's log with {@code logDigest}, if that log was replayed. */
    public Optional<RealReplay> forLog(long attemptId, String logDigest) {
        return jdbc.queryOne("select * from real_replay where attempt_id = ? and log_digest = ? order by id desc",
                row -> load(row), attemptId, logDigest);
    }

    /** The replay with {@code id}, if there is one. */
    public Optional<RealReplay> byId(long id) {
        return jdbc.queryOne("select * from real_replay where id = ?", row -> load(row), id);
    }

    /** The newest replay of the attempt, of whichever log. */
    public Optional<RealReplay> latest(long attemptId) {
        return jdbc.queryOne("select * from real_replay where attempt_id = ? order by id desc", row -> load(row),
                attemptId);
    }

    /**
     * What the gradebook shows of a replay: how it ended, when, and how many of its commands the
     * hosts disagree on.
     */
    public record Summary(long replayId, long attemptId, RealReplay.Outcome outcome, Instant finishedAt, int actions, int commands,
                          int disagreements) {

        /** Whether both hosts ran the whole log and agree on every command. */
        public boolean agrees() {
            return outcome == RealReplay.Outcome.COMPARED && disagreements == 0;
        }
    }

    /** The newest replay of every attempt that has one, by attempt id, without outputs or pictures. */
    public Map<Long, Summary> latestByAttempt() {
        Map<Long, Summary> latest = new LinkedHashMap<>();
        jdbc.query("select r.id, r.attempt_id, r.outcome, r.finished_at, r.actions, count(c.command_index) as commands,"
                + " coalesce(sum(case when c.disagreement <> '' then 1 else 0 end), 0) as disagreements"
                + " from real_replay r left join real_replay_command c on c.replay_id = r.id"
                + " group by r.id, r.attempt_id, r.outcome, r.finished_at, r.actions order by r.id",
                row -> latest.put(row.getLong("attempt_id"), new Summary(row.getLong("id"), row.getLong("attempt_id"),
                        RealReplay.Outcome.fromWord(row.getString("outcome")), Jdbc.instant(row, "finished_at"),
                        row.getInt("actions"), row.getInt("commands"), row.getInt("disagreements"))));
        return latest;
    }

    private RealReplay load(java.sql.ResultSet row) throws java.sql.SQLException {
        long id = row.getLong("id");
        return new RealReplay(id, row.getLong("attempt_id"), row.getString("log_digest"), row.getInt("actions"),
                Jdbc.instant(row, "started_at"), Jdbc.instant(row, "finished_at"),
                RealReplay.Outcome.fromWord(row.getString("outcome")), row.getString("reason"), commands(id),
                pictures(id));
    }

    private List<RealReplay.Command> commands(long replayId) {
        return jdbc.query("select * from real_replay_command where replay_id = ? order by command_index",
                row -> new RealReplay.Command(row.getInt("command_index"), row.getString("terminal"), row.getString("line"),
                        row.getString("sim_output"), Jdbc.nullableInt(row, "sim_status"), row.getString("real_output"),
                        Jdbc.nullableInt(row, "real_status"), row.getString("sim_normalised"),
                        row.getString("real_normalised"), row.getString("disagreement")), replayId);
    }

    private List<RealReplay.Picture> pictures(long replayId) {
        return jdbc.query("select host, name, svg from real_replay_picture where replay_id = ? order by host, name",
                row -> new RealReplay.Picture(row.getString("host"), row.getString("name"), row.getString("svg")),
                replayId);
    }

    /** {@code text} cut to {@code max} characters, marked where it was cut, so a huge output never fails the store. */
    private static String clip(String text, int max) {
        String value = text == null ? "" : text;
        return value.length() <= max ? value : value.substring(0, max - 20) + "\n[... output cut]";
    }
}
