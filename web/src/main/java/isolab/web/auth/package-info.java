/**
 * Who is at the browser: accounts, passwords, logins, roles and CSRF protection.
 *
 * <p>Passwords are hashed with PBKDF2 ({@link isolab.web.auth.PasswordHasher}). A login is a row
 * in {@code login_session} and a random token in an HttpOnly, SameSite=Lax cookie, marked
 * Secure whenever the browser reached the server over HTTPS (directly or through a proxy that
 * says so in {@code X-Forwarded-Proto}) or on the loopback interface; the table keeps only the
 * token's SHA-256, so a copy of the database logs no one in.
 *
 * <p>Every POST carries a CSRF token in the form field {@code _csrf}: a logged-in browser's token
 * belongs to its login session; before login it is a random value also set in a cookie
 * (double submit). A POST whose token is missing or wrong, or whose {@code Origin} header names
 * another site, is refused with 403 before any handler runs.
 *
 * <p>Accounts on a fresh install: students register themselves at {@code /register} (unless the
 * server runs with registration closed); the first instructor is created by {@code isolab serve},
 * which prints a one-time password when the roster has no instructor, or by {@code isolab user
 * add NAME --role instructor}.
 */
package isolab.web.auth;
