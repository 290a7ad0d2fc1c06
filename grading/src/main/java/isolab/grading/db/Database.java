package isolab.grading.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.h2.jdbcx.JdbcConnectionPool;
import org.postgresql.ds.PGSimpleDataSource;

/** An open, migrated gradebook database; closing it closes its connections. */
public final class Database implements AutoCloseable {

    /** The file name (without H2's {@code .mv.db}) of the embedded database in a data directory. */
    public static final String H2_FILE_NAME = "isolab";

    private final DataSource dataSource;
    private final Runnable onClose;
    private final Jdbc jdbc;

    private Database(DataSource dataSource, Runnable onClose) {
        this.dataSource = dataSource;
        this.onClose = onClose;
        this.jdbc = new Jdbc(dataSource);
    }

    /** The embedded H2 database in {@code dataDir}, created and migrated as needed. */
    public static Database openEmbedded(Path dataDir) {
        Objects.requireNonNull(dataDir, "dataDir");
        try {
            Files.createDirectories(dataDir);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot create data directory " + dataDir + ": " + e.getMessage(), e);
        }
        String url = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve(H2_FILE_NAME) + ";WRITE_DELAY=0";
        return open(url, "sa", "");
    }

    /**
     * The database at {@code jdbcUrl} ({@code jdbc:h2:...} or {@code jdbc:postgresql://...}),
     * migrated to the newest schema.
     */
    public static Database open(String jdbcUrl, String user, String password) {
        Database database;
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            JdbcConnectionPool pool = JdbcConnectionPool.create(jdbcUrl, user, password);
            pool.setMaxConnections(16);
            database = new Database(pool, () -> closeH2(pool));
        } else if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            PGSimpleDataSource pg = new PGSimpleDataSource();
            pg.setUrl(jdbcUrl);
            if (user != null && !user.isEmpty()) {
                pg.setUser(user);
            }
            if (password != null && !password.isEmpty()) {
                pg.setPassword(password);
            }
            database = new Database(pg, () -> { });
        } else {
            throw new IllegalArgumentException(
                    "unsupported database URL '" + jdbcUrl + "' (expected jdbc:h2:... or jdbc:postgresql://...)");
        }
        database.migrate();
        return database;
    }

    private Flyway flyway() {
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load();
    }

    /** Applies every pending migration; returns how many ran. */
    private int migrate() {
        return flyway().migrate().migrationsExecuted;
    }

    /** The helpers every repository uses to talk to this database. */
    public Jdbc jdbc() {
        return jdbc;
    }

    /** The newest schema version applied, e.g. {@code "1"}. */
    public String schemaVersion() {
        MigrationInfo current = flyway().info().current();
        return current == null ? "0" : current.getVersion().getVersion();
    }

    private static void closeH2(JdbcConnectionPool pool) {
        // The pool keeps the embedded database open; disposing it closes the last connection,
        // which closes and compacts the file cleanly.
        pool.dispose();
    }

    @Override
    public void close() {
        onClose.run();
    }
}
