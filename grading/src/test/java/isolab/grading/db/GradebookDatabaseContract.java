package isolab.grading.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import isolab.grading.gradebook.Attempt;
import isolab.grading.gradebook.Attempts;
import isolab.grading.gradebook.CheckRun;
import isolab.grading.gradebook.CheckRuns;
import isolab.grading.gradebook.CommandLog;
import isolab.grading.gradebook.Gradebook;
import isolab.grading.gradebook.GradebookRow;
import isolab.grading.gradebook.LogEntry;
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
    CommandLog log;
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
        log = new CommandLog(jdbc, CLOCK);
        predictions = new PredictionAnswers(jdbc);
        checks = new CheckRuns(jdbc, CLOCK);
        gradebook = new Gradebook(jdbc);
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    @Test
    void migrations_bring_a_fresh_database_to_schema_version_1() {
        assertEquals("1", database.schemaVersion());
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

    @Test
    void log_entries_are_numbered_from_1_and_read_back_as_stored() {
        long attempt = attemptOf("ada");
        log.appendRun(attempt, 0, 0, "main", "hostname", "isolab\n", 0);
        log.appendAdvance(attempt, 1);
        log.appendRun(attempt, 1, null, "main", "echo $$", "2\n", 0);
        List<LogEntry> live = log.live(attempt);
        assertEquals(3, live.size());
        assertEquals(new LogEntry.Run(1, 0, 0, "main", "hostname", "isolab\n", 0, CLOCK.instant(), null), live.get(0));
        assertEquals(new LogEntry.Advance(2, 1, CLOCK.instant(), null), live.get(1));
        assertTrue(((LogEntry.Run) live.get(2)).typed());
    }

    @Test
    void stepping_back_undoes_the_newest_live_entry_but_keeps_it_on_record() {
        long attempt = attemptOf("ada");
        log.appendRun(attempt, 0, 0, "main", "hostname", "isolab\n", 0);
        log.appendRun(attempt, 0, 1, "main", "echo hi", "hi\n", 0);
        assertEquals(2, log.undoLast(attempt).orElseThrow().seq());
        assertEquals(1, log.undoLast(attempt).orElseThrow().seq());
        assertTrue(log.undoLast(attempt).isEmpty());
        assertEquals(0, log.live(attempt).size());
        assertEquals(2, log.all(attempt).size());
        assertFalse(log.all(attempt).get(0).live());
        log.appendRun(attempt, 0, 0, "main", "hostname", "isolab\n", 0);
        assertEquals(3, log.live(attempt).get(0).seq(), "numbers are never reused");
    }

    @Test
    void undo_after_keeps_the_entries_up_to_the_given_seq() {
        long attempt = attemptOf("ada");
        for (int i = 0; i < 4; i++) {
            log.appendRun(attempt, 0, i, "main", "echo " + i, i + "\n", 0);
        }
        assertEquals(2, log.undoAfter(attempt, 2));
        assertEquals(List.of(1, 2), log.live(attempt).stream().map(LogEntry::seq).toList());
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
        log.appendRun(bob, 0, 0, "main", "hostname", "isolab\n", 0);
        log.appendRun(bob, 0, 1, "main", "echo", "\n", 0);
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

    private long attemptOf(String username) {
        long account = roster.byUsername(username).orElseGet(() -> roster.add(username, Role.STUDENT, "h")).id();
        return attempts.currentOrStart(account, "uts-and-pid", 42).id();
    }
}
