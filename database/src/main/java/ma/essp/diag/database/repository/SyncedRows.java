package ma.essp.diag.database.repository;

import static ma.essp.diag.database.jooq.Tables.AUDIT_LOG;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import ma.essp.diag.database.mission.EditContext;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStep11;
import org.jooq.Record;
import org.jooq.Record2;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.TableRecord;
import org.jooq.UpdatableRecord;
import org.jooq.impl.DSL;

/**
 * The one writer of every versioned row (a table with {@code uuid, version, updated_at, updated_by, deleted}):
 * insert, update, upsert, soft delete, restore and bulk edits. Nothing else in the code base issues INSERT, UPDATE or
 * DELETE on those tables ({@code WritePathRulesTest} enforces it; the demo generator's bulk path is the one
 * tested exception).
 *
 * <p>Every change
 * <ul>
 *   <li>checks the version the editor started from: a row changed or removed meanwhile throws
 *       {@link StaleEditException} naming the table, the row and the version found, and nothing is written;</li>
 *   <li>stamps the row: {@code version + 1}, {@code updated_at} from the {@link EditContext} clock,
 *       {@code updated_by} = the member's uuid (a new row gets version 1, a uuid, not deleted);</li>
 *   <li>writes the audit trail in the same transaction;</li>
 *   <li>is all-or-none: every method runs in one transaction (a savepoint when the caller already holds one), and a
 *       bulk method checks every row before it writes any, so a bulk edit with one stale row changes nothing.</li>
 * </ul>
 * A change that leaves every field as it was writes nothing and keeps the version (the version check still applies).
 *
 * <h2>The audit trail ({@code audit_log}), as a three-way merge reads it</h2>
 * One row per <em>changed field</em> of one new row version: {@code table_name}, {@code row_uuid}, {@code field},
 * {@code old_value} (the value the change started from: the merge's common base), {@code new_value},
 * {@code old_version} → {@code new_version}, {@code action} ({@code update}, {@code delete} or {@code restore},
 * the last two when the change flips {@code deleted}), {@code at}, {@code member_uuid}, {@code device_id}.
 * A new row gives one {@code insert} row (field NULL, version 1): its values are the row itself.
 * Values are text: NULL for SQL NULL, numbers in Java's decimal form, booleans {@code true}/{@code false}, dates
 * ISO-8601; {@code field.getDataType().convert(text)} reads them back ({@link #auditText}). So "what did laptop B
 * change in ESSP x since the base" is {@code SELECT field, old_value, new_value FROM audit_log WHERE row_uuid = ?
 * AND device_id = ? AND at > ? ORDER BY id}, one row per field, no JSON to parse.
 */
public final class SyncedRows {

    /** Rows in one multi-row INSERT (audit rows, {@link #insertAll}): far below the bound values SQLite and PostgreSQL take. */
    static final int ROWS_PER_STATEMENT = 400;

    /** The synchronisation columns: stamped by the writer, never audited as fields. */
    static final Set<String> SYNC_COLUMNS = Set.of("id", "uuid", "version", "updated_at", "updated_by");

    private SyncedRows() {
    }

    /** A row written: its id, its version now, and the row as it was read before the change (null for a new row). */
    public record Written(int id, int version, Record before) {
    }

    /** One row of a bulk edit: the values to set on row {@code id}, which must still be at {@code expectedVersion}. */
    public record Change(int id, int expectedVersion, Map<Field<?>, Object> values) {
    }

    // ------------------------------------------------------------------ insert

    /**
     * Inserts {@code record} (from {@code dsl.newRecord(TABLE)} with its values set) as a new row: stamped (uuid unless
     * it has one, version 1, not deleted, now, member) and audited; sets the new id on the record and returns it.
     */
    public static int insert(DSLContext dsl, EditContext edit, TableRecord<?> record) {
        Table<?> table = record.getTable();
        return dsl.transactionResult(tx -> {
            edit.stampNew(record);
            Map<Field<?>, Object> values = new LinkedHashMap<>();
            for (Field<?> f : record.fields()) {
                if (record.changed(f) && !f.getName().equals("id")) {
                    values.put(table.field(f), record.get(f));
                }
            }
            int id = tx.dsl().insertInto(table).set(values).returningResult(idField(table)).fetchOne().value1();
            record.set(idField(table), id);
            record.changed(false);
            audit(tx.dsl(), edit).add(table, record.get("uuid", String.class), "insert", null, null, null, null, 1).write();
            return id;
        });
    }

