package isolab.grading.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import isolab.grading.gradebook.Attempt;
import isolab.grading.gradebook.Attempts;
import isolab.grading.gradebook.CheckRun;
import isolab.grading.gradebook.CheckRuns;
import isolab.grading.gradebook.ActionLog;
import isolab.grading.gradebook.Gradebook;
import isolab.grading.gradebook.GradebookRow;
import isolab.grading.gradebook.LoggedAction;
import isolab.grading.gradebook.RanCommand;
import isolab.grading.gradebook.RealReplay;
import isolab.grading.gradebook.RealReplays;
import isolab.api.CommandResult;
import isolab.labs.match.Match;
import isolab.labs.model.Command;
import isolab.labs.run.Action;
import isolab.labs.run.CommandRun;
import isolab.labs.run.Position;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import isolab.grading.gradebook.PredictionAnswer;
import isolab.grading.gradebook.PredictionAnswers;
import isolab.grading.roster.Account;
import isolab.grading.roster.Role;
import isolab.grading.roster.Roster;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the gradebook's repositories do, on whichever database a subclass opens. */
abstract class GradebookDatabaseContract {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-05T10:00:00Z"), ZoneOffset.UTC);

    Database database;
    Roster roster;
    Attempts attempts;
    ActionLog log;
    PredictionAnswers predictions;
    CheckRuns checks;
    Gradebook gradebook;

    /** A fresh, migrated database. */
    abstract Database open() throws Exception;

