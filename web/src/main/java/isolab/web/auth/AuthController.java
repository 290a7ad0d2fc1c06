package isolab.web.auth;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import isolab.grading.roster.Account;
import isolab.grading.roster.Role;
import isolab.grading.roster.Roster;
import isolab.web.Pages;
import isolab.web.Urls;
import isolab.web.Views;
import java.util.Map;
import java.util.Optional;

/** The login, logout and registration pages. */
public final class AuthController {

    private static final String WRONG = "wrong username or password";

    private final Roster roster;
    private final PasswordHasher hasher;
    private final Auth auth;
    private final Pages pages;
    private final boolean registrationOpen;
    /** Verifying against this when the user does not exist keeps both failures equally slow. */
    private final String decoyHash;

    public AuthController(Roster roster, PasswordHasher hasher, Auth auth, Pages pages, boolean registrationOpen) {
        this.roster = roster;
        this.hasher = hasher;
        this.auth = auth;
        this.pages = pages;
        this.registrationOpen = registrationOpen;
        this.decoyHash = hasher.hash("decoy password that no one has");
    }

    /** Registers the routes of this feature. */
    public void routes(Javalin app) {
        app.get(Urls.LOGIN, this::loginPage, Access.ANYONE);
        app.post(Urls.LOGIN, this::logIn, Access.ANYONE);
        app.post(Urls.LOGOUT, this::logOut, Access.ANYONE);
        app.get(Urls.REGISTER, this::registerPage, Access.ANYONE);
        app.post(Urls.REGISTER, this::register, Access.ANYONE);
        app.get(Urls.PASSWORD, ctx -> renderPassword(ctx, "", ""), Access.LOGGED_IN);
        app.post(Urls.PASSWORD, this::changePassword, Access.LOGGED_IN);
    }

    private void renderPassword(Context ctx, String error, String done) {
        pages.render(ctx, Views.PASSWORD, Map.of("error", error, "done", done,
                "minLength", PasswordHasher.MIN_LENGTH));
    }

    private void changePassword(Context ctx) {
        Account account = Auth.account(ctx);
        String current = ctx.formParam("current") == null ? "" : ctx.formParam("current");
        String password = ctx.formParam("password") == null ? "" : ctx.formParam("password");
        String problem = hasher.verify(current, account.passwordHash()) ? PasswordHasher.problem(password)
                : "the current password is wrong";
        if (problem == null && !password.equals(ctx.formParam("password2"))) {
            problem = "the two new passwords differ";
        }
        if (problem != null) {
            ctx.status(HttpStatus.BAD_REQUEST);
            renderPassword(ctx, problem, "");
            return;
        }
        roster.setPasswordHash(account.username(), hasher.hash(password));
        renderPassword(ctx, "", "your password is changed");
    }

    private void loginPage(Context ctx) {
        renderLogin(ctx, "", ctx.queryParamAsClass("next", String.class).getOrDefault(""), "");
    }

    private void renderLogin(Context ctx, String username, String next, String error) {
        pages.render(ctx, Views.LOGIN, Map.of("username", username, "next", safeNext(next), "error", error,
                "registrationOpen", registrationOpen));
    }

    private void logIn(Context ctx) {
        String username = trimmed(ctx.formParam("username"));
        String password = ctx.formParam("password") == null ? "" : ctx.formParam("password");
        String next = safeNext(ctx.formParam("next"));
        Optional<Account> account = roster.byUsername(username);
        boolean ok = hasher.verify(password, account.map(Account::passwordHash).orElse(decoyHash)) && account.isPresent();
        if (!ok) {
            ctx.status(HttpStatus.UNAUTHORIZED);
            renderLogin(ctx, username, next, WRONG);
            return;
        }
        auth.logIn(ctx, account.get());
        ctx.redirect(next.isEmpty() ? Urls.INSTANCE.catalog() : next, HttpStatus.SEE_OTHER);
    }

    private void logOut(Context ctx) {
        auth.logOut(ctx);
        ctx.redirect(Urls.INSTANCE.login(), HttpStatus.SEE_OTHER);
    }

    private void registerPage(Context ctx) {
        renderRegister(ctx, "", "");
    }

    private void renderRegister(Context ctx, String username, String error) {
        pages.render(ctx, Views.REGISTER, Map.of("username", username, "error", error,
                "registrationOpen", registrationOpen, "minLength", PasswordHasher.MIN_LENGTH));
    }

    private void register(Context ctx) {
        if (!registrationOpen) {
            ctx.status(HttpStatus.FORBIDDEN);
            renderRegister(ctx, "", "registration is closed: ask your instructor for an account");
            return;
        }
        String username = trimmed(ctx.formParam("username"));
        String password = ctx.formParam("password") == null ? "" : ctx.formParam("password");
        String problem = Roster.usernameProblem(username).orElse(PasswordHasher.problem(password));
        if (problem == null && !password.equals(ctx.formParam("password2"))) {
            problem = "the two passwords differ";
        }
        if (problem != null) {
            ctx.status(HttpStatus.BAD_REQUEST);
            renderRegister(ctx, username, problem);
            return;
        }
        Account account;
        try {
            account = roster.add(username, Role.STUDENT, hasher.hash(password));
        } catch (Roster.UsernameTakenException e) {
            ctx.status(HttpStatus.CONFLICT);
            renderRegister(ctx, username, e.getMessage());
            return;
        }
        auth.logIn(ctx, account);
        ctx.redirect(Urls.INSTANCE.catalog(), HttpStatus.SEE_OTHER);
    }

    private static String trimmed(String value) {
        return value == null ? "" : value.trim();
    }

    /** {@code next} if it is a path on this site, else empty: no open redirect. */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\")
                || next.startsWith(Urls.LOGIN)) {
            return "";
        }
        return next;
    }
}