    /**
     * Inserts new rows of one table, all or none, each as {@link #insert} would (stamped, one {@code insert} audit row,
     * in the order given), in multi-row statements: for a write that adds many rows at once (a merge's journal), where
     * one statement per row would cost a round trip each on a server. The records must set the same columns; their
     * ids are not read back.
     */
    public static void insertAll(DSLContext dsl, EditContext edit, List<? extends TableRecord<?>> records) {
        if (records.isEmpty()) {
            return;
        }
        Table<?> table = records.getFirst().getTable();
        List<Field<?>> columns = null;
        for (TableRecord<?> record : records) {
            if (!record.getTable().equals(table)) {
                throw new IllegalArgumentException("rows of " + record.getTable().getName() + " among rows of " + table.getName());
            }
            edit.stampNew(record);
            List<Field<?>> set = new ArrayList<>();
            for (Field<?> f : record.fields()) {
                if (record.changed(f) && !f.getName().equals("id")) {
                    set.add(table.field(f));
                }
            }
            if (columns == null) {
                columns = set;
            } else if (!columns.equals(set)) {
                throw new IllegalArgumentException(table.getName() + ": the rows set different columns (" + columns + ", " + set + ")");
            }
        }
        List<Field<?>> fields = columns;
        dsl.transaction(tx -> {
            DSLContext t = tx.dsl();
            Audit audit = audit(t, edit);
            for (int from = 0; from < records.size(); from += ROWS_PER_STATEMENT) {
                insertRows(t, table, fields, records.subList(from, Math.min(records.size(), from + ROWS_PER_STATEMENT)));
            }
            for (TableRecord<?> record : records) {
                record.changed(false);
                audit.add(table, record.get("uuid", String.class), "insert", null, null, null, null, 1);
            }
            audit.write();
        });
    }

    private static <R extends Record> void insertRows(DSLContext t, Table<R> table, List<Field<?>> fields,
                                                      List<? extends TableRecord<?>> records) {
        var insert = t.insertInto(table).columns(fields);
        for (TableRecord<?> record : records) {
            List<Object> values = new ArrayList<>(fields.size());
            fields.forEach(f -> values.add(record.get(f)));
            insert = insert.values(values);
        }
        insert.execute();
    }

    /**
     * Writes a record the caller read (and changed with its setters) or created with {@code newRecord}: a new one is
     * {@linkplain #insert inserted}; a read one is {@linkplain #update updated} with its changed fields, checked
     * against the version it had when it was read. The record then holds the row as written; its id.
     */
    public static int store(DSLContext dsl, EditContext edit, UpdatableRecord<?> record) {
        Table<?> table = record.getTable();
        Integer id = record.original(idField(table));
        if (id == null) {
            return insert(dsl, edit, record);
        }
        Map<Field<?>, Object> changes = new LinkedHashMap<>();
        for (Field<?> f : record.fields()) {
            if (record.changed(f) && !SYNC_COLUMNS.contains(f.getName())) {
                changes.put(table.field(f), record.get(f));
            }
        }
        int version = update(dsl, edit, table, id, record.original(versionField(table)), changes);
        if (version != record.original(versionField(table))) {
            record.set(versionField(table), version);
            record.set(field(table, "updated_at", String.class), edit.now());
            record.set(field(table, "updated_by", String.class), edit.member());
        }
        record.changed(false);
        return id;
    }

    // ------------------------------------------------------------------ update, delete, restore

    /** Applies {@code changes} to row {@code id} if it is still at {@code expectedVersion}; returns the version now. */
    public static int update(DSLContext dsl, EditContext edit, Table<?> table, int id, int expectedVersion,
                             Map<Field<?>, Object> changes) {
        return updateAll(dsl, edit, table, List.of(new Change(id, expectedVersion, changes))).getFirst().version();
    }

    public static int softDelete(DSLContext dsl, EditContext edit, Table<?> table, int id, int expectedVersion) {
        return update(dsl, edit, table, id, expectedVersion, Map.of(deletedField(table), Boolean.TRUE));
    }

    public static int restore(DSLContext dsl, EditContext edit, Table<?> table, int id, int expectedVersion) {
        return update(dsl, edit, table, id, expectedVersion, Map.of(deletedField(table), Boolean.FALSE));
    }

