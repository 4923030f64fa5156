package ma.essp.diag.database.merge;

import static ma.essp.diag.database.jooq.Tables.AUDIT_LOG;
import static ma.essp.diag.database.jooq.Tables.MERGE_RUN;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ma.essp.diag.database.jooq.tables.records.AuditLogRecord;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The field-level edits of one file, as its audit trail tells them, for the base detection of a three-way merge.
 *
 * <h2>How the common base is found</h2>
 * Each audit row is identified across files by its <em>signature</em>: when, who, which laptop, table, row, field,
 * old value, new value, new version. A file copied from another keeps the other's rows verbatim, and a merge copies
 * the other file's rows in ({@link ma.essp.diag.database.repository.SyncedRows#copyAudit}), so after a copy or a
 * merge both files hold the same signatures: that is their common history. For one field of one row, the edits a
 * side made <em>since the common state</em> are its audit rows (in id order) after the last one whose signature the
 * other side also holds (all of them when there is none). A side with such rows changed the field; the base value
 * is the old value of the first of them.
 *
 * <p>Not edits, so left out: the rows a merge or an undo wrote itself (their ranges are in {@code merge_run}; the
 * values they wrote came from the other side, whose own rows are copied in after them), and the copied rows of an
 * undone merge (the undo puts the values back, the copied history goes with them). Rows without a field (inserts,
 * schema 1–3 version-only rows) say nothing about a field and are skipped.
 */
final class AuditHistory {

    /** One field edit. */
    record Edit(long id, String signature, String oldValue, String newValue) {
    }

    private final Map<String, List<Edit>> byField = new HashMap<>();
    private final Set<String> signatures = new HashSet<>();
    private final List<AuditLogRecord> history = new ArrayList<>();

    static AuditHistory read(DSLContext dsl) {
        return read(dsl, null);
    }

    /** The history of the tables named in {@code only} (null: every table; empty: nothing read). */
    static AuditHistory read(DSLContext dsl, Set<String> only) {
        AuditHistory h = new AuditHistory();
        if (only != null && only.isEmpty()) {
            return h;
        }
        List<long[]> ignored = new ArrayList<>();
        dsl.selectFrom(MERGE_RUN).forEach(run -> {
            if (run.getAuditFirstId() != null && run.getAuditCopiedFirstId() != null) {
                ignored.add(new long[] {run.getAuditFirstId(), run.getAuditCopiedFirstId() - 1L});
                if ("undone".equals(run.getStatus()) && run.getAuditLastId() != null) {
                    ignored.add(new long[] {run.getAuditCopiedFirstId(), run.getAuditLastId()});
                }
            }
            if (run.getUndoAuditFirstId() != null && run.getUndoAuditLastId() != null) {
                ignored.add(new long[] {run.getUndoAuditFirstId(), run.getUndoAuditLastId()});
            }
        });
        for (AuditLogRecord r : dsl.selectFrom(AUDIT_LOG).where(only == null ? DSL.noCondition() : AUDIT_LOG.TABLE_NAME.in(only))
                .orderBy(AUDIT_LOG.ID).fetch()) {
            long id = r.getId();
            if (ignored.stream().anyMatch(range -> id >= range[0] && id <= range[1])
                    || MergeTables.NOT_MERGED.contains(r.getTableName())) {
                continue;
            }
            String signature = signature(r);
            h.signatures.add(signature);
            h.history.add(r);
            if (r.getField() != null) {
                h.byField.computeIfAbsent(key(r.getTableName(), r.getRowUuid(), r.getField()), k -> new ArrayList<>())
                        .add(new Edit(id, signature, r.getOldValue(), r.getNewValue()));
            }
        }
        return h;
    }

    static String signature(AuditLogRecord r) {
        return String.join("\u001f", String.valueOf(r.getAt()), String.valueOf(r.getMemberUuid()),
                String.valueOf(r.getDeviceId()), r.getTableName(), r.getRowUuid(), r.getAction(), String.valueOf(r.getField()),
                String.valueOf(r.getOldValue()), String.valueOf(r.getNewValue()), String.valueOf(r.getNewVersion()));
    }

    private static String key(String table, String row, String field) {
        return table + "\u001f" + row + "\u001f" + field;
    }

    /** The edits of {@code field} in the row known here under any of {@code rowUuids} (a row and its aliases), by id. */
    List<Edit> edits(String table, Collection<String> rowUuids, String field) {
        List<Edit> edits = new ArrayList<>();
        for (String uuid : rowUuids) {
            edits.addAll(byField.getOrDefault(key(table, uuid, field), List.of()));
        }
        edits.sort(Comparator.comparingLong(Edit::id));
        return edits;
    }

    /** The edits made since the common state with {@code other}: after the last one {@code other} holds too. */
    List<Edit> since(List<Edit> edits, AuditHistory other) {
        int last = -1;
        for (int i = 0; i < edits.size(); i++) {
            if (other.signatures.contains(edits.get(i).signature())) {
                last = i;
            }
        }
        return edits.subList(last + 1, edits.size());
    }

    boolean holds(AuditLogRecord r) {
        return signatures.contains(signature(r));
    }

    /** This file's history (bookkeeping left out), in id order: what a merge copies into the other file. */
    List<AuditLogRecord> history() {
        return history;
    }
}
