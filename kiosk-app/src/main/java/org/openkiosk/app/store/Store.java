package org.openkiosk.app.store;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The kiosk's database: a pooled data source plus transactions that either commit completely or roll back.
 * Every SQL failure leaves as a {@link StoreException}; an unreachable database as a
 * {@link StoreUnavailableException}.
 */
public final class Store implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Store.class);

    private final HikariDataSource dataSource;
    /** Actions to run once the transaction on a connection has committed (e.g. publishing the audit head). */
    private final Map<Connection, List<Runnable>> afterCommit = new ConcurrentHashMap<>();
    /** Transactions that must be on the disk itself, not in the OS's cache, before {@link #inTransaction} returns. */
    private final Set<Connection> durable = ConcurrentHashMap.newKeySet();
    private final Dialect dialect;
    private final String description;

    Store(HikariDataSource dataSource, Dialect dialect, String description) {
        this.dataSource = Objects.requireNonNull(dataSource);
        this.dialect = Objects.requireNonNull(dialect);
        this.description = description;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** Where the data lives, without credentials, for messages and logs. */
    public String description() {
        return description;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** Runs {@code work} in one READ COMMITTED transaction; commits on success, rolls back on any failure. */
    public <T> T inTransaction(SqlWork<T> work) {
        Connection connection = borrow();
        List<Runnable> committed = new ArrayList<>();
        afterCommit.put(connection, committed);
        T result;
        try {
            try {
                connection.setAutoCommit(false);
                connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                result = work.run(connection);
                connection.commit();
                if (durable.contains(connection)) {
                    forceToDisk(connection);
                }
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(connection, e);
                throw e;
            }
        } catch (SQLException e) {
            throw translate(e);
        } finally {
            afterCommit.remove(connection);
            durable.remove(connection);
            closeQuietly(connection);
        }
        for (Runnable action : committed) {
            try {
                action.run();
            } catch (RuntimeException e) {
                // the transaction stands; the action's owner reports its own trouble
                log.warn("an after-commit action failed", e);
            }
        }
        return result;
    }

    /**
     * Runs {@code action} after the transaction that {@code connection} belongs to has committed (never when it rolls
     * back). A connection outside {@link #inTransaction} in auto-commit mode runs it at once; otherwise it is dropped.
     */
    public void afterCommit(Connection connection, Runnable action) {
        List<Runnable> actions = afterCommit.get(connection);
        if (actions != null) {
            actions.add(action);
            return;
        }
        try {
            if (connection.getAutoCommit()) {
                action.run();
            }
        } catch (SQLException e) {
            log.debug("cannot tell whether the connection auto-commits; not running {}", action, e);
        }
    }

    /**
     * The transaction on {@code connection} is forced to the disk before {@link #inTransaction} returns (ADR 0160): a
     * record the citizen is told about survives a power cut. H2 writes a commit to the file but leaves it in the
     * OS's cache; {@code CHECKPOINT SYNC} forces it down. PostgreSQL does this on every commit already.
     */
    public void requireDurableCommit(Connection connection) {
        if (dialect == Dialect.H2 && afterCommit.containsKey(connection)) {
            durable.add(connection);
        }
    }

    private static void forceToDisk(Connection connection) throws SQLException {
        try (java.sql.Statement sync = connection.createStatement()) {
            sync.execute("CHECKPOINT SYNC");
        }
    }

    /** True when the SQL state says "unique or check constraint violated" (same codes on H2 and PostgreSQL). */
    public static boolean isUniqueViolation(SQLException e) {
        return "23505".equals(e.getSQLState());
    }

    private Connection borrow() {
        try {
            return dataSource.getConnection();
        } catch (SQLException e) {
            throw new StoreUnavailableException("the database " + description + " cannot be reached: "
                    + rootMessage(e), e);
        } catch (HikariPool.PoolInitializationException e) {
            throw new StoreUnavailableException("the database " + description + " cannot be reached: "
                    + rootMessage(e), e);
        }
    }

    private StoreException translate(SQLException e) {
        String state = e.getSQLState();
        // 08xxx: connection exceptions (PostgreSQL and H2 both use the SQL standard class); 57P0x: server shutting down
        if (e instanceof SQLTransientConnectionException
                || (state != null && (state.startsWith("08") || state.startsWith("57P")))) {
            return new StoreUnavailableException("the database " + description + " went away: " + rootMessage(e), e);
        }
        return new StoreException("database operation failed (SQL state " + state + "): " + e.getMessage(), e);
    }

    private static void rollbackQuietly(Connection connection, Exception cause) {
        try {
            if (!connection.isClosed()) {
                connection.rollback();
            }
        } catch (SQLException rollbackFailure) {
            cause.addSuppressed(rollbackFailure);
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // the pool evicts a broken connection itself
        }
    }

    static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    @Override
    public void close() {
        dataSource.close();
    }

    @Override
    public String toString() {
        return "Store[" + dialect + " " + description + "]";
    }
}
