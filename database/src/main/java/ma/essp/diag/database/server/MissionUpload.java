package ma.essp.diag.database.server;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.ObjIntConsumer;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.ForeignKey;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.impl.DSL;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Copies a whole mission from a mission file into a team server's tables, keys and synchronisation columns as they
 * are (uuid, version, updated_at/by, deleted, and the audit log): the server then holds the same mission as the
 * file, not a new edit of it, so the copy does not go through the writer (no version is bumped, nothing is audited).
 * One transaction on the server: after a failure it holds what it held before.
 */
public final class MissionUpload {

    private MissionUpload() {
    }

    /**
     * Replaces every row of the server's mission tables with the file's. The server must be at the file's schema
     * version and must not hold a mission yet (its reference rows from the migrations are replaced by the file's).
     *
     * @return the number of rows copied per table, in copy order
     */
    public static Map<String, Integer> copy(DSLContext file, DSLContext server, Consumer<String> progress) {
        return copy(file, server, progress, (tx, rows) -> { });
    }

    /**
     * {@link #copy(DSLContext, DSLContext, Consumer)} that runs {@code beforeCommit} in the server's transaction once
     * every row is copied (with the number of rows copied): what it writes commits with the copy or not at all.
     */
    static Map<String, Integer> copy(DSLContext file, DSLContext server, Consumer<String> progress,
                                     ObjIntConsumer<DSLContext> beforeCommit) {
        List<Table<?>> tables = MissionTables.inForeignKeyOrder();
        Map<String, Integer> copied = new LinkedHashMap<>();
        server.transaction(configuration -> {
            DSLContext tx = configuration.dsl();
            for (int i = tables.size() - 1; i >= 0; i--) {
                tx.deleteFrom(tables.get(i)).execute();
            }
            for (Table<?> table : tables) {
                int rows = copyTable(file, tx, table);
                copied.put(table.getName(), rows);
                progress.accept(table.getName() + ": " + rows);
            }
            for (Table<?> table : tables) {
                if (table.getIdentity() != null) {
                    moveIdentityPastRows(tx, table);
                }
            }
            beforeCommit.accept(tx, copied.values().stream().mapToInt(Integer::intValue).sum());
        });
        return copied;
    }

    private static int copyTable(DSLContext file, DSLContext server, Table<?> table) {
        List<TableField<?, ?>> selfReferences = selfReferences(table);
        if (selfReferences.isEmpty()) {
            try (Cursor<? extends Record> cursor = file.selectFrom(table).orderBy(table.getPrimaryKey().getFields()).fetchLazy()) {
                return copyIn(server, table, cursor);
            }
        }
        // a table that references itself (a province's parent, a legacy category's equivalent, a catalogue's base):
        // a row goes in once the row it references is in
        List<? extends Record> pending = new ArrayList<>(file.selectFrom(table).orderBy(table.getPrimaryKey().getFields()).fetch());
        Set<List<Object>> inserted = new HashSet<>();
        int rows = 0;
        while (!pending.isEmpty()) {
            List<Record> ready = new ArrayList<>();
            List<Record> waiting = new ArrayList<>();
            for (Record row : pending) {
                (selfReferences.stream().allMatch(f -> referenceMet(table, row, f, inserted)) ? ready : waiting).add(row);
            }
            if (ready.isEmpty()) {
                throw new IllegalStateException(table.getName() + ": rows reference missing rows of the same table");
            }
            copyIn(server, table, ready);
            for (Record row : ready) {
                inserted.add(key(table, row));
            }
            rows += ready.size();
            pending = waiting;
        }
        return rows;
    }

    private static boolean referenceMet(Table<?> table, Record row, TableField<?, ?> field, Set<List<Object>> inserted) {
        Object value = row.get(field);
        return value == null || inserted.contains(List.of(value)) || Objects.equals(List.of(value), key(table, row));
    }

