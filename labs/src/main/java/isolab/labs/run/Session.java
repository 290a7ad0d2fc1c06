package isolab.labs.run;

import isolab.api.CommandResult;
import isolab.api.Host;
import isolab.api.Terminal;
import isolab.labs.match.Match;
import isolab.labs.match.OutputMatcher;
import isolab.labs.model.BoundLab;
import isolab.labs.model.CheckStep;
import isolab.labs.model.Command;
import isolab.labs.model.Step;
import isolab.labs.model.TranscriptStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A lab being worked through on a host, one {@link Action} at a time. Its state is a pure
 * function of (lab, seed, plan, log of actions) and the host's behaviour: {@link #replay} on a
 * fresh host of the same kind and seed gives the same positions and, on a deterministic host,
 * the same transcript — that is how the player steps back and how a restarted server resumes.
 *
 * <p>The position never rests on a setup step (setups run whole, unseen, as soon as they are
 * reached, starting with those before the first step) nor on a solution the plan skips.
 */
public final class Session {

    private final BoundLab lab;
    private final Host host;
    private final Plan plan;
    private final List<Action> log = new ArrayList<>();
    private final List<Position> positions = new ArrayList<>();
    private final List<CommandRun> runs = new ArrayList<>();
    private final List<CheckRun> checks = new ArrayList<>();
    private Position position = Position.startOf(0);

    private Session(BoundLab lab, Host host, Plan plan) {
        this.lab = lab;
        this.host = host;
        this.plan = plan;
    }

    /** A session at the start of {@code lab} on {@code host}; setups before the first step have run. */
    public static Session start(BoundLab lab, Host host, Plan plan) {
        Session session = new Session(lab, host, plan);
        session.settle();
        return session;
    }

    /** The session that {@code log} makes, replayed on the fresh {@code host}. */
    public static Session replay(BoundLab lab, Host host, Plan plan, List<Action> log) {
        Session session = start(lab, host, plan);
        for (Action action : log) {
            session.apply(action);
        }
        return session;
    }

    /** Performs {@code action}, appends it to the log, and returns the commands it ran. */
    public List<CommandRun> apply(Action action) {
        int before = runs.size();
        if (action instanceof Action.Next) {
            next();
        } else if (action instanceof Action.Forward) {
            forward();
        } else if (action instanceof Action.Type type) {
            type(type.terminal(), type.line());
        } else if (action instanceof Action.RunCheck check) {
            runCheck(check.step());
        }
        log.add(action);
        positions.add(position);
        return List.copyOf(runs.subList(before, runs.size()));
    }

    private void next() {
        if (finished()) {
            return;
        }
        Step step = lab.steps().get(position.step());
        if (step instanceof CheckStep check && position.command() == 0) {
            checks.add(new CheckRun(position.step(), runAll(position.step(), check, CommandRun.Origin.STEP)));
            position = new Position(position.step(), check.commands().size());
        } else if (step instanceof TranscriptStep transcript && position.command() < transcript.commands().size()) {
            runs.add(run(position.step(), transcript, transcript.commands().get(position.command()), CommandRun.Origin.STEP));
            position = new Position(position.step(), position.command() + 1);
        } else {
            position = Position.startOf(position.step() + 1);
            settle();
        }
    }

    private void forward() {
        if (finished()) {
            return;
        }
        Step step = lab.steps().get(position.step());
        if (step instanceof CheckStep && position.command() == 0) {
            next();
        }
        while (step instanceof TranscriptStep transcript && position.command() < transcript.commands().size()) {
            next();
        }
        next();
    }

    private void type(String terminal, String line) {
        CommandResult result = host.terminal(terminal).run(line);
        runs.add(new CommandRun(-1, CommandRun.Origin.TYPED, terminal, Optional.empty(), result, new Match.Unchecked()));
    }

    private void runCheck(int index) {
        if (index < 0 || index >= lab.steps().size() || !(lab.steps().get(index) instanceof CheckStep check)) {
            throw new IllegalArgumentException("step " + index + " of " + lab.id() + " is not a check");
        }
        checks.add(new CheckRun(index, runAll(index, check, CommandRun.Origin.CHECK)));
    }

    /** Runs setups and passes over steps the position may not rest on, from the current position. */
    private void settle() {
        while (!finished() && position.command() == 0) {
            Step step = lab.steps().get(position.step());
            if (plan.restsOn(step)) {
                return;
            }
            if (plan.runs(step) && step instanceof TranscriptStep transcript) {
                runAll(position.step(), transcript, CommandRun.Origin.STEP);
            }
            position = Position.startOf(position.step() + 1);
        }
    }

    private List<CommandRun> runAll(int index, TranscriptStep step, CommandRun.Origin origin) {
        List<CommandRun> done = new ArrayList<>();
        for (Command command : step.commands()) {
            CommandRun run = run(index, step, command, origin);
            runs.add(run);
            done.add(run);
        }
        return done;
    }

    private CommandRun run(int index, TranscriptStep step, Command command, CommandRun.Origin origin) {
        Terminal terminal = host.terminal(step.terminal());
        CommandResult result = terminal.run(command.text(), step.timeout());
        return new CommandRun(index, origin, step.terminal(), Optional.of(command), result, OutputMatcher.match(command, result));
    }

    /** Whether every step has been passed. */
    public boolean finished() {
        return position.step() >= lab.steps().size();
    }

    /** Where the session is now. */
    public Position position() {
        return position;
    }

    /** The step the session rests on, empty once finished. */
    public Optional<Step> currentStep() {
        return finished() ? Optional.empty() : Optional.of(lab.steps().get(position.step()));
    }

    /** The lab, bound to the student's seed. */
    public BoundLab lab() {
        return lab;
    }

    /** The plan the session follows. */
    public Plan plan() {
        return plan;
    }

    /** The host the session runs on. */
    public Host host() {
        return host;
    }

    /** Every action so far, in order: with the lab, seed and plan, all a replay needs. */
    public List<Action> log() {
        return List.copyOf(log);
    }

    /** The position after each action of the log (same length as {@link #log()}). */
    public List<Position> positions() {
        return List.copyOf(positions);
    }

    /** Every command run so far, setups included, in order. */
    public Transcript transcript() {
        return new Transcript(lab.id(), lab.seed(), host.kind(), runs);
    }

    /** Every run of a check so far, in order; the last one of a step is its current result. */
    public List<CheckRun> checks() {
        return List.copyOf(checks);
    }

    /** The latest run of check step {@code step}, if it ran. */
    public Optional<CheckRun> latestCheck(int step) {
        for (int i = checks.size() - 1; i >= 0; i--) {
            if (checks.get(i).step() == step) {
                return Optional.of(checks.get(i));
            }
        }
        return Optional.empty();
    }
}
