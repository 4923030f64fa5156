package ma.essp.diag.database.repository;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import ma.essp.diag.database.mission.EditContext;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.TableField;
import org.jooq.impl.DSL;

/**
 * The one way rows are changed: every update bumps {@code version} by one and stamps {@code updated_at} and
 * {@code updated_by} (the audit trigger fires on the version change); an edit that starts from a known version
 * only applies if the row is still at that version (optimistic lock). Deletes are soft.
 */
final class SyncedRows {

    private SyncedRows() {
    }

    /** Applies {@code changes} to row {@code id} if it is still at {@code expectedVersion}; returns the new version. */
    static int update(DSLContext dsl, EditContext edit, Table<?> table, int id, int expectedVersion,
                      Map<Field<?>, Object> changes) {
        Map<Field<?>, Object> all = new LinkedHashMap<>(changes);
        all.putAll(stamp(table, edit));
        int rows = dsl.update(table).set(all)
                .where(idField(table).eq(id)).and(versionField(table).eq(expectedVersion))
                .execute();
        if (rows != 1) {
            throw new StaleEditException(table.getName(), id, expectedVersion);
        }
        return expectedVersion + 1;
    }

    /** Applies {@code changes} to every row of {@code ids}, whatever their version (bulk edits); returns rows changed. */
    static int updateAll(DSLContext dsl, EditContext edit, Table<?> table, Collection<Integer> ids,
                         Map<Field<?>, Object> changes) {
        if (ids.isEmpty()) {
            return 0;
        }
        Map<Field<?>, Object> all = new LinkedHashMap<>(changes);
        all.putAll(stamp(table, edit));
        return dsl.update(table).set(all).where(idField(table).in(ids)).execute();
    }

    static int softDelete(DSLContext dsl, EditContext edit, Table<?> table, int id, int expectedVersion) {
        return update(dsl, edit, table, id, expectedVersion, Map.of(deletedField(table), Boolean.TRUE));
    }

    static int restore(DSLContext dsl, EditContext edit, Table<?> table, int id, int expectedVersion) {
        return update(dsl, edit, table, id, expectedVersion, Map.of(deletedField(table), Boolean.FALSE));
    }

    /** The version stamp that every update carries: version + 1, now, who. */
    static Map<Field<?>, Object> stamp(Table<?> table, EditContext edit) {
        Map<Field<?>, Object> stamp = new LinkedHashMap<>();
        Field<Integer> version = versionField(table);
        stamp.put(version, version.plus(1));
        stamp.put(field(table, "updated_at", String.class), edit.now());
        stamp.put(field(table, "updated_by", String.class), edit.user());
        return stamp;
    }

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
