package ma.essp.diag.database.server;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.ForeignKey;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.impl.DSL;

/**
 * Copies a whole mission from a mission file into a team server's tables, keys and synchronisation columns as they
 * are (uuid, version, updated_at/by, deleted, and the audit log): the server then holds the same mission as the
 * file, not a new edit of it, so the copy does not go through the writer (no version is bumped, nothing is audited).
 * One transaction on the server: after a failure it holds what it held before.
 */
public final class MissionUpload {

    /** PostgreSQL takes at most 65,535 parameters in one statement; rows go in batches well below that. */
    static final int PARAMETERS_PER_STATEMENT = 30_000;

    private MissionUpload() {
    }

    /**
     * Replaces every row of the server's mission tables with the file's. The server must be at the file's schema
     * version and must not hold a mission yet (its reference rows from the migrations are replaced by the file's).
     *
     * @return the number of rows copied per table, in copy order
     */
    public static Map<String, Integer> copy(DSLContext file, DSLContext server, Consumer<String> progress) {
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
        });
        return copied;
    }

    private static int copyTable(DSLContext file, DSLContext server, Table<?> table) {
        int batch = Math.max(1, PARAMETERS_PER_STATEMENT / table.fields().length);
        List<TableField<?, ?>> selfReferences = selfReferences(table);
        int rows = 0;
        if (selfReferences.isEmpty()) {
            try (Cursor<? extends Record> cursor = file.selectFrom(table).orderBy(table.getPrimaryKey().getFields()).fetchLazy()) {
                while (cursor.hasNext()) {
                    List<? extends Record> chunk = cursor.fetchNext(batch);
                    insert(server, table, chunk);
                    rows += chunk.size();
                }
            }
            return rows;
        }
        // a table that references itself (a province's parent, a legacy category's equivalent, a catalogue's base):
        // a row goes in once the row it references is in
        List<? extends Record> pending = new ArrayList<>(file.selectFrom(table).orderBy(table.getPrimaryKey().getFields()).fetch());
        Set<List<Object>> inserted = new HashSet<>();
        while (!pending.isEmpty()) {
            List<Record> ready = new ArrayList<>();
            List<Record> waiting = new ArrayList<>();
            for (Record row : pending) {
                (selfReferences.stream().allMatch(f -> referenceMet(table, row, f, inserted)) ? ready : waiting).add(row);
            }
            if (ready.isEmpty()) {
                throw new IllegalStateException(table.getName() + ": rows reference missing rows of the same table");
            }
            for (int from = 0; from < ready.size(); from += batch) {
                insert(server, table, ready.subList(from, Math.min(ready.size(), from + batch)));
            }
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

    private static void insert(DSLContext server, Table<?> table, List<? extends Record> rows) {
        if (!rows.isEmpty()) {
            server.insertInto(table).columns(table.fields()).valuesOfRecords(rows).execute();
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
