package isolab.web.terminal;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import isolab.web.Urls;
import isolab.web.auth.Access;
import isolab.web.auth.Auth;
import isolab.web.player.Player;
import isolab.web.player.PlayerController;

/** Runs the command lines students type into a lab's terminal. */
public final class TerminalController {

    private final Player player;
    private final PlayerController pages;

    public TerminalController(Player player, PlayerController pages) {
        this.player = player;
        this.pages = pages;
    }

    /** Registers the routes of this feature. */
    public void routes(Javalin app) {
        app.post(Urls.TERMINAL, this::type, Access.LOGGED_IN);
    }

    private void type(Context ctx) {
        String labId = ctx.pathParam("lab");
        pages.act(ctx, () -> player.type(Auth.account(ctx), labId, ctx.formParam("terminal"), ctx.formParam("line")),
                Urls.INSTANCE.player(labId) + "#terminal", HttpStatus.SEE_OTHER);
    }
}
