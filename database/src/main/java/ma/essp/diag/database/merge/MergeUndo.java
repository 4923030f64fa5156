package ma.essp.diag.database.merge;

import static ma.essp.diag.database.jooq.Tables.AUDIT_LOG;
import static ma.essp.diag.database.jooq.Tables.MERGE_ALIAS;
import static ma.essp.diag.database.jooq.Tables.MERGE_JOURNAL;
import static ma.essp.diag.database.jooq.Tables.MERGE_RUN;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import ma.essp.diag.database.jooq.tables.records.MergeAliasRecord;
import ma.essp.diag.database.jooq.tables.records.MergeJournalRecord;
import ma.essp.diag.database.jooq.tables.records.MergeRunRecord;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.repository.SyncedRows;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Undoes a merge as a whole, from its journal, in one transaction through the one writer: every field it changed
 * gets the value it had before, every row it added is deleted (soft), every alias it recorded is deleted. Only the
 * latest applied merge can be undone, and only while the rows it wrote still hold what it wrote (a later edit of
 * such a field refuses the undo, naming it). The run is marked undone, and the base detection then ignores its
 * copied history, so merging the same file again redoes it.
 */
public final class MergeUndo {

    private final MergeTables tables = MergeTables.all();

    /** The last merge run still applied (the only one {@link #undo} accepts), or null when there is none. */
    public Integer lastApplied(DSLContext dsl) {
        return dsl.select(DSL.max(MERGE_RUN.ID)).from(MERGE_RUN).where(MERGE_RUN.STATUS.eq("applied")).fetchOne().value1();
    }

    /** The rows the undo wrote. */
    public int undo(DSLContext dsl, EditContext edit, int runId) throws MergeRefusedException {
        MergeRunRecord run = dsl.selectFrom(MERGE_RUN).where(MERGE_RUN.ID.eq(runId)).fetchOne();
        if (run == null) {
            throw new MergeRefusedException(null, MergeRefusedException.Reason.NO_SUCH_RUN, "no merge " + runId);
        }
        if (!"applied".equals(run.getStatus())) {
            throw new MergeRefusedException(null, MergeRefusedException.Reason.NOT_UNDOABLE,
                    "merge " + runId + " is already undone");
        }
        Integer later = dsl.select(DSL.max(MERGE_RUN.ID)).from(MERGE_RUN).where(MERGE_RUN.STATUS.eq("applied"))
                .fetchOne().value1();
        if (later != null && later != runId) {
            throw new MergeRefusedException(null, MergeRefusedException.Reason.NOT_UNDOABLE,
                    "merge " + later + " came after merge " + runId + ": undo it first");
        }
        List<MergeJournalRecord> journal = dsl.selectFrom(MERGE_JOURNAL).where(MERGE_JOURNAL.RUN_ID.eq(runId))
                .orderBy(MERGE_JOURNAL.ID).fetch();
        try {
            return dsl.transactionResult(tx -> undo(tx.dsl(), edit, run, journal));
        } catch (org.jooq.exception.DataAccessException e) {
            if (e.getCause() instanceof Undoable u) {
                throw new MergeRefusedException(null, MergeRefusedException.Reason.NOT_UNDOABLE, u.getMessage());
            }
            throw e;
        } catch (Undoable u) {
            throw new MergeRefusedException(null, MergeRefusedException.Reason.NOT_UNDOABLE, u.getMessage());
        }
    }

    /** A row changed since the merge: the undo stops and nothing is written. */
    private static final class Undoable extends RuntimeException {
        Undoable(String message) {
            super(message);
        }
    }

    private int undo(DSLContext t, EditContext edit, MergeRunRecord run, List<MergeJournalRecord> journal) {
        int first = maxAuditId(t) + 1;
        int written = 0;
        Map<String, Map<Field<?>, Object>> changes = new LinkedHashMap<>();
        Map<String, Record> rows = new LinkedHashMap<>();
        for (MergeJournalRecord j : journal) {
            Table<?> table = tables.table(j.getTableName());
            String key = j.getTableName() + "/" + j.getRowUuid();
            Record row = rows.computeIfAbsent(key, k -> t.selectFrom(table).where(table.field("uuid", String.class)
                    .eq(j.getRowUuid())).fetchOne());
            switch (j.getKind()) {
                case "added" -> changes.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(table.field("deleted"), Boolean.TRUE);
                case "linked" -> {
                    MergeAliasRecord alias = t.selectFrom(MERGE_ALIAS).where(MERGE_ALIAS.TABLE_NAME.eq(j.getTableName()))
                            .and(MERGE_ALIAS.ALIAS_UUID.eq(j.getTheirsValue())).fetchOne();
                    if (alias != null && !alias.getDeleted()) {
                        SyncedRows.softDelete(t, edit, MERGE_ALIAS, alias.getId(), alias.getVersion());
                        written++;
                    }
                }
                case "taken", "parallel", "conflict" -> {
                    if (!Objects.equals(j.getResultValue(), j.getMineValue())) {
                        String now = text(t, table, j.getField(), row.get(table.field(j.getField())));
                        if (!Objects.equals(now, j.getResultValue())) {
                            throw new Undoable(j.getTableName() + " row " + j.getRowUuid() + ": " + j.getField()
                                    + " was changed after the merge (" + now + "): nothing undone");
                        }
                        changes.computeIfAbsent(key, k -> new LinkedHashMap<>())
                                .put(table.field(j.getField()), value(t, table, j.getField(), j.getMineValue()));
                    }
                }
                default -> {
                    // renumbered: the row itself is taken back as added
                }
            }
        }
        for (var e : changes.entrySet()) {
            Table<?> table = tables.table(e.getKey().substring(0, e.getKey().indexOf('/')));
            Record row = rows.get(e.getKey());
            SyncedRows.update(t, edit, table, row.get(table.field("id", Integer.class)),
                    row.get(table.field("version", Integer.class)), e.getValue());
            written++;
        }
        int last = maxAuditId(t);
        MergeRunRecord r = t.selectFrom(MERGE_RUN).where(MERGE_RUN.ID.eq(run.getId())).fetchOne();
        r.setStatus("undone");
        r.setUndoAuditFirstId(first);
        r.setUndoAuditLastId(last);
        SyncedRows.store(t, edit, r);
        return written;
    }

    private String text(DSLContext t, Table<?> table, String column, Object value) {
        Table<?> target = tables.references(table).get(column);
        if (target == null || value == null) {
            return SyncedRows.auditText(value);
        }
        return t.select(target.field("uuid", String.class)).from(target)
                .where(target.field("id", Integer.class).eq(((Number) value).intValue())).fetchOne().value1();
    }

    private Object value(DSLContext t, Table<?> table, String column, String text) {
        Table<?> target = tables.references(table).get(column);
        if (target == null || text == null) {
            return table.field(column).getDataType().convert(text);
        }
        return t.select(target.field("id", Integer.class)).from(target)
                .where(target.field("uuid", String.class).eq(text)).fetchOne().value1();
    }

    private static int maxAuditId(DSLContext t) {
        return t.select(DSL.coalesce(DSL.max(AUDIT_LOG.ID), 0)).from(AUDIT_LOG).fetchOne().value1();
    }
}
