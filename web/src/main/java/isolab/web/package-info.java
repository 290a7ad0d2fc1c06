/**
 * The isolab web app: Javalin serving server-rendered Thymeleaf pages, packaged by feature.
 *
 * <p>{@link isolab.web.App} wires everything once at start ({@link isolab.web.Services}: the
 * database, the roster, student seeds, auth). Each feature is a package with its controller,
 * which registers its own routes, and a folder of templates of the same name:
 * {@code auth} (login, registration, CSRF), {@code catalog} (the labs), {@code player} (one lab,
 * step by step, with pictures), {@code terminal} (commands the student types), {@code gradebook}
 * (the instructor's scores) and {@code picture} (SVG drawn from a host's view). Every URL is in
 * {@link isolab.web.Urls}, every template name in {@link isolab.web.Views}; all pages share one
 * layout ({@code templates/layout.html}) with parameterised fragments.
 *
 * <p>The web tier keeps no state that matters in memory: a player session is its lab, seed and
 * command log in the database, replayed deterministically on demand.
 */
package isolab.web;
