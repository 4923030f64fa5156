package ma.essp.diag.database.mission;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The SQLite settings the demo generator's bulk path changes on its own connection to a mission file. Kept here, with
 * the other SQLite-only statements of the mission file, so that no code outside this package speaks SQLite.
 */
public final class SqlitePragmas {

    /** SQLite's default page cache: 2,000 KiB. */
    public static final int DEFAULT_CACHE_KIB = 2_000;

    private SqlitePragmas() {
    }

    /** Foreign keys checked at commit rather than per row, for the current transaction. */
    public static void deferForeignKeys(Connection connection) throws SQLException {
        run(connection, "PRAGMA defer_foreign_keys = ON");
    }

    /** The page cache of this connection, in KiB. */
    public static void cacheSize(Connection connection, int kib) throws SQLException {
        run(connection, "PRAGMA cache_size = -" + kib);
    }

    /** Copies the write-ahead log into the file and empties it, so that the file alone holds everything. */
    public static void checkpoint(Connection connection) throws SQLException {
        run(connection, "PRAGMA wal_checkpoint(TRUNCATE)");
    }

    private static void run(Connection connection, String pragma) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(pragma);
        }
    }
}
