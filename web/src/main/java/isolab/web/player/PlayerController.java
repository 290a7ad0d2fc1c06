package isolab.web.player;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import isolab.grading.gradebook.CheckRuns;
import isolab.grading.gradebook.Gradebook;
import isolab.labs.model.CheckStep;
import isolab.labs.model.Command;
import isolab.labs.model.ConsoleStep;
import isolab.labs.model.PredictStep;
import isolab.labs.model.Step;
import isolab.labs.model.TranscriptStep;
import isolab.web.Pages;
import isolab.web.Urls;
import isolab.web.Views;
import isolab.web.auth.Access;
import isolab.web.auth.Auth;
import isolab.web.picture.MemcgPlotSvg;
import isolab.web.picture.Pictures;
import isolab.api.HostView;
import isolab.web.terminal.TranscriptLine;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import isolab.grading.gradebook.LoggedAction;
import isolab.labs.run.Action;
import java.util.Optional;
import java.util.function.Function;
import isolab.labs.model.BoundLab;

/** The player page of a lab and the buttons on it. */
public final class PlayerController {

    private final Player player;
    private final CheckRuns checks;
    private final Gradebook gradebook;
    private final Pages pages;
    private final Function<BoundLab, String> realHostUnavailable;

    /**
     * The player; {@code realHostUnavailable} says why a lab cannot be replayed on a real host here
     * (empty when it can), for the button that leads to the compare page.
     */
    public PlayerController(Player player, CheckRuns checks, Gradebook gradebook, Pages pages,
                            Function<BoundLab, String> realHostUnavailable) {
        this.player = player;
        this.checks = checks;
        this.gradebook = gradebook;
        this.pages = pages;
        this.realHostUnavailable = realHostUnavailable;
    }

    /** Registers the routes of this feature. */
    public void routes(Javalin app) {
        app.get(Urls.PLAYER, ctx -> show(ctx, ""), Access.LOGGED_IN);
        app.post(Urls.PLAYER_NEXT, ctx -> act(ctx, () -> player.next(Auth.account(ctx), lab(ctx))), Access.LOGGED_IN);
        app.post(Urls.PLAYER_FORWARD, ctx -> act(ctx, () -> player.forward(Auth.account(ctx), lab(ctx))),
                Access.LOGGED_IN);
        app.post(Urls.PLAYER_BACK, ctx -> act(ctx, () -> player.back(Auth.account(ctx), lab(ctx))), Access.LOGGED_IN);
        app.post(Urls.PLAYER_JUMP, ctx -> act(ctx, () -> player.jump(Auth.account(ctx), lab(ctx),
                intField(ctx, "step"))), Access.LOGGED_IN);
        app.post(Urls.PLAYER_PREDICT, ctx -> act(ctx, () -> player.predict(Auth.account(ctx), lab(ctx),
                intField(ctx, "step"), ctx.formParam("answer"))), Access.LOGGED_IN);
        app.post(Urls.PLAYER_CHECK, ctx -> act(ctx, () -> player.check(Auth.account(ctx), lab(ctx)),
                Urls.INSTANCE.player(lab(ctx)) + "#checks", HttpStatus.SEE_OTHER), Access.LOGGED_IN);
        app.post(Urls.PLAYER_RESTART, ctx -> act(ctx, () -> player.restart(Auth.account(ctx), lab(ctx))),
                Access.LOGGED_IN);
    }

    private static String lab(Context ctx) {
        return ctx.pathParam("lab");
    }

    private static int intField(Context ctx, String name) {
        String value = ctx.formParam(name);
        try {
            return Integer.parseInt(value == null ? "" : value.trim());
        } catch (NumberFormatException e) {
            throw new PlayerException("the form field '" + name + "' is not a number");
        }
    }

    private void act(Context ctx, Runnable action) {
        act(ctx, action, Urls.INSTANCE.player(lab(ctx)), HttpStatus.SEE_OTHER);
    }

