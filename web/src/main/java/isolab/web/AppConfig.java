package isolab.web;

import java.nio.file.Path;
import java.time.Clock;

/**
 * How the web app is started; {@link #defaults(Path)} is what {@code isolab serve} uses.
 *
 * @param bindHost the address to listen on ({@code 0.0.0.0} for every interface)
 * @param port the TCP port, 0 for any free one
 * @param dataDir where the course secret and the embedded database live
 * @param jdbcUrl a {@code jdbc:postgresql://} URL for a shared database, or null for the embedded
 *     H2 file in {@code dataDir}
 * @param registrationOpen whether students may create their own accounts at {@code /register}
 * @param passwordIterations the PBKDF2 work factor for new password hashes
 * @param clock the clock stored times come from
 */
public record AppConfig(String bindHost, int port, Path dataDir, String jdbcUrl, boolean registrationOpen,
                        int passwordIterations, Clock clock) {

    public static final int DEFAULT_PORT = 7070;

    /** The embedded defaults: port 7070 on every interface, H2 in {@code dataDir}, registration open. */
    public static AppConfig defaults(Path dataDir) {
        return new AppConfig("0.0.0.0", DEFAULT_PORT, dataDir, null, true,
                isolab.web.auth.PasswordHasher.DEFAULT_ITERATIONS, Clock.systemUTC());
    }

    public AppConfig withPort(int newPort) {
        return new AppConfig(bindHost, newPort, dataDir, jdbcUrl, registrationOpen, passwordIterations, clock);
    }

    public AppConfig withBindHost(String newBindHost) {
        return new AppConfig(newBindHost, port, dataDir, jdbcUrl, registrationOpen, passwordIterations, clock);
    }

    public AppConfig withJdbcUrl(String newJdbcUrl) {
        return new AppConfig(bindHost, port, dataDir, newJdbcUrl, registrationOpen, passwordIterations, clock);
    }

    public AppConfig withRegistrationOpen(boolean open) {
        return new AppConfig(bindHost, port, dataDir, jdbcUrl, open, passwordIterations, clock);
    }

    public AppConfig withPasswordIterations(int iterations) {
        return new AppConfig(bindHost, port, dataDir, jdbcUrl, registrationOpen, iterations, clock);
    }
}
