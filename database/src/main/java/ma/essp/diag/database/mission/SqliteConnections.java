package ma.essp.diag.database.mission;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.jooq.ConnectionProvider;
import org.jooq.exception.DataAccessException;
import org.sqlite.SQLiteConfig;

/**
 * A small pool of connections to one mission file. SQLite connections are cheap but not free, and every
 * connection must get the same pragmas (foreign keys on, WAL, busy timeout), which SQLiteConfig applies. While
 * {@link #queryOnly} is set, every connection it hands out refuses writes ({@code PRAGMA query_only}, SQLite's own
 * refusal: SQLITE_READONLY); {@link #allowWrites} lifts it for the connections handed out from then on.
 */
final class SqliteConnections implements ConnectionProvider, AutoCloseable {

    private static final int MAX_IDLE = 4;

    private final String url;
    private final SQLiteConfig config;
    private final Deque<Connection> idle = new ArrayDeque<>();
    private final List<Connection> opened = new ArrayList<>();
    /** The connections opened while writes were refused: closed when released after {@link #allowWrites}. */
    private final List<Connection> queryOnlyConnections = new ArrayList<>();
    private boolean closed;
    private boolean queryOnly;

    SqliteConnections(String url, SQLiteConfig config, boolean queryOnly) {
        this.url = url;
        this.config = config;
        this.queryOnly = queryOnly;
    }

    /** From now on, connections write: the idle query-only ones are closed, the busy ones when released. */
    synchronized void allowWrites() {
        queryOnly = false;
        idle.removeIf(connection -> {
            if (queryOnlyConnections.contains(connection)) {
                discard(connection);
                return true;
            }
            return false;
        });
    }

    synchronized boolean queryOnly() {
        return queryOnly;
    }

    private void discard(Connection connection) {
        opened.remove(connection);
        queryOnlyConnections.remove(connection);
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing anyway
        }
    }

    static SQLiteConfig readWriteConfig() {
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(15_000);
        return config;
    }

    @Override
    public synchronized Connection acquire() {
        if (closed) {
            throw new DataAccessException("The mission file is closed");
        }
        Connection connection = idle.poll();
        if (connection != null) {
            return connection;
        }
        try {
            connection = config.createConnection(url);
            opened.add(connection);
            if (queryOnly) {
                queryOnlyConnections.add(connection);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("PRAGMA query_only = 1");
                }
            }
            return connection;
        } catch (SQLException e) {
            throw new DataAccessException("Cannot open a connection to " + url, e);
        }
    }

    @Override
    public synchronized void release(Connection connection) {
        try {
            if (closed || idle.size() >= MAX_IDLE || connection.isClosed()
                    || (!queryOnly && queryOnlyConnections.contains(connection))) {
                opened.remove(connection);
                queryOnlyConnections.remove(connection);
                connection.close();
            } else {
                if (!connection.getAutoCommit()) {
                    connection.rollback();
                    connection.setAutoCommit(true);
                }
                idle.push(connection);
            }
        } catch (SQLException e) {
            throw new DataAccessException("Cannot release a connection", e);
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        for (Connection connection : opened) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
        opened.clear();
        queryOnlyConnections.clear();
        idle.clear();
    }
}
