package ma.essp.diag.database.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Batched inserts into one table: the demo generator's fast bulk path, allowed beside the one writer
 * ({@code SyncedRows}) because it stamps rows exactly as the writer inserts them (tested by
 * {@code DemoRowsAsWrittenTest}): the next id (1, 2, ...: the demo tables start empty), a version-4 form uuid from the
 * seeded stream, version 1, a fixed updated_at, updated_by the uuid of the generating team member, deleted 0. A
 * generated mission has no audit rows: it is the common base every laptop starts from.
 */
final class Rows implements AutoCloseable {

    static final String UPDATED_AT = "2026-10-01T08:00:00Z";
    private static final int BATCH = 4_000;

    private final String table;
    private final int columns;
    private final PreparedStatement statement;
    private final SplittableRandom uuids;
    private final String stampedBy;
    private int count;
    private int pending;

    Rows(Connection connection, SplittableRandom uuids, String stampedBy, String table, String... columns) throws SQLException {
        this.table = table;
        this.stampedBy = stampedBy;
        this.columns = columns.length;
        this.uuids = uuids;
        String sql = "INSERT INTO " + table + " (id, " + String.join(", ", columns)
                + ", uuid, version, updated_at, updated_by, deleted) VALUES (?" + ", ?".repeat(columns.length) + ", ?, 1, ?, ?, 0)";
        this.statement = connection.prepareStatement(sql);
    }

    /** Adds a row with the given values (in the order of the columns) and returns its id. */
    int add(Object... values) throws SQLException {
        return addWithUuid(uuid(uuids), values);
    }

    /** Adds a row whose uuid is already chosen (the generating team member's own row). */
    int addWithUuid(String uuid, Object... values) throws SQLException {
        if (values.length != columns) {
            throw new IllegalArgumentException(table + ": " + values.length + " values for " + columns + " columns");
        }
        int id = ++count;
        statement.setInt(1, id);
        for (int i = 0; i < values.length; i++) {
            bind(i + 2, values[i]);
        }
        statement.setString(columns + 2, uuid);
        statement.setString(columns + 3, UPDATED_AT);
        statement.setString(columns + 4, stampedBy);
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

    /** A uuid of version-4 form (as {@code UUID.randomUUID()} gives) drawn from a seeded stream. */
    static String uuid(SplittableRandom uuids) {
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
