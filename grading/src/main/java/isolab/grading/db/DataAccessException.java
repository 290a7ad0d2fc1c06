package isolab.grading.db;

import java.sql.SQLException;

/** A database operation failed; carries the driver's {@link SQLException}. */
public final class DataAccessException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DataAccessException(SQLException cause) {
        super(cause.getMessage(), cause);
    }

    /** The SQLSTATE of the failure, e.g. {@code 23505} for a unique key violated. */
    public String sqlState() {
        return ((SQLException) getCause()).getSQLState();
    }

    /** Whether the failure was a unique or primary key violated (SQLSTATE 23505 on H2 and PostgreSQL). */
    public boolean isDuplicateKey() {
        return "23505".equals(sqlState());
    }
}