    // ------------------------------------------------------------------ bulk

    /**
     * Sets the same {@code changes} on every row of {@code expectedVersions} (id to the version the editor started
     * from), all or none; the rows written in the order given, each with its values before.
     */
    public static List<Written> updateAll(DSLContext dsl, EditContext edit, Table<?> table,
                                          Map<Integer, Integer> expectedVersions, Map<Field<?>, Object> changes) {
        List<Change> all = new ArrayList<>(expectedVersions.size());
        expectedVersions.forEach((id, version) -> all.add(new Change(id, version, changes)));
        return updateAll(dsl, edit, table, all);
    }

    /** Soft-deletes every row of {@code expectedVersions}, all or none. */
    public static List<Written> softDeleteAll(DSLContext dsl, EditContext edit, Table<?> table,
                                              Map<Integer, Integer> expectedVersions) {
        return updateAll(dsl, edit, table, expectedVersions, Map.of(deletedField(table), Boolean.TRUE));
    }

    /** Restores every row of {@code expectedVersions}, all or none. */
    public static List<Written> restoreAll(DSLContext dsl, EditContext edit, Table<?> table,
                                           Map<Integer, Integer> expectedVersions) {
        return updateAll(dsl, edit, table, expectedVersions, Map.of(deletedField(table), Boolean.FALSE));
    }

