package ma.essp.diag.database.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Batched inserts into one table. Every row gets the next id (1, 2, ...: the demo tables start empty) and the
 * synchronisation columns (uuid from the seeded stream, version 1, fixed updated_at and updated_by, deleted 0).
 */
final class Rows implements AutoCloseable {

    static final String UPDATED_AT = "2026-10-01T08:00:00Z";
    static final String UPDATED_BY = "demo-generator";
    private static final int BATCH = 4_000;

    private final String table;
    private final int columns;
    private final PreparedStatement statement;
    private final SplittableRandom uuids;
    private int count;
    private int pending;

    Rows(Connection connection, SplittableRandom uuids, String table, String... columns) throws SQLException {
        this.table = table;
        this.columns = columns.length;
        this.uuids = uuids;
        String sql = "INSERT INTO " + table + " (id, " + String.join(", ", columns)
                + ", uuid, version, updated_at, updated_by, deleted) VALUES (?" + ", ?".repeat(columns.length) + ", ?, 1, ?, ?, 0)";
        this.statement = connection.prepareStatement(sql);
    }

    /** Adds a row with the given values (in the order of the columns) and returns its id. */
    int add(Object... values) throws SQLException {
        if (values.length != columns) {
            throw new IllegalArgumentException(table + ": " + values.length + " values for " + columns + " columns");
        }
        int id = ++count;
        statement.setInt(1, id);
        for (int i = 0; i < values.length; i++) {
            bind(i + 2, values[i]);
        }
        statement.setString(columns + 2, uuid());
        statement.setString(columns + 3, UPDATED_AT);
        statement.setString(columns + 4, UPDATED_BY);
        statement.addBatch();
        if (++pending >= BATCH) {
            flush();
        }
        return id;
    }

    int count() {
        return count;
    }

    String table() {
        return table;
    }

    private String uuid() {
        long high = (uuids.nextLong() & ~0xF000L) | 0x4000L;
        long low = (uuids.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low).toString();
    }

    private void bind(int index, Object value) throws SQLException {
        switch (value) {
            case null -> statement.setNull(index, Types.NULL);
            case String s -> statement.setString(index, s);
            case Integer i -> statement.setInt(index, i);
            case Long l -> statement.setLong(index, l);
            case Double d -> statement.setDouble(index, d);
            case Boolean b -> statement.setInt(index, b ? 1 : 0);
            case LocalDate d -> statement.setString(index, d.toString());
            default -> throw new IllegalArgumentException(table + ": cannot bind " + value.getClass());
        }
    }

    void flush() throws SQLException {
        if (pending > 0) {
            statement.executeBatch();
            pending = 0;
        }
    }

    @Override
    public void close() throws SQLException {
        try {
            flush();
        } finally {
            statement.close();
        }
    }
}
