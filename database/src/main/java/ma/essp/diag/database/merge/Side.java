package ma.essp.diag.database.merge;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import ma.essp.diag.database.repository.SyncedRows;
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
        Side side = new Side();
        Map<String, Map<Integer, String>> uuidsById = new HashMap<>();
        for (Table<?> table : tables.inForeignKeyOrder()) {
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
            Map<String, Table<?>> references = tables.references(table);
            Map<String, Row> byUuid = new LinkedHashMap<>();
            for (Record r : dsl.selectFrom(table).orderBy(field(table, "id", Integer.class)).fetch()) {
                Map<String, String> values = new LinkedHashMap<>();
                for (Field<?> f : tables.compared(table)) {
                    Object value = r.get(f);
                    Table<?> target = references.get(f.getName());
                    if (target != null && value != null) {
                        values.put(f.getName(), uuidsById.get(target.getName()).get(((Number) value).intValue()));
                    } else {
                        values.put(f.getName(), SyncedRows.auditText(value));
                    }
                }
                String uuid = r.get(field(table, "uuid", String.class));
                byUuid.put(uuid, new Row(table.getName(), uuid, r.get(field(table, "id", Integer.class)),
                        r.get(field(table, "version", Integer.class)), values));
            }
            side.rows.put(table.getName(), byUuid);
        }
        return side;
    }

    Map<String, Row> rows(String table) {
        return rows.getOrDefault(table, Map.of());
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