    /**
     * The general bulk edit: each row its own values (e.g. the undo of a bulk edit puts back each row's previous
     * value). Every row is read and checked inside the transaction before anything is written; the first stale row
     * throws {@link StaleEditException} and nothing changes.
     */
    public static List<Written> updateAll(DSLContext dsl, EditContext edit, Table<?> table, List<Change> changes) {
        if (changes.isEmpty()) {
            return List.of();
        }
        return dsl.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            Map<Integer, Record> before = read(t, table, changes.stream().map(Change::id).toList());
            for (Change c : changes) {
                Record row = before.get(c.id());
                if (row == null || row.get(versionField(table)) != c.expectedVersion()) {
                    throw stale(table, c.id(), c.expectedVersion(), row);
                }
            }
            Audit audit = audit(t, edit);
            Updates updates = new Updates(t, edit, table);
            List<Written> written = new ArrayList<>(changes.size());
            for (Change c : changes) {
                Record row = before.get(c.id());
                int version = row.get(versionField(table));
                Map<Field<?>, Object> changed = changedFields(table, row, c.values());
                if (changed.isEmpty()) {
                    written.add(new Written(c.id(), version, row));
                    continue;
                }
                updates.add(c.id(), version, changed);
                auditChanges(audit, table, row, changed, version + 1);
                written.add(new Written(c.id(), version + 1, row));
            }
            updates.execute();
            audit.write();
            return written;
        });
    }

    /** The current version of each row of {@code ids} (id order kept), for edits whose rows are chosen inside a transaction. */
    public static Map<Integer, Integer> currentVersions(DSLContext dsl, Table<?> table, Collection<Integer> ids) {
        Map<Integer, Integer> versions = new LinkedHashMap<>();
        Map<Integer, Record> rows = read(dsl, table, ids);
        for (int id : ids) {
            Record row = rows.get(id);
            if (row == null) {
                throw new StaleEditException(table.getName(), id, 0, null);
            }
            versions.put(id, row.get(versionField(table)));
        }
        return versions;
    }

    // ------------------------------------------------------------------ upsert

    /**
     * Inserts or updates the row identified by the unique {@code key} (column to value), undeleting it. The editor
     * started from {@code expectedVersion}: null when it saw no live row (none yet, or a deleted one), else the
     * version it read; anything else throws {@link StaleEditException}. Written as one
     * {@code INSERT … ON CONFLICT … DO UPDATE … WHERE version = ? RETURNING id, version} with the database's native
     * RETURNING (jOOQ's emulated RETURNING gives null on the update path of an upsert).
     */
    public static Written upsert(DSLContext dsl, EditContext edit, Table<?> table, Map<Field<?>, Object> key,
                                 Integer expectedVersion, Map<Field<?>, Object> values) {
        return dsl.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            Record existing = t.selectFrom(table).where(DSL.and(key.entrySet().stream()
                    .map(e -> eq(table.field(e.getKey()), e.getValue())).toList())).fetchOne();
            boolean live = existing != null && !Boolean.TRUE.equals(existing.get(deletedField(table)));
            boolean asExpected = expectedVersion == null ? !live
                    : existing != null && existing.get(versionField(table)).intValue() == expectedVersion;
            if (!asExpected) {
                int id = existing == null ? 0 : existing.get(idField(table));
                throw stale(table, id, expectedVersion == null ? 0 : expectedVersion, existing);
            }
            Map<Field<?>, Object> changes = new LinkedHashMap<>(values);
            changes.put(deletedField(table), Boolean.FALSE);
            if (existing != null && changedFields(table, existing, changes).isEmpty()) {
                return new Written(existing.get(idField(table)), existing.get(versionField(table)), existing);
            }
            Map<Field<?>, Object> insert = new LinkedHashMap<>(key);
            insert.putAll(changes);
            String uuid = java.util.UUID.randomUUID().toString();
            insert.put(field(table, "uuid", String.class), uuid);
            insert.put(versionField(table), 1);
            insert.put(field(table, "updated_at", String.class), edit.now());
            insert.put(field(table, "updated_by", String.class), edit.member());
            Map<Field<?>, Object> update = new LinkedHashMap<>(changes);
            update.putAll(stamp(table, edit));
            int startVersion = existing == null ? 0 : existing.get(versionField(table));
            var upsert = t.insertInto(table).set(insert)
                    .onConflict(key.keySet().stream().map(f -> (Field<?>) table.field(f)).toList())
                    .doUpdate().set(update).where(versionField(table).eq(startVersion));
            // SQLite's own RETURNING (3.35+) around jOOQ's statement: jOOQ's returningResult() is emulated for SQLite
            // with last_insert_rowid(), which gives nothing on the update path of an upsert (jOOQ issue 18073)
            Record2<Integer, Integer> result = t.resultQuery("{0} returning {1}, {2}", upsert,
                    DSL.name(idField(table).getName()), DSL.name(versionField(table).getName()))
                    .coerce(idField(table), versionField(table)).fetchOne();
            if (result == null) {
                throw stale(table, existing == null ? 0 : existing.get(idField(table)), startVersion, existing);
            }
            Audit audit = audit(t, edit);
            if (existing == null) {
                audit.add(table, uuid, "insert", null, null, null, null, 1);
            } else {
                auditChanges(audit, table, existing, changes, result.value2());
            }
            audit.write();
            return new Written(result.value1(), result.value2(), existing);
        });
    }

    // ------------------------------------------------------------------ audit rows of another laptop

    /**
     * Appends audit rows written on another laptop (a merge copies the other file's history in, so the consolidated
     * file holds everyone's edits and the next merge finds the common base): every column as it was, a new id.
     * Returns the id of the first row appended (0 when {@code rows} is empty).
     */
    public static int copyAudit(DSLContext dsl, List<? extends Record> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        return dsl.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            int first = t.select(DSL.coalesce(DSL.max(AUDIT_LOG.ID), 0)).from(AUDIT_LOG).fetchOne().value1() + 1;
            for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
                var insert = t.insertInto(AUDIT_LOG, AUDIT_LOG.AT, AUDIT_LOG.MEMBER_UUID, AUDIT_LOG.DEVICE_ID,
                        AUDIT_LOG.TABLE_NAME, AUDIT_LOG.ROW_UUID, AUDIT_LOG.ACTION, AUDIT_LOG.FIELD, AUDIT_LOG.OLD_VALUE,
                        AUDIT_LOG.NEW_VALUE, AUDIT_LOG.OLD_VERSION, AUDIT_LOG.NEW_VERSION);
                for (Record r : rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT))) {
                    insert = insert.values(r.get(AUDIT_LOG.AT), r.get(AUDIT_LOG.MEMBER_UUID), r.get(AUDIT_LOG.DEVICE_ID),
                            r.get(AUDIT_LOG.TABLE_NAME), r.get(AUDIT_LOG.ROW_UUID), r.get(AUDIT_LOG.ACTION),
                            r.get(AUDIT_LOG.FIELD), r.get(AUDIT_LOG.OLD_VALUE), r.get(AUDIT_LOG.NEW_VALUE),
                            r.get(AUDIT_LOG.OLD_VERSION), r.get(AUDIT_LOG.NEW_VERSION));
                }
                insert.execute();
            }
            return first;
        });
    }

    /**
     * Appends one row to a log table that is not versioned (no uuid, no version: {@code sync_log}), as given: like the
     * audit trail, a side's own record of what happened, never edited, never merged. Returns its id.
     */
    public static int appendLog(DSLContext dsl, TableRecord<?> record) {
        Table<?> table = record.getTable();
        if (table.field("version") != null) {
            throw new IllegalArgumentException(table.getName() + " is versioned: insert its rows with insert()");
        }
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        for (Field<?> f : record.fields()) {
            if (record.changed(f) && !f.getName().equals("id")) {
                values.put(table.field(f), record.get(f));
            }
        }
        int id = dsl.insertInto(table).set(values).returningResult(idField(table)).fetchOne().value1();
        record.set(idField(table), id);
        record.changed(false);
        return id;
    }

    // ------------------------------------------------------------------ the stamp, the audit

    /** The version stamp that every update carries: version + 1, now, who. */
    static Map<Field<?>, Object> stamp(Table<?> table, EditContext edit) {
        Map<Field<?>, Object> stamp = new LinkedHashMap<>();
        Field<Integer> version = versionField(table);
        stamp.put(version, version.plus(1));
        stamp.put(field(table, "updated_at", String.class), edit.now());
        stamp.put(field(table, "updated_by", String.class), edit.member());
        return stamp;
    }

    /**
     * A value as the audit trail keeps it: NULL stays NULL, booleans {@code true}/{@code false}, dates ISO-8601,
     * numbers and text as {@code String.valueOf}.
     */
    public static String auditText(Object value) {
        return switch (value) {
            case null -> null;
            case LocalDate d -> d.toString();
            default -> String.valueOf(value);
        };
    }

    /**
     * The UPDATEs of one bulk edit (rows read in this transaction, versions already checked), sent as JDBC batches: one
     * prepared statement per set of changed columns, each row's values bound to it, so that a thousand rows are one
     * round trip to a server rather than a thousand. Each row is stamped ({@link #stamp}) and must still be at its
     * version (a row count other than 1 throws {@link StaleEditException}).
     */
    private static final class Updates {
        private final DSLContext dsl;
        private final EditContext edit;
        private final Table<?> table;
        private final Map<List<Field<?>>, List<Object[]>> byColumns = new LinkedHashMap<>();

        Updates(DSLContext dsl, EditContext edit, Table<?> table) {
            this.dsl = dsl;
            this.edit = edit;
            this.table = table;
        }

        void add(int id, int version, Map<Field<?>, Object> changed) {
            List<Field<?>> columns = List.copyOf(changed.keySet());
            Object[] values = new Object[columns.size() + 4];
            int i = 0;
            for (Object value : changed.values()) {
                values[i++] = value;
            }
            values[i++] = edit.now();
            values[i++] = edit.member();
            values[i++] = id;
            values[i] = version;
            byColumns.computeIfAbsent(columns, k -> new ArrayList<>()).add(values);
        }

        void execute() {
            byColumns.forEach((columns, rows) -> {
                Map<Field<?>, Object> set = new LinkedHashMap<>();
                columns.forEach(c -> set.put(c, DSL.val(null, c.getDataType())));
                set.put(versionField(table), versionField(table).plus(DSL.inline(1)));
                set.put(field(table, "updated_at", String.class), DSL.val(null, String.class));
                set.put(field(table, "updated_by", String.class), DSL.val(null, String.class));
                var batch = dsl.batch(dsl.update(table).set(set).where(idField(table).eq(DSL.val(null, Integer.class)))
                        .and(versionField(table).eq(DSL.val(null, Integer.class))));
                for (Object[] row : rows) {
                    batch = batch.bind(row);
                }
                int[] counts = batch.execute();
                for (int i = 0; i < rows.size(); i++) {
                    if (counts[i] != 1) {
                        Object[] row = rows.get(i);
                        throw new StaleEditException(table.getName(), (Integer) row[row.length - 2], (Integer) row[row.length - 1], null);
                    }
                }
            });
            byColumns.clear();
        }
    }

    private static void auditChanges(Audit audit, Table<?> table, Record before, Map<Field<?>, Object> changes,
                                     int newVersion) {
        Map<Field<?>, Object> changed = changedFields(table, before, changes);
        Object deleted = changed.get(deletedField(table));
        String action = deleted == null ? "update" : Boolean.TRUE.equals(deleted) ? "delete" : "restore";
        String uuid = before.get(field(table, "uuid", String.class));
        changed.forEach((f, value) -> audit.add(table, uuid, action, f.getName(), auditText(before.get(f)),
                auditText(value), newVersion - 1, newVersion));
    }

    /** The entries of {@code changes} whose value differs from the row's (after conversion to the column's type). */
    private static Map<Field<?>, Object> changedFields(Table<?> table, Record before, Map<Field<?>, Object> changes) {
        Map<Field<?>, Object> changed = new LinkedHashMap<>();
        changes.forEach((f, value) -> {
            Field<?> column = table.field(f);
            if (column == null) {
                throw new IllegalArgumentException(table.getName() + " has no column " + f.getName());
            }
            if (SYNC_COLUMNS.contains(column.getName())) {
                throw new IllegalArgumentException(column.getName() + " is stamped by the writer, not set by an edit");
            }
            Object typed = column.getDataType().convert(value);
            if (!Objects.equals(typed, before.get(column))) {
                changed.put(column, typed);
            }
        });
        return changed;
    }

    private static Map<Integer, Record> read(DSLContext dsl, Table<?> table, Collection<Integer> ids) {
        Map<Integer, Record> rows = new LinkedHashMap<>();
        List<Integer> list = List.copyOf(ids);
        for (int from = 0; from < list.size(); from += 500) {
            List<Integer> chunk = list.subList(from, Math.min(list.size(), from + 500));
            dsl.selectFrom(table).where(idField(table).in(chunk)).forEach(r -> rows.put(r.get(idField(table)), r));
        }
        return rows;
    }

    private static StaleEditException stale(Table<?> table, int id, int expectedVersion, Record found) {
        return new StaleEditException(table.getName(), id, expectedVersion,
                found == null ? null : found.get(versionField(table)));
    }

    @SuppressWarnings("unchecked")
    private static <T> org.jooq.Condition eq(Field<T> column, Object value) {
        return value == null ? column.isNull() : column.eq((T) column.getDataType().convert(value));
    }

    private static Audit audit(DSLContext dsl, EditContext edit) {
        return new Audit(dsl, edit);
    }

    /** The audit rows of one change, inserted in one statement. */
    private static final class Audit {
        private final DSLContext dsl;
        private final EditContext edit;
        private final String at;
        private InsertValuesStep11<?, String, String, String, String, String, String, String, String, String, Integer,
                Integer> insert;
        private int pending;

        Audit(DSLContext dsl, EditContext edit) {
            this.dsl = dsl;
            this.edit = edit;
            this.at = edit.now();
        }

        Audit add(Table<?> table, String rowUuid, String action, String field, String oldValue, String newValue,
                  Integer oldVersion, int newVersion) {
            if (insert == null) {
                insert = dsl.insertInto(AUDIT_LOG, AUDIT_LOG.AT, AUDIT_LOG.MEMBER_UUID, AUDIT_LOG.DEVICE_ID,
                        AUDIT_LOG.TABLE_NAME, AUDIT_LOG.ROW_UUID, AUDIT_LOG.ACTION, AUDIT_LOG.FIELD, AUDIT_LOG.OLD_VALUE,
                        AUDIT_LOG.NEW_VALUE, AUDIT_LOG.OLD_VERSION, AUDIT_LOG.NEW_VERSION);
            }
            insert = insert.values(at, edit.member(), edit.device(), table.getName(), rowUuid, action, field, oldValue,
                    newValue, oldVersion, newVersion);
            if (++pending >= ROWS_PER_STATEMENT) {
                write();
            }
            return this;
        }

        void write() {
            if (insert != null) {
                insert.execute();
                insert = null;
                pending = 0;
            }
        }
    }

    // ------------------------------------------------------------------ columns

    static Field<Integer> idField(Table<?> table) {
        return field(table, "id", Integer.class);
    }

    static Field<Integer> versionField(Table<?> table) {
        return field(table, "version", Integer.class);
    }

    static Field<Boolean> deletedField(Table<?> table) {
        return field(table, "deleted", Boolean.class);
    }

    @SuppressWarnings("unchecked")
    private static <T> Field<T> field(Table<?> table, String name, Class<T> type) {
        Field<?> f = table.field(name);
        if (f == null) {
            throw new IllegalArgumentException(table.getName() + " has no column " + name);
        }
        return f instanceof TableField<?, ?> ? (Field<T>) f : DSL.field(f.getQualifiedName(), type);
    }
}
