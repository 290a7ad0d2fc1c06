package isolab.web.auth;

import io.javalin.security.RouteRole;

/** Who may use a route: anyone, any logged-in account, or instructors only. */
public enum Access implements RouteRole {
    ANYONE,
    LOGGED_IN,
    INSTRUCTOR
}
