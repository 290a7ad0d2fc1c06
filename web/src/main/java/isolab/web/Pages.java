package isolab.web;

import io.javalin.http.Context;
import isolab.web.auth.Auth;
import isolab.web.auth.LoginSession;
import java.util.HashMap;
import java.util.Map;

/** Renders a view with what every page of the layout needs: the login, the CSRF token, the URLs. */
public final class Pages {

    private final Auth auth;

    public Pages(Auth auth) {
        this.auth = auth;
    }

    /** Renders {@code view} with {@code model} plus the layout's common variables. */
    public void render(Context ctx, String view, Map<String, ?> model) {
        Map<String, Object> full = new HashMap<>(model);
        full.put("urls", Urls.INSTANCE);
        full.put("time", TimeFormat.INSTANCE);
        full.put("login", Auth.login(ctx).map(LoginSession::account).orElse(null));
        full.put("csrf", auth.csrfToken(ctx));
        full.put("csrfField", Auth.CSRF_FIELD);
        ctx.render(view, full);
    }
}
