package isolab.grading.db;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The same gradebook behaviours on PostgreSQL, the deployment database: one throwaway server for
 * the class, a fresh database per test. Skipped where no PostgreSQL is installed.
 */
class PostgresGradebookTest extends GradebookDatabaseContract {

    private static EmbeddedPostgres server;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    @BeforeAll
    static void startServer() throws Exception {
        Optional<Path> bin = EmbeddedPostgres.installedBin();
        assumeTrue(bin.isPresent(), "PostgreSQL is not installed");
        server = EmbeddedPostgres.start(bin.get());
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Override
    Database open() throws Exception {
        return Database.open(server.createDatabase("gradebook" + DATABASES.incrementAndGet()), "", "");
    }
}
