package isolab.cli;

import isolab.api.Host;
import isolab.api.MachineConfig;
import isolab.grading.score.PredictionGrader;
import isolab.grading.score.Verdict;
import isolab.labs.match.Screen;
import isolab.labs.model.BoundLab;
import isolab.labs.model.CheckStep;
import isolab.labs.model.PredictStep;
import isolab.labs.model.Prediction;
import isolab.labs.model.PredictionType;
import isolab.labs.model.Step;
import isolab.labs.model.TranscriptStep;
import isolab.labs.run.Action;
import isolab.labs.run.CheckRun;
import isolab.labs.run.CommandRun;
import isolab.labs.run.HostFactory;
import isolab.labs.run.Plan;
import isolab.labs.run.PredictionKeys;
import isolab.labs.run.Session;
import isolab.web.player.Player;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A lab played at a text terminal the way a student plays it in the browser: each step's prose,
 * the lab's commands one Enter at a time, the student's own commands typed into the lab's
 * terminals, predictions answered and scored before the step that reveals them, checks, and a step
 * back that rebuilds the machine without the newest action. Lines that start with {@code :} are
 * the player's own commands; an unanswered prediction takes the line as its answer; every other
 * line runs in the current terminal.
 */
final class TerminalPlayer {

    /** What {@code :help} prints. */
    static final String HELP = String.join("\n",
            "Enter          run the lab's next command, run a check, or go on to the next step",
            "COMMAND        run your own command in the current terminal",
            ":forward :f    run the rest of this step and go on",
            ":back :b       step back: undo the newest command or move (the machine is rebuilt without it)",
            ":check :c      check your work: every check of the lab, on a copy of your machine",
            ":terminal NAME switch the terminal your commands run in (:t NAME)",
            ":steps         list the steps; :score your score so far",
            ":quit :q       leave (also end of input)");

    private static final Pattern TERMINAL_NAME = Pattern.compile("[a-z0-9_-]{1,32}");

    private final BoundLab lab;
    private final HostFactory hosts;
    private final PredictionKeys keys;
    private final BufferedReader in;
    private final PrintWriter out;
    private final boolean echo;
    private final List<Integer> shown;
    /** The verdict on each answered prediction, by step index; the first answer stands. */
    private final Map<Integer, Answer> answers = new TreeMap<>();
    /** Whether each check passed the last time it ran, by step index. */
    private final Map<Integer, Boolean> checks = new TreeMap<>();
    private Session session;
    private String terminal = "main";
    private int announced = -1;

    /** An answer to a prediction and what it earned. */
    private record Answer(String given, String key, Verdict verdict, int points) {
    }

    /** A player of {@code lab} reading {@code in}; {@code echo} prints each line read, for input that is not a terminal. */
    TerminalPlayer(BoundLab lab, HostFactory hosts, PredictionKeys keys, BufferedReader in, PrintWriter out, boolean echo) {
        this.lab = lab;
        this.hosts = hosts;
        this.keys = keys;
        this.in = in;
        this.out = out;
        this.echo = echo;
        this.shown = Player.shown(lab);
    }

    /** Plays until {@code :quit} or the end of input; the machine is closed on the way out. */
    void play() throws IOException {
        session = Session.start(lab, open(), Plan.WITHOUT_SOLUTIONS);
        try {
            announce();
            while (true) {
                nextCommand().ifPresent(next -> out.println("(Enter runs: " + next + ")"));
                out.print(awaitingAnswer() ? "answer> " : terminal + " $ ");
                out.flush();
                String line = readLine();
                if (line == null) {
                    break;
                }
                if (!handle(line.strip())) {
                    break;
                }
                announce();
            }
            out.println();
            out.println(score());
            out.flush();
        } finally {
            session.host().close();
        }
    }

    /** One line of input, joined with the lines that follow while it ends with a backslash, as a shell reads one. */
    private String readLine() throws IOException {
        String line = in.readLine();
        if (line == null) {
            return null;
        }
        if (echo) {
            out.println(line);
        }
        StringBuilder joined = new StringBuilder(line);
        while (joined.length() > 0 && joined.charAt(joined.length() - 1) == '\\') {
            out.print("> ");
            out.flush();
            String more = in.readLine();
            if (more == null) {
                break;
            }
            if (echo) {
                out.println(more);
            }
            joined.append('\n').append(more);
        }
        return joined.toString();
    }

    private Host open() {
        return hosts.open(new MachineConfig(lab.front().cgroup(), lab.seed()));
    }

    /** Does what {@code line} asks; false to leave. */
    private boolean handle(String line) {
        if (line.startsWith(":")) {
            return command(line.substring(1).strip());
        }
        if (line.isEmpty()) {
            enter();
        } else if (awaitingAnswer()) {
            answer(line);
        } else {
            runs(session.apply(new Action.Type(terminal, line)));
        }
        return true;
    }

