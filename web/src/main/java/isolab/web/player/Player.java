package isolab.web.player;

import isolab.grading.gradebook.ActionLog;
import isolab.grading.gradebook.Attempt;
import isolab.grading.gradebook.Attempts;
import isolab.grading.gradebook.CheckRun;
import isolab.grading.gradebook.CheckRuns;
import isolab.grading.gradebook.LoggedAction;
import isolab.grading.gradebook.PredictionAnswer;
import isolab.grading.gradebook.PredictionAnswers;
import isolab.grading.roster.Account;
import isolab.grading.score.PredictionGrader;
import isolab.grading.score.Verdict;
import isolab.grading.seed.StudentSeeds;
import isolab.labs.model.BoundLab;
import isolab.labs.model.CheckStep;
import isolab.labs.model.ConsoleStep;
import isolab.labs.model.Lab;
import isolab.labs.model.LabFormatException;
import isolab.labs.model.PredictStep;
import isolab.labs.model.Step;
import isolab.labs.model.StepKind;
import isolab.labs.run.Action;
import isolab.labs.run.CommandRun;
import isolab.labs.run.Position;
import isolab.labs.run.PredictionKeys;
import isolab.labs.run.Session;
import isolab.web.catalog.LabLibrary;
import isolab.web.picture.MemcgSample;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * What a student does in a lab: run the step's next command, type their own, move forward, back
 * or to any step, answer a prediction, check their work. Each action is stored in the attempt's
 * log before the method returns, so whatever the page then shows survives a crash.
 */
public final class Player {

    /** Longest command line a student may type. */
    public static final int LINE_CHARS_MAX = 4000;

    private static final Pattern TERMINAL_NAME = Pattern.compile("[a-z0-9_-]{1,32}");

    private final LabLibrary labs;
    private final StudentSeeds seeds;
    private final Attempts attempts;
    private final ActionLog log;
    private final PredictionAnswers answers;
    private final CheckRuns checks;
    private final Sessions sessions;
    private final PredictionKeys keys;
    private final Clock clock;

    public Player(LabLibrary labs, StudentSeeds seeds, Attempts attempts, ActionLog log, PredictionAnswers answers,
                  CheckRuns checks, Sessions sessions, PredictionKeys keys, Clock clock) {
        this.labs = labs;
        this.seeds = seeds;
        this.attempts = attempts;
        this.log = log;
        this.answers = answers;
        this.checks = checks;
        this.sessions = sessions;
        this.keys = keys;
        this.clock = clock;
    }

    /**
     * A student's session of a lab as the page shows it: the attempt, the live session (its
     * position and machine), the live log with what each command showed, and the machine's memory
     * cgroups at the start and after each live action.
     */
    public record State(Attempt attempt, Session session, List<LoggedAction> live, List<MemcgSample> memory) {

        public BoundLab lab() {
            return session.lab();
        }

        public Position position() {
            return session.position();
        }
    }

    /** The student's current state in {@code labId}, the attempt started if they had none. */
    public State state(Account student, String labId) {
        Attempt attempt = attempt(student, labId);
        return locked(attempt, () -> load(attempt));
    }

    private Attempt attempt(Account student, String labId) {
        labs.find(labId).orElseThrow(() -> new NoSuchLabException(labId));
        return attempts.currentOrStart(student.id(), labId, seeds.seedFor(student.username()));
    }

    private State load(Attempt attempt) {
        Lab lab = labs.find(attempt.labId()).orElseThrow(() -> new NoSuchLabException(attempt.labId()));
        BoundLab bound;
        try {
            bound = lab.bind(attempt.seed());
        } catch (LabFormatException e) {
            throw new PlayerException("this lab cannot be drawn for your parameters: " + e.getMessage());
        }
        List<LoggedAction> live = log.live(attempt.id());
        Session session = sessions.session(attempt.id(), bound, live);
        return new State(attempt, session, live, sessions.history(attempt.id()));
    }

    /** Runs the current console step's next command. */
    public void next(Account student, String labId) {
        act(student, labId, state -> {
            if (!(state.session().currentStep().orElse(null) instanceof ConsoleStep console)
                    || state.position().command() >= console.commands().size()) {
                throw new PlayerException("this step has no command left to run");
            }
            apply(state, new Action.Next());
        });
    }