    @BeforeEach
    void setUp() throws Exception {
        database = open();
        Jdbc jdbc = database.jdbc();
        roster = new Roster(jdbc, CLOCK);
        attempts = new Attempts(jdbc, CLOCK);
        log = new ActionLog(jdbc, CLOCK);
        predictions = new PredictionAnswers(jdbc);
        checks = new CheckRuns(jdbc, CLOCK);
        gradebook = new Gradebook(jdbc);
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    @Test
    void migrations_bring_a_fresh_database_to_schema_version_2() {
        assertEquals("2", database.schemaVersion());
    }

    @Test
    void an_account_is_found_by_name_with_its_role_and_hash() {
        roster.add("ada", Role.STUDENT, "hash-a");
        Account found = roster.byUsername("ada").orElseThrow();
        assertEquals(Role.STUDENT, found.role());
        assertEquals("hash-a", found.passwordHash());
        assertEquals(CLOCK.instant(), found.createdAt());
    }

    @Test
    void a_taken_username_is_refused() {
        roster.add("ada", Role.STUDENT, "h");
        assertThrows(Roster.UsernameTakenException.class, () -> roster.add("ada", Role.INSTRUCTOR, "h2"));
    }

    @Test
    void a_malformed_username_is_refused_before_the_database() {
        assertThrows(IllegalArgumentException.class, () -> roster.add("Ada Lovelace", Role.STUDENT, "h"));
        assertTrue(roster.byUsername("Ada Lovelace").isEmpty());
    }

    @Test
    void the_current_attempt_is_the_newest_one() {
        long ada = roster.add("ada", Role.STUDENT, "h").id();
        Attempt first = attempts.currentOrStart(ada, "uts-and-pid", 42);
        assertEquals(first, attempts.currentOrStart(ada, "uts-and-pid", 99));
        Attempt second = attempts.start(ada, "uts-and-pid", 42);
        assertEquals(second.id(), attempts.current(ada, "uts-and-pid").orElseThrow().id());
        assertEquals(42, second.seed());
    }

    static CommandRun ran(int step, String line, String output) {
        CommandResult result = new CommandResult(line, output, 0, Duration.ZERO, false, List.of());
        return step < 0
                ? new CommandRun(-1, CommandRun.Origin.TYPED, "main", Optional.empty(), result, new Match.Unchecked())
                : new CommandRun(step, CommandRun.Origin.STEP, "main",
                        Optional.of(new Command(10, "$", line, List.of(), OptionalInt.of(0))), result, new Match.Passed());
    }

    @Test
    void actions_are_numbered_from_1_and_read_back_with_their_commands() {
        long attempt = attemptOf("ada");
        log.append(attempt, new Action.Next(), new Position(0, 1), List.of(ran(0, "hostname", "isolab\n")));
        log.append(attempt, new Action.Forward(), new Position(2, 0),
                List.of(ran(0, "echo a", "a\n"), ran(0, "echo b", "b\n")));
        log.append(attempt, new Action.Type("main", "echo $$"), new Position(2, 0), List.of(ran(-1, "echo $$", "2\n")));
        List<LoggedAction> live = log.live(attempt);
        assertEquals(List.of(1, 2, 3), live.stream().map(LoggedAction::seq).toList());
        assertEquals(new Action.Next(), live.get(0).action());
        assertEquals(new Position(0, 1), live.get(0).after());
        assertEquals(new RanCommand(0, false, "main", "hostname", "isolab\n", 0, true), live.get(0).commands().get(0));
        assertEquals(List.of("echo a", "echo b"), live.get(1).commands().stream().map(RanCommand::line).toList());
        assertEquals(new Action.Type("main", "echo $$"), live.get(2).action());
        RanCommand typed = live.get(2).commands().get(0);
        assertTrue(typed.typed());
        assertEquals(-1, typed.stepIndex());
        assertEquals(null, typed.matched(), "nothing is expected of a typed line");
    }

    @Test
    void stepping_back_undoes_the_newest_live_action_but_keeps_it_on_record() {
        long attempt = attemptOf("ada");
        log.append(attempt, new Action.Next(), new Position(0, 1), List.of(ran(0, "hostname", "isolab\n")));
        log.append(attempt, new Action.Next(), new Position(0, 2), List.of(ran(0, "echo hi", "hi\n")));
        assertEquals(2, log.undoLast(attempt).orElseThrow().seq());
        assertEquals(1, log.undoLast(attempt).orElseThrow().seq());
        assertTrue(log.undoLast(attempt).isEmpty());
        assertEquals(0, log.live(attempt).size());
        assertEquals(2, log.all(attempt).size());
        assertFalse(log.all(attempt).get(0).live());
        assertEquals("hi\n", log.all(attempt).get(1).commands().get(0).output(), "what was shown stays on record");
        log.append(attempt, new Action.Next(), new Position(0, 1), List.of(ran(0, "hostname", "isolab\n")));
        assertEquals(3, log.live(attempt).get(0).seq(), "numbers are never reused");
    }

    @Test
    void keep_first_keeps_that_many_live_actions() {
        long attempt = attemptOf("ada");
        for (int i = 0; i < 4; i++) {
            log.append(attempt, new Action.Next(), new Position(0, i + 1), List.of(ran(0, "echo " + i, i + "\n")));
        }
        log.undoLast(attempt);
        assertEquals(1, log.keepFirst(attempt, 2));
        assertEquals(List.of(1, 2), log.live(attempt).stream().map(LoggedAction::seq).toList());
        assertEquals(0, log.keepFirst(attempt, 5));
    }

    @Test
    void a_check_run_is_not_an_action_of_the_log() {
        long attempt = attemptOf("ada");
        assertThrows(IllegalArgumentException.class,
                () -> log.append(attempt, new Action.RunCheck(3), new Position(0, 0), List.of()));
        assertEquals(0, log.all(attempt).size());
    }

    @Test
    void a_prediction_s_first_answer_stands() {
        long attempt = attemptOf("ada");
        PredictionAnswer first = new PredictionAnswer(attempt, 3, "1", "1", true, 2, 2, CLOCK.instant());
        predictions.record(first);
        PredictionAnswer again = predictions.record(
                new PredictionAnswer(attempt, 3, "7", "1", false, 0, 2, CLOCK.instant()));
        assertEquals(first, again);
        assertEquals(List.of(first), predictions.of(attempt));
    }

    @Test
    void the_score_is_correct_predictions_plus_the_latest_check_run() {
        long attempt = attemptOf("ada");
        predictions.record(new PredictionAnswer(attempt, 1, "1", "1", true, 2, 2, CLOCK.instant()));
        predictions.record(new PredictionAnswer(attempt, 2, "x", "y", false, 0, 3, CLOCK.instant()));
        checks.record(attempt, List.of(new CheckRun.Result(5, "hostname set", true, 4, "")));
        assertEquals(6, gradebook.score(attempt).total());
        checks.record(attempt, List.of(new CheckRun.Result(5, "hostname set", false, 4, "hostname: expected x")));
        assertEquals(2, gradebook.score(attempt).total());
        CheckRun latest = checks.latest(attempt).orElseThrow();
        assertEquals("hostname: expected x", latest.results().get(0).detail());
        assertEquals(0, latest.pointsAwarded());
        assertEquals(4, latest.pointsPossible());
    }

    @Test
    void the_gradebook_lists_each_student_s_current_attempt_with_its_score() {
        long old = attemptOf("bob");
        predictions.record(new PredictionAnswer(old, 1, "1", "1", true, 5, 5, CLOCK.instant()));
        long bob = attempts.start(roster.byUsername("bob").orElseThrow().id(), "uts-and-pid", 7).id();
        log.append(bob, new Action.Next(), new Position(0, 1), List.of(ran(0, "hostname", "isolab\n")));
        log.append(bob, new Action.Next(), new Position(0, 2), List.of(ran(0, "echo", "\n")));
        log.undoLast(bob);
        long ada = attemptOf("ada");
        checks.record(ada, List.of(new CheckRun.Result(2, "c", true, 3, "")));
        List<GradebookRow> rows = gradebook.rows();
        assertEquals(List.of("ada", "bob"), rows.stream().map(GradebookRow::username).toList());
        assertEquals(3, rows.get(0).score().total());
        assertTrue(rows.get(0).checked());
        assertEquals(bob, rows.get(1).attemptId());
        assertEquals(0, rows.get(1).score().total(), "the old attempt's points do not count");
        assertEquals(2, rows.get(1).commandsRun(), "undone commands were still run");
        assertFalse(rows.get(1).checked());
    }

    @Test
    void a_real_replay_is_stored_with_its_commands_and_pictures_and_found_by_its_log() {
        long ada = attemptOf("ada");
        RealReplays replays = new RealReplays(database.jdbc());
        String huge = "x".repeat(150_000);
        RealReplay stored = replays.record(new RealReplay(0, ada, "d1", 3, CLOCK.instant(), CLOCK.instant().plusSeconds(4),
                RealReplay.Outcome.COMPARED, "", List.of(
                        new RealReplay.Command(0, "main", "hostname", "isolab\n", 0, "isolab\n", 0, "isolab", "isolab", ""),
                        new RealReplay.Command(1, "c1", "readlink /proc/self/ns/uts", "uts:[1]\n", 0, huge, null,
                                "<ns#1>", "", "only sim ran this command")),
                List.of(new RealReplay.Picture("sim", "processes", "<svg>s</svg>"),
                        new RealReplay.Picture("real", "processes", "<svg>" + "r".repeat(200_000) + "</svg>"))));
        RealReplay found = replays.forLog(ada, "d1").orElseThrow();
        assertEquals(stored.id(), found.id());
        assertEquals(RealReplay.Outcome.COMPARED, found.outcome());
        assertEquals(CLOCK.instant().plusSeconds(4), found.finishedAt());
        assertEquals(2, found.commands().size());
        assertEquals(stored.commands().get(0), found.commands().get(0));
        assertEquals(null, found.commands().get(1).realStatus());
        assertTrue(found.commands().get(1).realOutput().length() <= 100_000, "a huge output is cut, not refused");
        assertEquals(List.of(found.commands().get(1)), found.disagreements());
        assertEquals(200_011, found.picture("real", "processes").length());
        assertEquals("<svg>s</svg>", found.picture("sim", "processes"));
        assertTrue(replays.forLog(ada, "d2").isEmpty(), "another log was never replayed");
        replays.record(new RealReplay(0, ada, "d2", 4, CLOCK.instant(), CLOCK.instant(), RealReplay.Outcome.TIMED_OUT,
                "ran past 180 s", List.of(), List.of()));
        assertEquals("d2", replays.latest(ada).orElseThrow().logDigest());
        assertEquals(RealReplay.Outcome.TIMED_OUT, replays.forLog(ada, "d2").orElseThrow().outcome());
        assertEquals(stored.id(), replays.forLog(ada, "d1").orElseThrow().id(), "the older log's result stays");
        long bob = attemptOf("bob");
        replays.record(new RealReplay(0, bob, "d3", 1, CLOCK.instant(), CLOCK.instant(), RealReplay.Outcome.COMPARED, "",
                List.of(stored.commands().get(1)), List.of()));
        var summaries = replays.latestByAttempt();
        assertEquals(RealReplay.Outcome.TIMED_OUT, summaries.get(ada).outcome(), "ada's newest replay");
        assertEquals(0, summaries.get(ada).commands());
        assertEquals(1, summaries.get(bob).commands());
        assertEquals(1, summaries.get(bob).disagreements());
        assertFalse(summaries.get(bob).agrees());
        assertEquals(stored.id(), replays.byId(stored.id()).orElseThrow().id());
        assertEquals(replays.latest(bob).orElseThrow().id(), summaries.get(bob).replayId());
        assertTrue(replays.byId(-1).isEmpty());
    }

    private long attemptOf(String username) {
        long account = roster.byUsername(username).orElseGet(() -> roster.add(username, Role.STUDENT, "h")).id();
        return attempts.currentOrStart(account, "uts-and-pid", 42).id();
    }
}
