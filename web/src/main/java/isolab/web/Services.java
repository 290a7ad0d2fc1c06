package isolab.web;

import isolab.grading.db.Database;
import isolab.grading.roster.Roster;
import isolab.grading.seed.CourseSecret;
import isolab.grading.seed.StudentSeeds;
import isolab.web.auth.Auth;
import isolab.web.auth.LoginSessions;
import isolab.web.auth.PasswordHasher;

/**
 * The long-lived parts of the app, wired once at start: the database and its repositories, the
 * student seeds, the password hasher and the auth filters.
 */
public record Services(AppConfig config, Database database, Roster roster, StudentSeeds seeds,
                       PasswordHasher hasher, LoginSessions sessions, Auth auth) implements AutoCloseable {

    /** Opens (and migrates) the database of {@code config} and wires everything on it. */
    public static Services open(AppConfig config) {
        Database database = config.jdbcUrl() == null
                ? Database.openEmbedded(config.dataDir())
                : Database.open(config.jdbcUrl(), null, null);
        try {
            Roster roster = new Roster(database.jdbc(), config.clock());
            StudentSeeds seeds = new StudentSeeds(CourseSecret.loadOrCreate(config.dataDir()));
            LoginSessions sessions = new LoginSessions(database.jdbc(), roster, config.clock());
            sessions.purgeExpired();
            return new Services(config, database, roster, seeds, new PasswordHasher(config.passwordIterations()),
                    sessions, new Auth(sessions));
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    @Override
    public void close() {
        database.close();
    }
}
