package isolab.grading.roster;

import isolab.grading.db.DataAccessException;
import isolab.grading.db.Jdbc;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The accounts table: add, find, change a password, count by role. */
public final class Roster {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{1,64}");
    private static final String COLUMNS = "id, username, role, password_hash, created_at";

    private final Jdbc jdbc;
    private final Clock clock;

    public Roster(Jdbc jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Why {@code username} cannot be used, or empty when it can. */
    public static Optional<String> usernameProblem(String username) {
        if (username == null || !USERNAME.matcher(username).matches()) {
            return Optional.of("a username is 1 to 64 characters of a-z, 0-9, '.', '_' and '-'");
        }
        return Optional.empty();
    }

    /**
     * Adds an account; {@link IllegalArgumentException} if the username is malformed,
     * {@link UsernameTakenException} if it exists.
     */
    public Account add(String username, Role role, String passwordHash) {
        usernameProblem(username).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        try {
            long id = jdbc.insertReturningId(
                    "insert into account (username, role, password_hash, created_at) values (?, ?, ?, ?)",
                    username, role.label(), passwordHash, clock.instant());
            return byId(id).orElseThrow();
        } catch (DataAccessException e) {
            if (e.isDuplicateKey()) {
                throw new UsernameTakenException(username);
            }
            throw e;
        }
    }

    /** The account called {@code username}. */
    public Optional<Account> byUsername(String username) {
        return jdbc.queryOne("select " + COLUMNS + " from account where username = ?", Roster::map, username);
    }

    /** The account with {@code id}. */
    public Optional<Account> byId(long id) {
        return jdbc.queryOne("select " + COLUMNS + " from account where id = ?", Roster::map, id);
    }

    /** Every account with {@code role}, by username. */
    public List<Account> withRole(Role role) {
        return jdbc.query("select " + COLUMNS + " from account where role = ? order by username",
                Roster::map, role.label());
    }

    /** Replaces the password hash of {@code username}; false if there is no such account. */
    public boolean setPasswordHash(String username, String passwordHash) {
        return jdbc.update("update account set password_hash = ? where username = ?", passwordHash, username) == 1;
    }

    private static Account map(ResultSet row) throws SQLException {
        return new Account(row.getLong("id"), row.getString("username"), Role.fromLabel(row.getString("role")),
                row.getString("password_hash"), Jdbc.instant(row, "created_at"));
    }

    /** The username asked for is already on the roster. */
    public static final class UsernameTakenException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public UsernameTakenException(String username) {
            super("the username '" + username + "' is taken");
        }
    }
}
