package ma.essp.diag.database.server;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import ma.essp.diag.database.jooq.DefaultSchema;
import org.jooq.ForeignKey;
import org.jooq.Table;

/** The mission's tables (the generated jOOQ schema) in foreign-key order: every table after the tables it references. */
public final class MissionTables {

    private MissionTables() {
    }

    /** Parents first; ties by name, so the order is the same on every run. */
    public static List<Table<?>> inForeignKeyOrder() {
        List<Table<?>> tables = new ArrayList<>(DefaultSchema.DEFAULT_SCHEMA.getTables());
        tables.sort(Comparator.comparing(Table::getName));
        Set<Table<?>> placed = new LinkedHashSet<>();
        while (placed.size() < tables.size()) {
            int before = placed.size();
            for (Table<?> table : tables) {
                if (!placed.contains(table) && placed.containsAll(parents(table))) {
                    placed.add(table);
                }
            }
            if (placed.size() == before) {
                throw new IllegalStateException("foreign-key cycle among " + tables.stream().filter(t -> !placed.contains(t)).toList());
            }
        }
        return List.copyOf(placed);
    }

    /** The other tables {@code table} references (a reference to itself is handled row by row). */
    static Set<Table<?>> parents(Table<?> table) {
        Set<Table<?>> parents = new LinkedHashSet<>();
        for (ForeignKey<?, ?> key : table.getReferences()) {
            Table<?> parent = key.getKey().getTable();
            if (!parent.getName().equals(table.getName())) {
                parents.add(DefaultSchema.DEFAULT_SCHEMA.getTable(parent.getName()));
            }
        }
        return parents;
    }
}