    /**
     * Does {@code action} and redirects to {@code then}; an action the player refuses shows the page
     * again with the reason, as 409.
     */
    public void act(Context ctx, Runnable action, String then, HttpStatus status) {
        try {
            action.run();
        } catch (PlayerException e) {
            ctx.status(HttpStatus.CONFLICT);
            show(ctx, e.getMessage());
            return;
        } catch (Player.NoSuchLabException e) {
            throw new NotFoundResponse(e.getMessage());
        }
        ctx.redirect(then, status);
    }

    private void show(Context ctx, String error) {
        Player.State state;
        try {
            state = player.state(Auth.account(ctx), lab(ctx));
        } catch (Player.NoSuchLabException e) {
            throw new NotFoundResponse(e.getMessage());
        }
        HostView view = state.session().host().view();
        long attemptId = state.attempt().id();
        PlayerPage page = new PlayerPage(state.lab().id(), state.lab().front().title(), tabs(state),
                current(state), TranscriptLine.of(state.lab(), state.live()), terminals(state), Pictures.of(view),
                MemcgPlotSvg.worthDrawing(state.memory()) ? MemcgPlotSvg.render(state.memory()) : "",
                checks.latest(attemptId).orElse(null), gradebook.score(attemptId), state.lab().totalPoints(),
                !state.live().isEmpty(), error);
        pages.render(ctx, Views.PLAYER, Map.of("page", page, "realHostUnavailable",
                realHostUnavailable.apply(state.lab())));
    }

    /** main, then the lab's terminals in order of appearance, then any the student opened. */
    private static List<String> terminals(Player.State state) {
        Set<String> names = new LinkedHashSet<>();
        names.add("main");
        for (Step step : state.lab().steps()) {
            if (step instanceof TranscriptStep transcript && !(step instanceof CheckStep check && check.hidden())) {
                names.add(transcript.terminal());
            }
        }
        for (LoggedAction action : state.live()) {
            if (action.action() instanceof Action.Type type) {
                names.add(type.terminal());
            }
        }
        return List.copyOf(names);
    }

    private static List<PlayerPage.StepTab> tabs(Player.State state) {
        List<PlayerPage.StepTab> tabs = new ArrayList<>();
        List<Integer> shown = Player.shown(state.lab());
        int at = state.position().step();
        for (int i = 0; i < shown.size(); i++) {
            int index = shown.get(i);
            String label = switch (state.lab().steps().get(index).kind()) {
                case PREDICT -> "predict";
                case CHECK -> "check";
                default -> "step";
            };
            tabs.add(new PlayerPage.StepTab(index, i + 1, label, index == at, index < at));
        }
        return tabs;
    }

    private PlayerPage.CurrentStep current(Player.State state) {
        Optional<Step> currentStep = state.session().currentStep();
        if (currentStep.isEmpty()) {
            return null;
        }
        Step step = currentStep.get();
        int index = state.position().step();
        int ran = state.position().command();
        List<PlayerPage.CommandRow> rows = new ArrayList<>();
        boolean console = step instanceof ConsoleStep;
        if (console || step instanceof CheckStep check && !check.hidden()) {
            List<Command> commands = ((TranscriptStep) step).commands();
            for (int i = 0; i < commands.size(); i++) {
                rows.add(new PlayerPage.CommandRow(commands.get(i).prompt(), commands.get(i).text(),
                        console && i < ran, console && i == ran));
            }
        }
        PredictStep predict = step instanceof PredictStep p ? p : null;
        CheckStep checkStep = step instanceof CheckStep c ? c : null;
        int points = predict != null ? predict.points() : checkStep != null ? checkStep.points() : 0;
        List<Integer> shown = Player.shown(state.lab());
        int number = shown.indexOf(index) + 1;
        return new PlayerPage.CurrentStep(index, number, step.kind().word(), Narrative.html(step.narrative()), rows,
                predict == null ? null : predict.prediction(),
                predict == null ? "" : Narrative.inlineHtml(predict.prediction().question()),
                predict == null ? "" : Narrative.inlineHtml(predict.prediction().explain()),
                predict == null ? null : player.answer(state, index).orElse(null), points,
                checkStep == null ? "" : checkStep.title(), console && ran < rows.size(),
                number == shown.size());
    }
}
