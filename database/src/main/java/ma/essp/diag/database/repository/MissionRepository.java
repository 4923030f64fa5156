package ma.essp.diag.database.repository;

import static ma.essp.diag.database.jooq.Tables.MISSION;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import ma.essp.diag.database.jooq.DefaultSchema;
import ma.essp.diag.database.jooq.tables.records.MissionRecord;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

/** Mission metadata and the row counts shown by {@code essp-diag info} and the status bar. */
public final class MissionRepository {

    private final DSLContext dsl;

    public MissionRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** The mission's metadata row, if the file has one (a new empty mission may not yet). */
    public Optional<MissionRecord> metadata() {
        return dsl.selectFrom(MISSION).where(MISSION.DELETED.isFalse()).orderBy(MISSION.ID).limit(1).fetchOptional();
    }

    /** Rows per table, soft-deleted rows left out, in schema order. */
    public Map<String, Integer> countsPerTable() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Table<?> table : DefaultSchema.DEFAULT_SCHEMA.getTables()) {
            Field<?> deleted = table.field("deleted");
            int count = deleted == null
                    ? dsl.fetchCount(table)
                    : dsl.fetchCount(table, DSL.field(deleted.getUnqualifiedName(), Boolean.class).isFalse());
            counts.put(table.getName(), count);
        }
        return counts;
    }
}