    private boolean command(String text) {
        String[] words = text.split("\\s+", 2);
        String arg = words.length > 1 ? words[1].strip() : "";
        switch (words[0]) {
            case "q", "quit", "exit" -> {
                return false;
            }
            case "h", "help", "?" -> out.println(HELP);
            case "f", "forward" -> forward();
            case "b", "back" -> back();
            case "c", "check" -> checkAll();
            case "t", "terminal" -> switchTerminal(arg);
            case "steps" -> steps();
            case "score" -> out.println(score());
            default -> out.println("isolab: no player command ':" + words[0] + "' (:help lists them)");
        }
        return true;
    }

    /** Enter: the lab's next command, the check of a check step, or the next step. */
    private void enter() {
        if (session.finished()) {
            out.println("That was the last step: :check checks your work, :quit leaves.");
            return;
        }
        if (awaitingAnswer()) {
            out.println("Answer the prediction first: the next step reveals it.");
            return;
        }
        Step step = session.currentStep().orElseThrow();
        if (step instanceof CheckStep check && session.position().command() == 0) {
            session.apply(new Action.Next());
            session.latestCheck(session.position().step()).ifPresent(run -> checkResult(check, run));
        } else if (isLastShown() && stepDone()) {
            out.println("That was the last step: :check checks your work, :quit leaves.");
        } else {
            runs(session.apply(new Action.Next()));
        }
    }

    private void forward() {
        if (session.finished() || isLastShown() && stepDone()) {
            out.println("That was the last step: :check checks your work, :quit leaves.");
            return;
        }
        if (awaitingAnswer()) {
            out.println("Answer the prediction first: the next step reveals it.");
            return;
        }
        int step = session.position().step();
        List<CommandRun> ran = session.apply(new Action.Forward());
        if (lab.steps().get(step) instanceof CheckStep check) {
            session.latestCheck(step).ifPresent(run -> checkResult(check, run));
        } else {
            runs(ran);
        }
    }

    /** Rebuilds the machine from the log without its newest action. */
    private void back() {
        List<Action> log = session.log();
        if (log.isEmpty()) {
            out.println("You are at the start of the lab.");
            return;
        }
        Host old = session.host();
        Host fresh = open();
        try {
            session = Session.replay(lab, fresh, Plan.WITHOUT_SOLUTIONS, log.subList(0, log.size() - 1));
        } catch (RuntimeException e) {
            fresh.close();
            throw e;
        }
        old.close();
        checks.clear();
        session.checks().forEach(run -> checks.put(run.step(), run.passed()));
        out.println("(stepped back: " + describe(log.get(log.size() - 1)) + " undone)");
    }

    /** Every check of the lab, on a copy of the student's machine, so theirs is left as it is. */
    private void checkAll() {
        Host copyHost = open();
        try {
            Session copy = Session.replay(lab, copyHost, Plan.WITHOUT_SOLUTIONS, session.log());
            for (int i = 0; i < lab.steps().size(); i++) {
                if (lab.steps().get(i) instanceof CheckStep check) {
                    copy.apply(new Action.RunCheck(i));
                    checkResult(check, copy.latestCheck(i).orElseThrow());
                }
            }
        } finally {
            copyHost.close();
        }
        out.println(score());
    }

    private void checkResult(CheckStep check, CheckRun run) {
        checks.put(run.step(), run.passed());
        String title = check.title().isEmpty() ? "check at line " + check.line() : check.title();
        String points = check.points() + (check.points() == 1 ? " point" : " points");
        if (run.passed()) {
            out.println("  passed: " + title + " (" + points + ")");
            return;
        }
        out.println("  FAILED: " + title + " (0 of " + points + ")");
        if (check.hidden()) {
            out.println("    a hidden check did not hold");
            return;
        }
        run.commands().stream().filter(c -> !c.match().passed()).findFirst().ifPresent(c -> {
            out.println("    $ " + c.line());
            out.println("    " + c.match().describe().replace("\n", "\n    "));
        });
    }

    private void switchTerminal(String name) {
        if (!TERMINAL_NAME.matcher(name).matches()) {
            out.println("isolab: a terminal name is 1 to 32 characters of a-z, 0-9, '_' and '-'");
            return;
        }
        terminal = name;
        out.println("(your commands now run in terminal " + name + ")");
    }

