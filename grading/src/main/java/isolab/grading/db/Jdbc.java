package isolab.grading.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The few JDBC helpers the repositories share: parameterised statements only, every call its own
 * committed transaction unless run inside {@link #inTransaction}. SQL errors become
 * {@link DataAccessException}.
 */
public final class Jdbc {

    /** Maps the current row of a result set to a value. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    /** Work done on one connection inside one transaction. */
    @FunctionalInterface
    public interface TransactionWork<T> {
        T run(Jdbc inTransaction) throws SQLException;
    }

    private final DataSource dataSource;
    private final Connection pinned;

    Jdbc(DataSource dataSource) {
        this.dataSource = dataSource;
        this.pinned = null;
    }

    private Jdbc(Connection pinned) {
        this.dataSource = null;
        this.pinned = pinned;
    }

    /** Runs {@code sql} (insert, update, delete); returns the number of rows changed. */
    public int update(String sql, Object... params) {
        return withConnection(c -> {
            try (PreparedStatement statement = c.prepareStatement(sql)) {
                bind(statement, params);
                return statement.executeUpdate();
            }
        });
    }

    /** Runs an insert and returns the generated {@code id} column. */
    public long insertReturningId(String sql, Object... params) {
        return withConnection(c -> {
            try (PreparedStatement statement = c.prepareStatement(sql, new String[] {"id"})) {
                bind(statement, params);
                statement.executeUpdate();
                try (ResultSet keys = statement.getGeneratedKeys()) {
                    if (!keys.next()) {
                        throw new SQLException("no generated id for: " + sql);
                    }
                    return keys.getLong(1);
                }
            }
        });
    }

    /** Every row of {@code sql}, mapped. */
    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
        return withConnection(c -> {
            try (PreparedStatement statement = c.prepareStatement(sql)) {
                bind(statement, params);
                try (ResultSet rows = statement.executeQuery()) {
                    List<T> result = new ArrayList<>();
                    while (rows.next()) {
                        result.add(mapper.map(rows));
                    }
                    return result;
                }
            }
        });
    }

    /** The first row of {@code sql}, mapped, if there is one. */
    public <T> Optional<T> queryOne(String sql, RowMapper<T> mapper, Object... params) {
        List<T> rows = query(sql, mapper, params);
        return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(rows.get(0));
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    public <T> T inTransaction(TransactionWork<T> work) {
        if (pinned != null) {
            try {
                return work.run(this);
            } catch (SQLException e) {
                throw new DataAccessException(e);
            }
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(new Jdbc(connection));
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    /** An instant as the database's {@code timestamp with time zone}, in UTC. */
    public static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** The {@code timestamp with time zone} column {@code name} as an instant, or null. */
    public static Instant instant(ResultSet row, String name) throws SQLException {
        OffsetDateTime value = row.getObject(name, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** The nullable integer column {@code name}. */
    public static Integer nullableInt(ResultSet row, String name) throws SQLException {
        int value = row.getInt(name);
        return row.wasNull() ? null : value;
    }

    private interface ConnectionWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T withConnection(ConnectionWork<T> work) {
        try {
            if (pinned != null) {
                return work.run(pinned);
            }
            try (Connection connection = dataSource.getConnection()) {
                return work.run(connection);
            }
        } catch (SQLException e) {
            throw new DataAccessException(e);
        }
    }

    private static void bind(PreparedStatement statement, Object[] params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object param = params[i];
            if (param instanceof Instant instant) {
                statement.setObject(i + 1, timestamp(instant));
            } else if (param == null) {
                statement.setNull(i + 1, Types.NULL);
            } else {
                statement.setObject(i + 1, param);
            }
        }
    }
}
