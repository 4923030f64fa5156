package ma.essp.diag.database.merge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ma.essp.diag.database.repository.SyncedRows;
import org.jooq.Cursor;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;

/**
 * One side of a merge read into memory: every row of every merged table by uuid, its compared columns as text
 * (as the audit writes values, {@link SyncedRows#auditText}), an integer foreign key replaced by the uuid of the
 * row it points to, so that the two files compare without their local ids. Nothing here depends on SQLite: any
 * jOOQ connection to the schema reads the same.
 */
final class Side {

    /** One row: its local id and version, and its compared values (column name to text). */
    record Row(String table, String uuid, int id, int version, Map<String, String> values) {
        boolean deleted() {
            return "true".equals(values.get("deleted"));
        }
    }

    private final Map<String, Map<String, Row>> rows = new HashMap<>();
    private final Map<String, Map<String, Integer>> idsByUuid = new HashMap<>();

    static Side read(DSLContext dsl, MergeTables tables) {
        return read(dsl, tables, null);
    }

    /**
     * Reads the rows of the tables named in {@code only} (null: every table), with {@code merge_alias} (the aliases
     * every comparison needs) unless {@code only} is empty, and the ids and uuids of the tables they point to (to
     * compare and write their foreign keys). An empty {@code only} reads nothing.
     */
    static Side read(DSLContext dsl, MergeTables tables, Set<String> only) {
        Side side = new Side();
        Set<String> rowTables = new HashSet<>();
        Set<String> idTables = new HashSet<>();
        for (Table<?> table : tables.inForeignKeyOrder()) {
            if (only == null || only.contains(table.getName()) || (!only.isEmpty() && table.getName().equals("merge_alias"))) {
                rowTables.add(table.getName());
                idTables.add(table.getName());
                tables.references(table).values().forEach(t -> idTables.add(t.getName()));
            }
        }
        Map<String, Map<Integer, String>> uuidsById = new HashMap<>();
        for (Table<?> table : tables.inForeignKeyOrder()) {
            if (!idTables.contains(table.getName())) {
                continue;
            }
            Map<Integer, String> uuids = new HashMap<>();
            Map<String, Integer> ids = new HashMap<>();
            Field<Integer> id = field(table, "id", Integer.class);
            Field<String> uuid = field(table, "uuid", String.class);
            dsl.select(id, uuid).from(table).forEach(r -> {
                uuids.put(r.value1(), r.value2());
                ids.put(r.value2(), r.value1());
            });
            uuidsById.put(table.getName(), uuids);
            side.idsByUuid.put(table.getName(), ids);
        }
        for (Table<?> table : tables.inForeignKeyOrder()) {
            if (!rowTables.contains(table.getName())) {
                continue;
            }
            // per table, not per row: the compared columns, the table each integer foreign key points to
            List<Field<?>> compared = tables.compared(table);
            Map<String, Table<?>> references = tables.references(table);
            String[] names = new String[compared.size()];
            Map<Integer, String>[] targets = targets(compared, references, uuidsById, names);
            List<Field<?>> read = new ArrayList<>(List.of(field(table, "id", Integer.class), field(table, "uuid", String.class),
                    field(table, "version", Integer.class)));
            read.addAll(compared);
            Map<String, Row> byUuid = new LinkedHashMap<>();
            // a cursor, by position: a national file's answers are read without holding a second copy of them
            try (Cursor<Record> cursor = dsl.select(read).from(table).orderBy(field(table, "id", Integer.class)).fetchLazy()) {
                for (Record r : cursor) {
                    Map<String, String> values = new LinkedHashMap<>();
                    for (int i = 0; i < names.length; i++) {
                        Object value = r.get(3 + i);
                        if (targets[i] != null && value != null) {
                            values.put(names[i], targets[i].get(((Number) value).intValue()));
                        } else {
                            values.put(names[i], SyncedRows.auditText(value));
                        }
                    }
                    String uuid = (String) r.get(1);
                    byUuid.put(uuid, new Row(table.getName(), uuid, (Integer) r.get(0), (Integer) r.get(2), values));
                }
            }
            side.rows.put(table.getName(), byUuid);
        }
        return side;
    }

    /** For each compared column its name, and for an integer foreign key the uuids of the table it points to (else null). */
    @SuppressWarnings("unchecked")
    private static Map<Integer, String>[] targets(List<Field<?>> compared, Map<String, Table<?>> references,
                                                  Map<String, Map<Integer, String>> uuidsById, String[] names) {
        Map<Integer, String>[] targets = new Map[compared.size()];
        for (int i = 0; i < compared.size(); i++) {
            names[i] = compared.get(i).getName();
            Table<?> target = references.get(names[i]);
            targets[i] = target == null ? null : uuidsById.get(target.getName());
        }
        return targets;
    }

    Map<String, Row> rows(String table) {
        return rows.getOrDefault(table, Map.of());
    }

    /** The uuids of {@code table}'s rows read (their rows, or only their ids for a table others point to). */
    Set<String> uuids(String table) {
        return idsByUuid.getOrDefault(table, Map.of()).keySet();
    }

    Row row(String table, String uuid) {
        return rows(table).get(uuid);
    }

    Integer id(String table, String uuid) {
        return idsByUuid.getOrDefault(table, Map.of()).get(uuid);
    }

    @SuppressWarnings("unchecked")
    static <T> Field<T> field(Table<?> table, String name, Class<T> type) {
        return (Field<T>) table.field(name);
    }
}
