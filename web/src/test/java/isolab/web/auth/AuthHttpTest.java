package isolab.web.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import isolab.grading.roster.Role;
import isolab.web.App;
import isolab.web.TestApp;
import isolab.web.Urls;
import isolab.web.WebClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Logging in, registering, roles and CSRF, over HTTP against the running app. */
class AuthHttpTest {

    @TempDir
    Path dataDir;

    App app;
    WebClient browser;

    @BeforeEach
    void start() {
        app = TestApp.start(dataDir);
        browser = new WebClient(app.port());
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void a_page_that_needs_a_login_redirects_to_the_login_page_and_back() {
        HttpResponse<String> response = browser.get(Urls.GRADEBOOK);
        assertEquals(303, response.statusCode());
        assertEquals("/login?next=%2Fgradebook", response.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void registering_logs_the_new_student_in() {
        HttpResponse<String> response = browser.register("ada", "correct horse");
        assertEquals(303, response.statusCode(), response.body());
        assertEquals(Urls.CATALOG, response.headers().firstValue("Location").orElseThrow());
        assertEquals(Role.STUDENT, app.services().roster().byUsername("ada").orElseThrow().role());
        assertNotNull(browser.cookie(Auth.SESSION_COOKIE));
    }

    @Test
    void the_password_is_stored_only_as_a_pbkdf2_hash() {
        browser.register("ada", "correct horse");
        String stored = app.services().roster().byUsername("ada").orElseThrow().passwordHash();
        assertTrue(stored.startsWith("pbkdf2-sha256$1000$"), stored);
        assertFalse(stored.contains("correct horse"));
    }

    @Test
    void the_session_cookie_is_http_only_same_site_and_secure_on_localhost() {
        browser.get(Urls.REGISTER);
        HttpResponse<String> response = browser.post(Urls.REGISTER, "username", "ada", "password", "correct horse",
                "password2", "correct horse");
        String cookie = response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(Auth.SESSION_COOKIE + "=")).findFirst().orElseThrow();
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("SameSite=Lax"), cookie);
        assertTrue(cookie.contains("Secure"), cookie);
    }

    @Test
    void a_wrong_password_is_refused_with_the_same_words_as_an_unknown_user() {
        browser.register("ada", "correct horse");
        WebClient other = new WebClient(app.port());
        HttpResponse<String> wrong = other.login("ada", "wrong horse");
        HttpResponse<String> unknown = other.login("nobody", "wrong horse");
        assertEquals(401, wrong.statusCode());
        assertEquals(401, unknown.statusCode());
        assertTrue(wrong.body().contains("wrong username or password"));
        assertTrue(unknown.body().contains("wrong username or password"));
        assertNull(other.cookie(Auth.SESSION_COOKIE));
    }

    @Test
    void logging_in_returns_to_the_page_asked_for_but_never_off_site() {
        browser.register("ada", "correct horse");
        WebClient other = new WebClient(app.port());
        other.get(Urls.LOGIN);
        HttpResponse<String> back = other.post(Urls.LOGIN, "username", "ada", "password", "correct horse",
                "next", "/labs");
        assertEquals("/labs", back.headers().firstValue("Location").orElseThrow());
        WebClient third = new WebClient(app.port());
        third.get(Urls.LOGIN);
        HttpResponse<String> offSite = third.post(Urls.LOGIN, "username", "ada", "password", "correct horse",
                "next", "//evil.example/");
        assertEquals(Urls.CATALOG, offSite.headers().firstValue("Location").orElseThrow());
    }

    @Test
    void a_post_without_the_csrf_token_is_refused() {
        browser.get(Urls.LOGIN);
        HttpResponse<String> response = browser.postRaw(Urls.REGISTER,
                Map.of("username", "ada", "password", "correct horse", "password2", "correct horse"));
        assertEquals(403, response.statusCode());
        assertTrue(app.services().roster().byUsername("ada").isEmpty());
    }

    @Test
    void a_logged_in_post_with_another_session_s_token_is_refused() {
        browser.register("ada", "correct horse");
        WebClient mallory = new WebClient(app.port());
        mallory.register("mallory", "mallory's pass");
        HttpResponse<String> response = browser.postRaw(Urls.LOGOUT, Map.of("_csrf", mallory.csrf()));
        assertEquals(403, response.statusCode());
    }

    @Test
    void a_cross_site_origin_is_refused_even_with_a_token() throws Exception {
        browser.register("ada", "correct horse");
        var request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + app.port() + Urls.LOGOUT))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", "http://evil.example")
                .header("Cookie", Auth.SESSION_COOKIE + "=" + browser.cookie(Auth.SESSION_COOKIE))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("_csrf=" + browser.csrf())).build();
        var response = java.net.http.HttpClient.newHttpClient().send(request,
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(403, response.statusCode());
    }

    @Test
    void a_student_cannot_see_the_gradebook() {
        browser.register("ada", "correct horse");
        assertEquals(403, browser.get(Urls.GRADEBOOK).statusCode());
    }

    @Test
    void the_first_instructor_s_one_time_password_opens_the_gradebook() {
        FirstInstructor.Credentials credentials = FirstInstructor
                .createIfNone(app.services().roster(), app.services().hasher()).orElseThrow();
        assertTrue(FirstInstructor.createIfNone(app.services().roster(), app.services().hasher()).isEmpty(),
                "only once");
        HttpResponse<String> login = browser.login(credentials.username(), credentials.password());
        assertEquals(303, login.statusCode());
        HttpResponse<String> page = browser.get(Urls.GRADEBOOK);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<h1>Gradebook</h1>"), page.body());
    }

    @Test
    void a_login_survives_a_server_restart() {
        browser.register("ada", "correct horse");
        app.close();
        app = TestApp.start(TestApp.config(dataDir));
        WebClient same = new WebClient(app.port());
        // The same browser, with its cookie, talks to the new server.
        HttpResponse<String> page = browser.withPort(app.port()).get(Urls.GRADEBOOK);
        assertEquals(403, page.statusCode(), "known as ada (a student), not sent to the login page");
        assertEquals(303, same.get(Urls.GRADEBOOK).statusCode());
    }

    @Test
    void a_student_changes_their_password_with_the_current_one() {
        browser.register("ada", "correct horse");
        browser.get(Urls.PASSWORD);
        HttpResponse<String> wrong = browser.post(Urls.PASSWORD, "current", "not it", "password", "battery staple",
                "password2", "battery staple");
        assertEquals(400, wrong.statusCode());
        assertTrue(wrong.body().contains("the current password is wrong"));
        HttpResponse<String> changed = browser.post(Urls.PASSWORD, "current", "correct horse",
                "password", "battery staple", "password2", "battery staple");
        assertTrue(changed.body().contains("your password is changed"), changed.body());
        assertEquals(401, new WebClient(app.port()).login("ada", "correct horse").statusCode());
        assertEquals(303, new WebClient(app.port()).login("ada", "battery staple").statusCode());
    }

    @Test
    void logging_out_ends_the_session() {
        browser.register("ada", "correct horse");
        String token = browser.cookie(Auth.SESSION_COOKIE);
        browser.get(Urls.CATALOG);
        browser.post(Urls.LOGOUT);
        assertTrue(app.services().sessions().find(token).isEmpty());
    }

    @Test
    void security_headers_forbid_framing_and_inline_script() {
        HttpResponse<String> page = browser.get(Urls.LOGIN);
        assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElseThrow());
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElseThrow().contains("script-src 'self'"));
    }

    @Test
    void an_unknown_page_is_a_404_page() {
        HttpResponse<String> page = browser.get("/no/such/page");
        assertEquals(404, page.statusCode());
        assertTrue(page.body().contains("there is no page at /no/such/page"), page.body());
    }
}
