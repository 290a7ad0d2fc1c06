package isolab.web.compare;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.NotFoundResponse;
import isolab.api.HostKind;
import isolab.grading.gradebook.Attempt;
import isolab.grading.gradebook.Attempts;
import isolab.grading.gradebook.LoggedAction;
import isolab.grading.roster.Account;
import isolab.grading.roster.Roster;
import isolab.web.catalog.LabLibrary;
import isolab.grading.gradebook.RealReplay;
import isolab.grading.gradebook.RealReplays;
import isolab.labs.diff.TranscriptDiffer;
import isolab.labs.model.BoundLab;
import isolab.web.Pages;
import isolab.web.Urls;
import isolab.web.Views;
import isolab.web.auth.Access;
import isolab.web.auth.Auth;
import isolab.web.player.Player;
import isolab.web.player.PlayerException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The compare page of a lab: the student's current attempt replayed on the simulator and on a
 * real Linux host, side by side, and the button that starts that replay.
 */
public final class CompareController {

    /** How long the button's request waits for the replay before showing the page as "running". */
    static final Duration WAIT_MAX = Duration.ofSeconds(20);

    /** How often a page showing a running replay reloads itself, in seconds. */
    static final int REFRESH_SECONDS = 2;

    private final Player player;
    private final RealReplays store;
    private final RealHost realHost;
    private final Optional<ReplayQueue> queue;
    private final Pages pages;
    private final Attempts attempts;
    private final Roster roster;
    private final LabLibrary labs;

    public CompareController(Player player, RealReplays store, RealHost realHost, Optional<ReplayQueue> queue,
                             Pages pages, Attempts attempts, Roster roster, LabLibrary labs) {
        this.player = player;
        this.store = store;
        this.realHost = realHost;
        this.queue = queue;
        this.pages = pages;
        this.attempts = attempts;
        this.roster = roster;
        this.labs = labs;
    }

    /** Registers the routes of this feature. */
    public void routes(Javalin app) {
        app.get(Urls.COMPARE, ctx -> show(ctx, HttpStatus.OK, ""), Access.LOGGED_IN);
        app.post(Urls.COMPARE, this::replay, Access.LOGGED_IN);
        app.get(Urls.GRADEBOOK_REPLAY, this::showStored, Access.INSTRUCTOR);
    }

    /** An instructor reads a student's stored replay, as the student saw it, without the button. */
    private void showStored(Context ctx) {
        long id;
        try {
            id = Long.parseLong(ctx.pathParam("replay"));
        } catch (NumberFormatException e) {
            throw new NotFoundResponse("there is no replay '" + ctx.pathParam("replay") + "'");
        }
        RealReplay replay = store.byId(id).orElseThrow(() -> new NotFoundResponse("there is no replay " + id));
        Attempt attempt = attempts.byId(replay.attemptId()).orElseThrow(() -> new NotFoundResponse("no attempt"));
        String student = roster.byId(attempt.accountId()).map(Account::username).orElse("?");
        String title = labs.find(attempt.labId()).map(lab -> lab.front().title()).orElse(attempt.labId());
        ComparePage page = new ComparePage(attempt.labId(), title, replay.actions(), "", false, replay, null,
                TranscriptDiffer.normalisations(), 0, 0, "", student);
        pages.render(ctx, Views.COMPARE, Map.of("page", page));
    }

    /**
     * Why {@code lab} cannot be replayed on a real host on this server, for the player's button;
     * empty when it can.
     */
    public String unavailable(BoundLab lab) {
        if (realHost instanceof RealHost.Off off) {
            return off.reason();
        }
        if (!lab.front().runsOn(HostKind.REAL)) {
            return "this lab declares hosts: [sim] in its front matter: its author runs it on the simulator only,"
                    + " so it is not replayed on a real host";
        }
        return "";
    }

    private void replay(Context ctx) {
        Player.State state = state(ctx);
        String reason = unavailable(state.lab());
        if (!reason.isEmpty() || queue.isEmpty()) {
            show(ctx, HttpStatus.CONFLICT, "cannot replay on a real host: " + reason);
            return;
        }
        CompletableFuture<RealReplay> replay;
        try {
            replay = queue.get().submit(request(state));
        } catch (ReplayQueue.Full e) {
            show(ctx, HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
            return;
        }
        try {
            replay.get(WAIT_MAX.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // Still running or waiting for a slot: the page says so and reloads until it is done.
        } catch (ExecutionException e) {
            // The queue stores failures as replays; anything else shows on the page as not compared.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ctx.redirect(Urls.INSTANCE.compare(state.lab().id()), HttpStatus.SEE_OTHER);
    }

    private Player.State state(Context ctx) {
        try {
            return player.state(Auth.account(ctx), ctx.pathParam("lab"));
        } catch (Player.NoSuchLabException e) {
            throw new NotFoundResponse(e.getMessage());
        }
    }

    private static ReplayQueue.Request request(Player.State state) {
        return new ReplayQueue.Request(state.attempt().id(), state.lab(),
                state.live().stream().map(LoggedAction::action).toList());
    }

    private void show(Context ctx, HttpStatus status, String error) {
        Player.State state;
        try {
            state = state(ctx);
        } catch (PlayerException e) {
            ctx.status(HttpStatus.CONFLICT);
            pages.render(ctx, Views.ERROR, Map.of("status", 409, "message", e.getMessage()));
            return;
        }
        ReplayQueue.Request request = request(state);
        long attemptId = state.attempt().id();
        String digest = request.digest();
        boolean running = queue.flatMap(q -> q.inProgress(attemptId, digest)).isPresent();
        RealReplay replay = store.forLog(attemptId, digest).orElse(null);
        RealReplay earlier = replay == null ? store.latest(attemptId).orElse(null) : null;
        if (running) {
            ctx.header("Refresh", String.valueOf(REFRESH_SECONDS));
        }
        ComparePage page = new ComparePage(state.lab().id(), state.lab().front().title(), request.actions().size(),
                unavailable(state.lab()), running, replay, earlier, TranscriptDiffer.normalisations(),
                queue.map(q -> q.settings().slots()).orElse(0),
                queue.map(q -> q.settings().timeLimit().toSeconds()).orElse(0L), error, "");
        ctx.status(status);
        pages.render(ctx, Views.COMPARE, Map.of("page", page));
    }
}