    private static List<Object> key(Table<?> table, Record row) {
        List<Object> key = new ArrayList<>();
        for (TableField<?, ?> field : table.getPrimaryKey().getFields()) {
            key.add(row.get(field));
        }
        return key;
    }

    private static List<TableField<?, ?>> selfReferences(Table<?> table) {
        List<TableField<?, ?>> fields = new ArrayList<>();
        for (ForeignKey<?, ?> key : table.getReferences()) {
            if (key.getKey().getTable().getName().equals(table.getName())) {
                fields.addAll(key.getFields());
            }
        }
        return fields;
    }

    /**
     * Sends {@code rows} to the server's {@code table} in one {@code COPY ... FROM STDIN} (PostgreSQL's bulk load: one
     * statement and a stream of text lines, where a multi-row INSERT renders and binds every value), streamed in
     * blocks so that a national table is never held as text. Returns the rows the server took.
     */
    static int copyIn(DSLContext server, Table<?> table, Iterable<? extends Record> rows) {
        Field<?>[] fields = table.fields();
        StringBuilder sql = new StringBuilder("COPY ").append(server.render(DSL.name(table.getName()))).append(" (");
        for (int i = 0; i < fields.length; i++) {
            sql.append(i == 0 ? "" : ", ").append(server.render(DSL.name(fields[i].getName())));
        }
        sql.append(") FROM STDIN");
        return server.connectionResult(connection -> {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql.toString());
            try {
                StringBuilder block = new StringBuilder(COPY_BLOCK + 4096);
                for (Record row : rows) {
                    for (int i = 0; i < fields.length; i++) {
                        if (i > 0) {
                            block.append('\t');
                        }
                        copyText(block, row.get(i));
                    }
                    block.append('\n');
                    if (block.length() >= COPY_BLOCK) {
                        send(copy, block);
                    }
                }
                send(copy, block);
                return Math.toIntExact(copy.endCopy());
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        });
    }

    /** Characters of COPY text sent to the server at a time. */
    private static final int COPY_BLOCK = 1 << 16;

    private static void send(CopyIn copy, StringBuilder block) throws SQLException {
        if (!block.isEmpty()) {
            byte[] bytes = block.toString().getBytes(StandardCharsets.UTF_8); // pgjdbc's client_encoding is UTF8
            copy.writeToCopy(bytes, 0, bytes.length);
            block.setLength(0);
        }
    }

    /**
     * One value in COPY's text format: NULL as {@code \N}; booleans {@code t}/{@code f}; numbers as Java writes them
     * (a double's shortest text that reads back as the same double); dates ISO-8601; text with backslash, tab, newline
     * and carriage return escaped (the only characters the format reserves).
     */
    static void copyText(StringBuilder out, Object value) {
        switch (value) {
            case null -> out.append("\\N");
            case Boolean b -> out.append(b ? 't' : 'f');
            case Integer n -> out.append(n.intValue());
            case Long n -> out.append(n.longValue());
            case Double d -> out.append(d.doubleValue());
            case LocalDate d -> out.append(d);
            default -> {
                String text = value.toString();
                for (int i = 0; i < text.length(); i++) {
                    char c = text.charAt(i);
                    switch (c) {
                        case '\\' -> out.append("\\\\");
                        case '\t' -> out.append("\\t");
                        case '\n' -> out.append("\\n");
                        case '\r' -> out.append("\\r");
                        default -> out.append(c);
                    }
                }
            }
        }
    }

    /** After rows were inserted with their ids, the identity must hand out the next id above them. */
    private static void moveIdentityPastRows(DSLContext server, Table<?> table) {
        var id = table.getIdentity().getField();
        server.select(DSL.function("setval", Long.class,
                DSL.function("pg_get_serial_sequence", String.class, DSL.inline(table.getName()), DSL.inline(id.getName())),
                DSL.field(server.select(DSL.coalesce(DSL.max(id.coerce(Long.class)), 0L).plus(1)).from(table)),
                DSL.inline(false))).fetch();
    }
}
