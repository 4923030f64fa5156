package ma.essp.diag.database.merge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What merging another file would do, worked out before anything is written ({@link MergeEngine#analyse}): the rows
 * added, changed, deleted, updated in parallel or in conflict, field by field against the common base; the
 * duplicate candidates (rows both laptops created independently) and the ESSP codes both laptops gave out.
 */
public final class MergePlan {

    public enum RowKind { ADDED, CHANGED, DELETED, PARALLEL, CONFLICT }

    /**
     * TAKEN: changed on the other laptop only (its value is taken); KEPT: changed here only (kept); CONFLICT: changed
     * on both sides to different values, or no history tells which side changed it; DELETE_EDIT: one side deleted
     * the row while the other edited it (on the field {@code deleted}).
     */
    public enum FieldKind { TAKEN, KEPT, CONFLICT, DELETE_EDIT }

    public enum DuplicateReason { SAME_CODE, SAME_NAME_NEARBY }

    /** One field that differs: the common base (null when unknown), this file's value, the other's. */
    public record FieldDiff(String field, String base, String mine, String theirs, FieldKind kind) {
        public boolean needsDecision() {
            return kind == FieldKind.CONFLICT || kind == FieldKind.DELETE_EDIT;
        }
    }

    /**
     * A row of the other file that changes something here. {@code uuid} is the other file's uuid; {@code mineUuid}
     * this file's row it matches (null for an added row; another uuid for a row matched by a natural key, which is
     * then recorded as an alias).
     */
    public record RowDiff(String table, String uuid, String mineUuid, String label, RowKind kind, List<FieldDiff> fields) {
        public boolean linked() {
            return mineUuid != null && !mineUuid.equals(uuid);
        }

        public String fieldKey(String field) {
            return MergePlan.fieldKey(table, uuid, field);
        }
    }

    /** An ESSP of the other file that looks like one here: linked (one row, an alias) or kept (two rows). */
    public record Duplicate(String table, String theirsUuid, String mineUuid, String theirsLabel, String mineLabel,
                            DuplicateReason reason, List<FieldDiff> fieldsIfLinked) {
    }

    /** A new ESSP of the other file whose code a different ESSP here already has: renumbered with agreement. */
    public record CodeClash(String theirsUuid, String code, String theirsLabel, String mineLabel, String proposedCode) {
    }

    /** The counts of one table. */
    public record TableSummary(String table, int added, int changed, int deleted, int parallel, int conflicts,
                               int duplicates) {
        public boolean empty() {
            return added + changed + deleted + parallel + conflicts + duplicates == 0;
        }
    }

    private final String sourceName;
    private final String sourceMissionUuid;
    private final List<RowDiff> rows;
    private final List<Duplicate> duplicates;
    private final List<CodeClash> clashes;
    final Side mine;
    final Side theirs;
    final AuditHistory mineHistory;
    final AuditHistory theirsHistory;
    final Map<String, String> aliases;
    /** Fields taken because the other file resolved a conflict there: journalled as conflicts (see MergeEngine). */
    final java.util.Set<String> resolutionsTaken;
    private final List<String> analysedTables;

    MergePlan(String sourceName, String sourceMissionUuid, List<RowDiff> rows, List<Duplicate> duplicates,
              List<CodeClash> clashes, Side mine, Side theirs, AuditHistory mineHistory, AuditHistory theirsHistory,
              Map<String, String> aliases, java.util.Set<String> resolutionsTaken, List<String> analysedTables) {
        this.sourceName = sourceName;
        this.sourceMissionUuid = sourceMissionUuid;
        this.rows = List.copyOf(rows);
        this.duplicates = List.copyOf(duplicates);
        this.clashes = List.copyOf(clashes);
        this.mine = mine;
        this.theirs = theirs;
        this.mineHistory = mineHistory;
        this.theirsHistory = theirsHistory;
        this.aliases = aliases;
        this.resolutionsTaken = java.util.Set.copyOf(resolutionsTaken);
        this.analysedTables = List.copyOf(analysedTables);
    }

    /**
     * The compared values of the other file's row {@code uuid} of {@code table} (column name to text, as the audit
     * writes them; an integer foreign key as the uuid of the row it points to); null when it was not read.
     */
    public Map<String, String> theirsValues(String table, String uuid) {
        Side.Row row = theirs.row(table, uuid);
        return row == null ? null : java.util.Collections.unmodifiableMap(row.values());
    }

    /** The compared values of this file's row {@code uuid} of {@code table}, as {@link #theirsValues}; null when not read. */
    public Map<String, String> mineValues(String table, String uuid) {
        Side.Row row = mine.row(table, uuid);
        return row == null ? null : java.util.Collections.unmodifiableMap(row.values());
    }

    /** This file's id of the row of {@code table} known as {@code uuid} (or as the row it is an alias of); null: not here. */
    public Integer mineId(String table, String uuid) {
        Integer id = mine.id(table, uuid);
        if (id == null && aliases.containsKey(uuid)) {
            id = mine.id(table, aliases.get(uuid));
        }
        if (id == null) { // known here under an alias of it
            for (Map.Entry<String, String> alias : aliases.entrySet()) {
                if (alias.getValue().equals(uuid) && mine.id(table, alias.getKey()) != null) {
                    return mine.id(table, alias.getKey());
                }
            }
        }
        return id;
    }

    /** The tables compared, in foreign-key order: every merged table, or those an incremental analysis was given. */
    public List<String> analysedTables() {
        return analysedTables;
    }

    static String fieldKey(String table, String uuid, String field) {
        return table + "/" + uuid + "/" + field;
    }

    public String sourceName() {
        return sourceName;
    }

    public String sourceMissionUuid() {
        return sourceMissionUuid;
    }

    public List<RowDiff> rows() {
        return rows;
    }

    public List<Duplicate> duplicates() {
        return duplicates;
    }

    public List<CodeClash> clashes() {
        return clashes;
    }

    /** Whether merging would change nothing here (no row, no duplicate, no clash; history to copy aside). */
    public boolean nothingToDo() {
        return rows.isEmpty() && duplicates.isEmpty() && clashes.isEmpty();
    }

    /** The fields that need a decision (conflicts and delete-vs-edit), duplicates' linked fields aside. */
    public List<FieldDiff> conflicts() {
        List<FieldDiff> conflicts = new ArrayList<>();
        rows.forEach(r -> r.fields().stream().filter(FieldDiff::needsDecision).forEach(conflicts::add));
        return conflicts;
    }

    /** Per table (foreign-key order), the tables with something to report. */
    public List<TableSummary> summary() {
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (RowDiff r : rows) {
            int[] c = counts.computeIfAbsent(r.table(), t -> new int[6]);
            c[r.kind().ordinal()]++;
        }
        for (Duplicate d : duplicates) {
            counts.computeIfAbsent(d.table(), t -> new int[6])[5]++;
        }
        List<TableSummary> summary = new ArrayList<>();
        counts.forEach((table, c) -> summary.add(new TableSummary(table, c[0], c[1], c[2], c[3], c[4], c[5])));
        return summary;
    }
}
