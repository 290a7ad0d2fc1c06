package isolab.cli;

import isolab.web.AppConfig;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the app keeps its data: the options {@code serve} and {@code user} share. */
final class DataOptions {

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data",
            description = "The data directory: course secret and embedded database (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--db", paramLabel = "JDBC_URL",
            description = "A PostgreSQL JDBC URL (jdbc:postgresql://host/db?user=...) instead of the embedded H2 file.")
    String jdbcUrl;

    /** The app's configuration with these options applied to the embedded defaults. */
    AppConfig config() {
        return AppConfig.defaults(dataDir).withJdbcUrl(jdbcUrl);
    }
}