    /** Runs what is left of the current step and moves to the next step. */
    public void forward(Account student, String labId) {
        act(student, labId, this::forward);
    }

    private void forward(State state) {
        List<Integer> shown = shown(state.lab());
        if (state.session().finished() || shown.isEmpty() || state.position().step() >= shown.get(shown.size() - 1)) {
            throw new PlayerException("this is the last step of the lab: check your work");
        }
        requireAnswered(state);
        apply(state, new Action.Forward());
    }

    /** Runs a line the student typed into terminal {@code terminal} ({@code main} when blank). */
    public void type(Account student, String labId, String terminal, String line) {
        String name = terminal == null || terminal.isBlank() ? "main" : terminal.trim();
        if (!TERMINAL_NAME.matcher(name).matches()) {
            throw new PlayerException("a terminal name is 1 to 32 characters of a-z, 0-9, '_' and '-'");
        }
        String text = line == null ? "" : line.replace("\r\n", "\n").strip();
        if (text.isEmpty()) {
            throw new PlayerException("type a command first");
        }
        if (text.length() > LINE_CHARS_MAX) {
            throw new PlayerException("a command line has at most " + LINE_CHARS_MAX + " characters");
        }
        if (text.replace("\\\n", "").contains("\n")) {
            throw new PlayerException("type one command line at a time (end a line with \\ to continue it)");
        }
        act(student, labId, state -> apply(state, new Action.Type(name, text)));
    }

    /** Undoes the newest action: a command run (the machine is rebuilt without it) or a move. */
    public void back(Account student, String labId) {
        act(student, labId, state -> {
            if (log.undoLast(state.attempt().id()).isEmpty()) {
                throw new PlayerException("you are at the start of the lab");
            }
        });
    }

    /**
     * Goes to step {@code stepIndex}: back to where the student first arrived at it (undoing what
     * came after), or forward through the steps before it, stopping at an unanswered prediction.
     */
    public void jump(Account student, String labId, int stepIndex) {
        act(student, labId, state -> {
            if (!shown(state.lab()).contains(stepIndex)) {
                throw new PlayerException("there is no step " + stepIndex + " to go to");
            }
            if (stepIndex <= state.position().step()) {
                log.keepFirst(state.attempt().id(), arrivalAt(state, stepIndex));
                return;
            }
            State now = state;
            while (!now.session().finished() && now.position().step() < stepIndex) {
                forward(now);
                now = load(now.attempt());
            }
        });
    }

    /** How many live actions the student had taken when they first arrived at {@code stepIndex}. */
    private static int arrivalAt(State state, int stepIndex) {
        if (firstShown(state.lab()) == stepIndex) {
            return 0;
        }
        Position start = Position.startOf(stepIndex);
        for (int n = 0; n < state.live().size(); n++) {
            if (state.live().get(n).after().equals(start)) {
                return n + 1;
            }
        }
        return state.live().size();
    }

    private void act(Account student, String labId, Consumer<State> action) {
        Attempt attempt = attempt(student, labId);
        locked(attempt, () -> {
            action.accept(load(attempt));
            return null;
        });
    }

