package isolab.web.auth;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** Writes the app's cookies with the same safe attributes everywhere. */
final class Cookies {

    private Cookies() {
    }

    /** Sets cookie {@code name}: HttpOnly, SameSite=Lax, path /, Secure where the browser allows. */
    static void set(Context ctx, String name, String value, int maxAgeSeconds) {
        ctx.cookie(new Cookie(name, value, "/", maxAgeSeconds, secure(ctx), 0, true, null, null, SameSite.LAX));
    }

    /** Removes cookie {@code name}. */
    static void clear(Context ctx, String name) {
        set(ctx, name, "", 0);
    }

    /**
     * Whether the browser reached us over HTTPS (directly or via a proxy saying so) or on loopback,
     * where browsers treat plain HTTP as a secure context and keep Secure cookies.
     */
    static boolean secure(Context ctx) {
        if ("https".equalsIgnoreCase(ctx.scheme())
                || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"))) {
            return true;
        }
        try {
            return InetAddress.getByName(ctx.req().getLocalAddr()).isLoopbackAddress()
                    && isLoopbackName(ctx.host());
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static boolean isLoopbackName(String hostHeader) {
        if (hostHeader == null) {
            return false;
        }
        String host = hostHeader.startsWith("[") ? hostHeader.substring(0, hostHeader.indexOf(']') + 1)
                : hostHeader.replaceAll(":\\d+$", "");
        return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
    }
}
