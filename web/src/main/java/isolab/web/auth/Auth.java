package isolab.web.auth;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.javalin.security.RouteRole;
import isolab.grading.roster.Account;
import isolab.web.Urls;
import java.net.URI;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

/**
 * The request filters of auth: who is logged in, whether they may use the route, and whether a
 * POST carries the right CSRF token.
 */
public final class Auth {

    static final String SESSION_COOKIE = "isolab_session";
    static final String CSRF_COOKIE = "isolab_csrf";
    public static final String CSRF_FIELD = "_csrf";
    private static final String LOGIN_ATTRIBUTE = "isolab.login";
    private static final String CSRF_ATTRIBUTE = "isolab.csrf";

    private final LoginSessions sessions;

    public Auth(LoginSessions sessions) {
        this.sessions = sessions;
    }

    /** Before every request: finds the login session named by the cookie, if any. */
    public void identify(Context ctx) {
        sessions.find(ctx.cookie(SESSION_COOKIE)).ifPresent(login -> ctx.attribute(LOGIN_ATTRIBUTE, login));
    }

    /** Before every matched route: enforces its {@link Access} and, for POST, the CSRF token. */
    public void guard(Context ctx) {
        Set<RouteRole> roles = ctx.routeRoles();
        Optional<LoginSession> login = login(ctx);
        if (!roles.contains(Access.ANYONE)) {
            if (login.isEmpty()) {
                if (ctx.method() == HandlerType.GET) {
                    ctx.redirect(Urls.INSTANCE.login(ctx.path()), HttpStatus.SEE_OTHER);
                    ctx.skipRemainingHandlers();
                    return;
                }
                throw new ForbiddenResponse("log in first");
            }
            if (roles.contains(Access.INSTRUCTOR) && !login.get().account().isInstructor()) {
                throw new ForbiddenResponse("only instructors may see this page");
            }
        }
        if (ctx.method() == HandlerType.POST) {
            verifyCsrf(ctx);
        }
    }

    private void verifyCsrf(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin != null && !origin.equals("null") && !sameHost(origin, ctx.host())) {
            throw new ForbiddenResponse("cross-site form refused");
        }
        String sent = ctx.formParam(CSRF_FIELD);
        String expected = login(ctx).map(LoginSession::csrfToken).orElse(ctx.cookie(CSRF_COOKIE));
        if (sent == null || expected == null || expected.isEmpty()
                || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8))) {
            throw new ForbiddenResponse("the form's CSRF token is missing or out of date: reload the page and try again");
        }
    }

    private static boolean sameHost(String origin, String host) {
        try {
            URI uri = URI.create(origin);
            String originHost = uri.getPort() == -1 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            return originHost != null && originHost.equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The CSRF token the page's forms must carry (set as a cookie too before login). */
    public String csrfToken(Context ctx) {
        Optional<LoginSession> login = login(ctx);
        if (login.isPresent()) {
            return login.get().csrfToken();
        }
        String token = ctx.attribute(CSRF_ATTRIBUTE);
        if (token == null) {
            token = ctx.cookie(CSRF_COOKIE);
            if (token == null || token.length() < 32) {
                token = sessions.randomToken();
                Cookies.set(ctx, CSRF_COOKIE, token, -1);
            }
            ctx.attribute(CSRF_ATTRIBUTE, token);
        }
        return token;
    }

    /** Logs {@code account} in on this browser. */
    public void logIn(Context ctx, Account account) {
        String old = ctx.cookie(SESSION_COOKIE);
        sessions.delete(old);
        String token = sessions.create(account.id());
        Cookies.set(ctx, SESSION_COOKIE, token, (int) LoginSessions.LIFETIME.toSeconds());
        Cookies.clear(ctx, CSRF_COOKIE);
    }

    /** Logs this browser out. */
    public void logOut(Context ctx) {
        sessions.delete(ctx.cookie(SESSION_COOKIE));
        Cookies.clear(ctx, SESSION_COOKIE);
    }

    /** The login of this request, if any. */
    public static Optional<LoginSession> login(Context ctx) {
        return Optional.ofNullable(ctx.attribute(LOGIN_ATTRIBUTE));
    }

    /** The logged-in account; only for routes that require a login. */
    public static Account account(Context ctx) {
        return login(ctx).orElseThrow(() -> new ForbiddenResponse("log in first")).account();
    }
}