    /** Runs {@code work} holding the attempt's lock, so its requests never interleave. */
    private <T> T locked(Attempt attempt, Supplier<T> work) {
        ReentrantLock lock = sessions.lock(attempt.id());
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    /** Applies {@code action} to the live session and stores it with its commands before returning. */
    private void apply(State state, Action action) {
        long attemptId = state.attempt().id();
        try {
            List<CommandRun> ran = state.session().apply(action);
            LoggedAction stored = log.append(attemptId, action, state.session().position(), ran);
            sessions.applied(attemptId, stored.seq(), ran);
        } catch (RuntimeException e) {
            // The machine may have run the action without the log saying so: rebuild it next time.
            sessions.forget(attemptId);
            throw e;
        }
    }

    private void requireAnswered(State state) {
        int current = state.position().step();
        if (state.session().currentStep().orElse(null) instanceof PredictStep
                && answers.find(state.attempt().id(), current).isEmpty()) {
            throw new PlayerException("answer the prediction before going on: the next step reveals it");
        }
    }

    /** Answers the prediction of the current step; the first answer stands. */
    public PredictionAnswer predict(Account student, String labId, int stepIndex, String answer) {
        Attempt attempt = attempt(student, labId);
        return locked(attempt, () -> {
            State state = load(attempt);
            if (state.position().step() != stepIndex
                    || !(state.lab().steps().get(stepIndex) instanceof PredictStep predict)) {
                throw new PlayerException("that prediction is not the current step");
            }
            Optional<PredictionAnswer> earlier = answers.find(attempt.id(), stepIndex);
            if (earlier.isPresent()) {
                return earlier.get();
            }
            String key;
            try {
                key = keys.key(state.lab(), stepIndex).key();
            } catch (PredictionKeys.KeyException e) {
                throw new PlayerException("this prediction cannot be scored: " + e.getMessage());
            }
            Verdict verdict = PredictionGrader.grade(predict.prediction(), answer, key);
            return answers.record(new PredictionAnswer(attempt.id(), stepIndex, answer == null ? "" : answer.trim(),
                    key, verdict.correct(), verdict.points(predict.points()), predict.points(), clock.instant()));
        });
    }

    /**
     * Runs every check of the lab on a copy of the student's machine (their live actions replayed
     * on a fresh one, so their own machine is untouched) and stores the results.
     */
    public CheckRun check(Account student, String labId) {
        Attempt attempt = attempt(student, labId);
        return locked(attempt, () -> {
            State state = load(attempt);
            Session copy = sessions.replay(state.lab(), state.live().stream().map(LoggedAction::action).toList());
            try {
                List<CheckRun.Result> results = new ArrayList<>();
                for (int i = 0; i < state.lab().steps().size(); i++) {
                    if (state.lab().steps().get(i) instanceof CheckStep check) {
                        copy.apply(new Action.RunCheck(i));
                        results.add(result(i, check, copy.latestCheck(i).orElseThrow()));
                    }
                }
                return checks.record(attempt.id(), results);
            } finally {
                copy.host().close();
            }
        });
    }

    private static CheckRun.Result result(int index, CheckStep check, isolab.labs.run.CheckRun run) {
        String title = check.title().isEmpty() ? "check at line " + check.line() : check.title();
        String detail = run.commands().stream().filter(c -> !c.match().passed()).findFirst()
                .map(c -> check.hidden() ? "a hidden check did not hold" : "$ " + c.line() + "\n" + c.match().describe())
                .orElse("");
        return new CheckRun.Result(index, title, run.passed(), check.points(), detail);
    }

    /** Starts the lab over: a new attempt with the same seed; the old one stays on record. */
    public void restart(Account student, String labId) {
        Attempt attempt = attempt(student, labId);
        locked(attempt, () -> {
            attempts.start(student.id(), labId, attempt.seed());
            sessions.forget(attempt.id());
            return null;
        });
    }

    /** The answer given to the prediction at {@code stepIndex}, if any. */
    public Optional<PredictionAnswer> answer(State state, int stepIndex) {
        return answers.find(state.attempt().id(), stepIndex);
    }

    /** The steps the player shows (console, predict, check), by index: setups run unseen, solutions never. */
    public static List<Integer> shown(BoundLab lab) {
        List<Integer> shown = new ArrayList<>();
        for (int i = 0; i < lab.steps().size(); i++) {
            if (isShown(lab.steps().get(i))) {
                shown.add(i);
            }
        }
        return shown;
    }

    static boolean isShown(Step step) {
        return step.kind() == StepKind.CONSOLE || step.kind() == StepKind.PREDICT || step.kind() == StepKind.CHECK;
    }

    private static int firstShown(BoundLab lab) {
        List<Integer> shown = shown(lab);
        return shown.isEmpty() ? lab.steps().size() : shown.get(0);
    }

    /** There is no lab with the id asked for. */
    public static final class NoSuchLabException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public NoSuchLabException(String labId) {
            super("there is no lab '" + labId + "'");
        }
    }
}
