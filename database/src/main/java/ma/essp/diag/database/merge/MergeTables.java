package ma.essp.diag.database.merge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ma.essp.diag.database.jooq.DefaultSchema;
import org.jooq.Field;
import org.jooq.ForeignKey;
import org.jooq.Table;
import org.jooq.UniqueKey;

/**
 * The tables a merge compares: every versioned table ({@code uuid} and {@code version}) except the merge's own
 * bookkeeping, parents before children (foreign-key order), with the columns compared and the integer foreign keys
 * that are compared (and written) through the uuid of the row they point to.
 */
final class MergeTables {

    /** This file's bookkeeping of merges: never merged. ({@code merge_alias} is merged like any table.) */
    static final Set<String> NOT_MERGED = Set.of("merge_run", "merge_journal");
    /** Stamped by the writer on each laptop: never compared. */
    static final Set<String> SYNC_COLUMNS = Set.of("id", "uuid", "version", "updated_at", "updated_by");

    private final List<Table<?>> tables;
    private final Map<String, Map<String, Table<?>>> references = new LinkedHashMap<>();

    private MergeTables(List<Table<?>> tables) {
        this.tables = tables;
        for (Table<?> table : tables) {
            Map<String, Table<?>> refs = new LinkedHashMap<>();
            for (ForeignKey<?, ?> fk : table.getReferences()) {
                Table<?> target = fk.getKey().getTable();
                if (fk.getFields().size() == 1 && versioned(target)) {
                    refs.put(fk.getFields().getFirst().getName(), target);
                }
            }
            references.put(table.getName(), refs);
        }
    }

    static MergeTables all() {
        List<Table<?>> candidates = new ArrayList<>();
        for (Table<?> table : DefaultSchema.DEFAULT_SCHEMA.getTables()) {
            if (versioned(table) && !NOT_MERGED.contains(table.getName())) {
                candidates.add(table);
            }
        }
        // parents first: a table comes once every table it points to (other than itself) is placed
        Set<Table<?>> placed = new LinkedHashSet<>();
        while (placed.size() < candidates.size()) {
            int before = placed.size();
            for (Table<?> table : candidates) {
                if (!placed.contains(table) && table.getReferences().stream().map(fk -> fk.getKey().getTable())
                        .filter(t -> !t.equals(table) && versioned(t) && !NOT_MERGED.contains(t.getName()))
                        .allMatch(placed::contains)) {
                    placed.add(table);
                }
            }
            if (placed.size() == before) {
                throw new IllegalStateException("foreign keys form a cycle among " + candidates);
            }
        }
        return new MergeTables(List.copyOf(placed));
    }

    static boolean versioned(Table<?> table) {
        return table.field("uuid") != null && table.field("version") != null && table.field("deleted") != null
                && table.field("id") != null;
    }

    List<Table<?>> inForeignKeyOrder() {
        return tables;
    }

    Table<?> table(String name) {
        return tables.stream().filter(t -> t.getName().equals(name)).findFirst().orElseThrow();
    }

    /** The columns compared field by field: all but the synchronisation stamp ({@code deleted} included). */
    List<Field<?>> compared(Table<?> table) {
        return table.fieldStream().filter(f -> !SYNC_COLUMNS.contains(f.getName())).toList();
    }

    /** Column name to the versioned table it points to, for the integer foreign keys of {@code table}. */
    Map<String, Table<?>> references(Table<?> table) {
        return references.get(table.getName());
    }

    /** The unique keys other than the id and the uuid (natural keys), as column names. */
    List<List<String>> naturalKeys(Table<?> table) {
        List<List<String>> keys = new ArrayList<>();
        for (UniqueKey<?> key : table.getKeys()) {
            List<String> names = key.getFields().stream().map(Field::getName).toList();
            if (!names.equals(List.of("id")) && !names.equals(List.of("uuid"))) {
                keys.add(names);
            }
        }
        return keys;
    }
}