    private void answer(String given) {
        int index = session.position().step();
        PredictStep predict = (PredictStep) lab.steps().get(index);
        String key;
        try {
            key = keys.key(lab, index).key();
        } catch (PredictionKeys.KeyException e) {
            out.println("isolab: this prediction cannot be scored: " + e.getMessage());
            return;
        }
        Prediction prediction = predict.prediction();
        if (prediction.type() == PredictionType.CHOICE && prediction.choices().stream().map(String::trim).noneMatch(given::equals)) {
            out.println("Answer with one of: " + String.join(" | ", prediction.choices()));
            return;
        }
        Verdict verdict = PredictionGrader.grade(prediction, given, key);
        Answer answer = new Answer(given, key, verdict, verdict.points(predict.points()));
        answers.put(index, answer);
        out.println(verdict.correct()
                ? "right: the simulator says " + key.trim() + " (" + answer.points() + " of " + predict.points() + ")"
                : "not quite: " + verdict.reason() + " (0 of " + predict.points() + ")");
        if (!prediction.explain().isBlank()) {
            out.println(prediction.explain().strip());
        }
        out.println("Enter goes on.");
    }

    private void runs(List<CommandRun> ran) {
        for (CommandRun run : ran) {
            Screen.lines(run.result().output()).forEach(out::println);
            if (run.result().status() != 0) {
                out.println("[" + run.result().status() + "]");
            }
            if (run.result().timedOut()) {
                out.println("(timed out)");
            }
        }
    }

    /** Prints the current step's heading and prose once, when the session first rests on it. */
    private void announce() {
        int index = session.position().step();
        if (index == announced) {
            return;
        }
        announced = index;
        if (session.finished()) {
            out.println();
            out.println("-- the end of the lab: :check checks your work, :quit leaves --");
            return;
        }
        Step step = lab.steps().get(index);
        out.println();
        out.println("-- step " + (shown.indexOf(index) + 1) + " of " + shown.size() + ": " + heading(step) + " --");
        if (!step.narrative().isBlank()) {
            out.println(step.narrative().strip());
        }
        if (step instanceof PredictStep predict) {
            out.println();
            out.println("Predict: " + predict.prediction().question().strip());
            if (predict.prediction().type() == PredictionType.CHOICE) {
                out.println("  one of: " + String.join(" | ", predict.prediction().choices()));
            }
            Answer earlier = answers.get(index);
            if (earlier != null) {
                out.println("(you answered " + earlier.given() + ")");
            }
        } else if (step instanceof CheckStep) {
            out.println("Enter runs this check.");
        } else if (step instanceof TranscriptStep transcript) {
            terminal = transcript.terminal();
        }
    }

    private static String heading(Step step) {
        if (step instanceof CheckStep check) {
            return "check" + (check.title().isEmpty() ? "" : " \"" + check.title() + "\"") + " (" + check.points()
                    + (check.points() == 1 ? " point)" : " points)");
        }
        if (step instanceof PredictStep predict) {
            return "predict (" + predict.points() + (predict.points() == 1 ? " point)" : " points)");
        }
        return step.kind().word() + (step instanceof TranscriptStep t ? ", terminal " + t.terminal() : "");
    }

    private boolean awaitingAnswer() {
        return session.currentStep().orElse(null) instanceof PredictStep && !answers.containsKey(session.position().step());
    }

    /** The lab's command that Enter runs next, shown before the prompt. */
    private Optional<String> nextCommand() {
        if (session.finished() || !(session.currentStep().orElseThrow() instanceof TranscriptStep t) || t instanceof CheckStep
                || session.position().command() >= t.commands().size()) {
            return Optional.empty();
        }
        return Optional.of(t.terminal() + " $ " + String.join("\n> ", t.commands().get(session.position().command()).displayLines()));
    }

    private boolean stepDone() {
        Step step = session.currentStep().orElseThrow();
        return !(step instanceof TranscriptStep t) || session.position().command() >= t.commands().size();
    }

    private boolean isLastShown() {
        return !shown.isEmpty() && session.position().step() >= shown.get(shown.size() - 1);
    }

    private void steps() {
        for (int n = 0; n < shown.size(); n++) {
            int index = shown.get(n);
            String mark = index == session.position().step() ? "> " : "  ";
            out.println(mark + (n + 1) + ". " + heading(lab.steps().get(index)) + "  [line " + lab.steps().get(index).line() + "]");
        }
    }

    /** The score: correct predictions plus the checks that passed their latest run, out of every point. */
    String score() {
        int predictions = answers.values().stream().mapToInt(Answer::points).sum();
        int checked = 0;
        for (Map.Entry<Integer, Boolean> e : checks.entrySet()) {
            if (e.getValue()) {
                checked += ((CheckStep) lab.steps().get(e.getKey())).points();
            }
        }
        return "score: " + (predictions + checked) + " of " + lab.totalPoints() + " points (predictions " + predictions
                + ", checks " + checked + ")";
    }

    private static String describe(Action action) {
        if (action instanceof Action.Type type) {
            return "'" + type.line() + "' in " + type.terminal();
        }
        if (action instanceof Action.RunCheck check) {
            return "the check of step " + check.step();
        }
        return action instanceof Action.Forward ? "your last ':forward'" : "your last Enter";
    }
}
