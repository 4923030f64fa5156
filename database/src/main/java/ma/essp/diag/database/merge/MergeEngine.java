package ma.essp.diag.database.merge;

import static ma.essp.diag.database.jooq.Tables.AUDIT_LOG;
import static ma.essp.diag.database.jooq.Tables.CIRCONSCRIPTION;
import static ma.essp.diag.database.jooq.Tables.ESSP;
import static ma.essp.diag.database.jooq.Tables.MERGE_ALIAS;
import static ma.essp.diag.database.jooq.Tables.MERGE_JOURNAL;
import static ma.essp.diag.database.jooq.Tables.MERGE_RUN;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import ma.essp.diag.database.jooq.tables.records.AuditLogRecord;
import ma.essp.diag.database.jooq.tables.records.MergeAliasRecord;
import ma.essp.diag.database.jooq.tables.records.MergeJournalRecord;
import ma.essp.diag.database.jooq.tables.records.MergeRunRecord;
import ma.essp.diag.database.merge.MergeDecisions.DuplicateChoice;
import ma.essp.diag.database.merge.MergeDecisions.Take;
import ma.essp.diag.database.merge.MergePlan.CodeClash;
import ma.essp.diag.database.merge.MergePlan.Duplicate;
import ma.essp.diag.database.merge.MergePlan.DuplicateReason;
import ma.essp.diag.database.merge.MergePlan.FieldDiff;
import ma.essp.diag.database.merge.MergePlan.FieldKind;
import ma.essp.diag.database.merge.MergePlan.RowDiff;
import ma.essp.diag.database.merge.MergePlan.RowKind;
import ma.essp.diag.database.merge.Side.Row;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.repository.EsspEditRepository;
import ma.essp.diag.database.repository.SyncedRows;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.TableRecord;
import org.jooq.impl.DSL;

/**
 * The three-way merge of two sets of rows matched by uuid: this file ("mine", the target) and another ("theirs").
 * It works on two jOOQ connections to the schema and nothing else (the file handling is {@link MergeSource}), so a
 * server's synchronisation can reuse it.
 *
 * <ol>
 *   <li>{@link #analyse}: rows matched by uuid (or an alias recorded by an earlier link); an unmatched row of theirs
 *       is added, unless it matches by natural key: an ESSP with the same code or the same normalised name in the same
 *       circonscription within 200 m is a duplicate candidate (the user links or keeps it), an ESSP with the same
 *       code but another name is a code clash (renumbered with agreement), a row of any other table with the same
 *       unique key is the same row (linked, as an alias). Each differing field is decided against the common base
 *       ({@link AuditHistory}): changed on their side only → taken; here only → kept; both → conflict; a deletion on
 *       one side and edits on the other → delete-vs-edit conflict.</li>
 *   <li>{@link #apply}: in one transaction, tables in foreign-key order, integer keys remapped through uuids, every
 *       write through {@link SyncedRows} (so the audit holds the value each conflict replaced), a {@code merge_run}
 *       and its {@code merge_journal} (every value needed to undo, and the losing value of each conflict), an alias per
 *       link, then the other file's audit rows this file lacks.</li>
 * </ol>
 */
public final class MergeEngine {

    private final MergeTables tables = MergeTables.all();

    /** The names of the tables a merge compares (every versioned table but the merge's own bookkeeping). */
    public static Set<String> mergedTables() {
        return MERGED;
    }

    private static final Set<String> MERGED = MergeTables.all().inForeignKeyOrder().stream().map(Table::getName)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    // ------------------------------------------------------------------ analyse

    public MergePlan analyse(DSLContext mineDsl, DSLContext theirsDsl, String sourceName, String sourceMissionUuid) {
        return analyse(mineDsl, theirsDsl, sourceName, sourceMissionUuid, null);
    }

    /**
     * {@link #analyse(DSLContext, DSLContext, String, String)} of the tables named in {@code only} (null: every table;
     * empty: none, nothing read): their rows, their history and the merge journal about them, with the aliases and
     * the ids of the rows they point to. For a caller that knows no other table changed on either side since both
     * sides held the same rows and history (a synchronisation since its last one, {@code ServerSync}): the plan is
     * then the one a full analysis would give.
     */
    public MergePlan analyse(DSLContext mineDsl, DSLContext theirsDsl, String sourceName, String sourceMissionUuid,
                             Set<String> only) {
        Side mine = Side.read(mineDsl, tables, only);
        Side theirs = Side.read(theirsDsl, tables, only);
        AuditHistory mineHistory = AuditHistory.read(mineDsl, only);
        AuditHistory theirsHistory = AuditHistory.read(theirsDsl, only);
        List<String> analysed = tables.inForeignKeyOrder().stream().map(Table::getName)
                .filter(name -> only == null || only.contains(name)).toList();
        if (analysed.isEmpty()) {
            return new MergePlan(sourceName, sourceMissionUuid, List.of(), List.of(), List.of(), mine, theirs, mineHistory,
                    theirsHistory, Map.of(), Set.of(), analysed);
        }
        org.jooq.Condition journalled = only == null ? DSL.noCondition() : MERGE_JOURNAL.TABLE_NAME.in(only);
        Map<String, String> aliases = new HashMap<>();
        for (Side side : List.of(mine, theirs)) {
            side.rows("merge_alias").values().stream().filter(r -> !r.deleted())
                    .forEach(r -> aliases.put(r.values().get("alias_uuid"), r.values().get("row_uuid")));
        }
        List<RowDiff> rows = new ArrayList<>();
        List<Duplicate> duplicates = new ArrayList<>();
        List<CodeClash> clashes = new ArrayList<>();
        Analysis a = new Analysis(mine, theirs, mineHistory, theirsHistory, aliases);
        a.addedByMerge.addAll(mineDsl.selectDistinct(MERGE_JOURNAL.ROW_UUID).from(MERGE_JOURNAL)
                .where(MERGE_JOURNAL.KIND.eq("added")).and(journalled).fetch(MERGE_JOURNAL.ROW_UUID));
        mineDsl.select(MERGE_JOURNAL.TABLE_NAME, MERGE_JOURNAL.ROW_UUID, MERGE_JOURNAL.FIELD, MERGE_JOURNAL.THEIRS_VALUE)
                .from(MERGE_JOURNAL).join(MERGE_RUN).on(MERGE_RUN.ID.eq(MERGE_JOURNAL.RUN_ID))
                .where(MERGE_JOURNAL.KIND.eq("conflict")).and(MERGE_RUN.STATUS.eq("applied")).and(journalled).orderBy(MERGE_JOURNAL.ID)
                .forEach(r -> a.resolved.put(MergePlan.fieldKey(r.value1(), r.value2(), r.value3()), r.value4()));
        theirsDsl.select(MERGE_JOURNAL.TABLE_NAME, MERGE_JOURNAL.ROW_UUID, MERGE_JOURNAL.FIELD, MERGE_JOURNAL.MINE_VALUE,
                        MERGE_JOURNAL.THEIRS_VALUE, MERGE_JOURNAL.RESULT_VALUE)
                .from(MERGE_JOURNAL).join(MERGE_RUN).on(MERGE_RUN.ID.eq(MERGE_JOURNAL.RUN_ID))
                .where(MERGE_JOURNAL.KIND.eq("conflict")).and(MERGE_RUN.STATUS.eq("applied")).and(journalled).orderBy(MERGE_JOURNAL.ID)
                .forEach(r -> a.resolvedThere.put(MergePlan.fieldKey(r.value1(), r.value2(), r.value3()),
                        Objects.equals(r.value6(), r.value4()) ? r.value5() : r.value4())); // the losing value
        for (Table<?> table : tables.inForeignKeyOrder()) {
            String name = table.getName();
            if (!analysed.contains(name)) {
                continue;
            }
            if (!name.equals("merge_alias")) { // read whole by Side.read
                Side.join(table, mine, theirs, a::canon, a.involved);
            }
            Map<String, Row> mineByCanon = a.byCanon(mine, name);
            List<Row> added = new ArrayList<>();
            for (Row t : theirs.rows(name).values()) {
                Row m = mineByCanon.get(a.canon(t.uuid()));
                if (m == null) {
                    added.add(t);
                } else {
                    a.compare(table, m, t, false).ifPresent(rows::add);
                }
            }
            if (name.equals(ESSP.getName())) {
                if (!added.isEmpty()) { // every ESSP of both sides: names, places and codes
                    mine.loadAll(table);
                    theirs.loadAll(table);
                    mineByCanon = a.byCanon(mine, name);
                }
                a.essps(added, mineByCanon.values(), rows, duplicates, clashes, mineDsl);
            } else {
                a.naturalKeys(table, added, a.byNaturalKey(table, added), rows);
            }
        }
        return new MergePlan(sourceName, sourceMissionUuid, rows, duplicates, clashes, mine, theirs, mineHistory,
                theirsHistory, aliases, a.resolutionsTaken, analysed);
    }

    /** The working state of one analysis. */
    private final class Analysis {
        final Side mine;
        final Side theirs;
        final AuditHistory mineHistory;
        final AuditHistory theirsHistory;
        final Map<String, String> aliases;
        final Map<String, Set<String>> knownAs = new HashMap<>();
        /** Rows here that a merge inserted: what they hold came from another file. */
        final Set<String> addedByMerge = new HashSet<>();
        /** Conflicts an applied merge here resolved: table/row here/field to the other file's value then. */
        final Map<String, String> resolved = new HashMap<>();
        /**
         * Conflicts an applied merge in the other file resolved (or took from a third file's resolution): table/row
         * there/field to the value that lost. The other file then holds the loser's history (copied in by that merge)
         * after its own edit, so the history alone would read as "changed here only"; while this file still holds the
         * losing value, the resolution is taken (and journalled as a conflict, so it travels on through a server).
         */
        final Map<String, String> resolvedThere = new HashMap<>();
        /** The fields taken because of {@link #resolvedThere}, by {@link MergePlan#fieldKey} of the other file's row. */
        final Set<String> resolutionsTaken = new HashSet<>();

        /** The uuids an alias names (as alias or as the row): their rows are matched through it, not by uuid. */
        final Set<String> involved = new HashSet<>();

        Analysis(Side mine, Side theirs, AuditHistory mineHistory, AuditHistory theirsHistory, Map<String, String> aliases) {
            this.mine = mine;
            this.theirs = theirs;
            this.mineHistory = mineHistory;
            this.theirsHistory = theirsHistory;
            this.aliases = aliases;
            aliases.forEach((alias, row) -> knownAs.computeIfAbsent(row, k -> new HashSet<>()).add(alias));
            involved.addAll(aliases.keySet());
            involved.addAll(aliases.values());
        }

        /**
         * The rows here that {@link #naturalKeys} may match to {@code added} (id order): for each natural key, the
         * last row here (in id order) with the key of an added row, found by reading only the key columns of the
         * table; none without added rows or natural keys.
         */
        Collection<Row> byNaturalKey(Table<?> table, List<Row> added) {
            List<List<String>> keys = tables.naturalKeys(table);
            if (added.isEmpty() || keys.isEmpty()) {
                return List.of();
            }
            List<Set<List<String>>> wanted = new ArrayList<>();
            List<Map<List<String>, String>> last = new ArrayList<>();
            Set<String> columns = new java.util.LinkedHashSet<>();
            for (List<String> key : keys) {
                Set<List<String>> values = new HashSet<>();
                added.forEach(t -> {
                    List<String> k = keyOf(table, t, key);
                    if (k != null) {
                        values.add(k);
                    }
                });
                wanted.add(values);
                last.add(new HashMap<>());
                columns.addAll(key);
            }
            mine.readRows(table, columns.stream().<Field<?>>map(table::field).toList(), DSL.noCondition(), r -> {
                for (int i = 0; i < keys.size(); i++) {
                    List<String> k = keyOf(table, r, keys.get(i));
                    if (k != null && wanted.get(i).contains(k)) {
                        last.get(i).put(k, r.uuid());
                    }
                }
            });
            Set<String> matched = new HashSet<>();
            last.forEach(m -> matched.addAll(m.values()));
            mine.load(table, matched);
            return byCanon(mine, table.getName()).values();
        }

        String canon(String uuid) {
            return uuid == null ? null : aliases.getOrDefault(uuid, uuid);
        }

        Map<String, Row> byCanon(Side side, String table) {
            Map<String, Row> rows = new LinkedHashMap<>();
            side.rows(table).values().forEach(r -> rows.put(canon(r.uuid()), r));
            return rows;
        }

        /** The uuids a row's history may be recorded under: its own, its canonical one and their aliases. */
        Set<String> names(String uuid) {
            Set<String> names = new HashSet<>();
            names.add(uuid);
            String canon = canon(uuid);
            names.add(canon);
            names.addAll(knownAs.getOrDefault(canon, Set.of()));
            return names;
        }

        String value(Table<?> table, Row row, String field) {
            String v = row.values().get(field);
            return tables.references(table).containsKey(field) ? canon(v) : v;
        }

        /** The differing fields of a matched pair decided against the base; empty when nothing is to be done. */
        java.util.Optional<RowDiff> compare(Table<?> table, Row m, Row t, boolean linked) {
            List<FieldDiff> fields = fields(table, m, t);
            RowKind kind = kind(fields);
            if (kind == null && !linked) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(new RowDiff(table.getName(), t.uuid(), m.uuid(), label(t), kind == null ? RowKind.CHANGED : kind,
                    fields));
        }

        List<FieldDiff> fields(Table<?> table, Row m, Row t) {
            List<FieldDiff> fields = new ArrayList<>();
            Set<String> mineNames = names(m.uuid());
            Set<String> theirNames = names(t.uuid());
            for (Field<?> f : tables.compared(table)) {
                String name = f.getName();
                String mv = value(table, m, name);
                String tv = value(table, t, name);
                if (Objects.equals(mv, tv)) {
                    continue;
                }
                var mineEdits = mineHistory.edits(table.getName(), mineNames, name);
                var theirEdits = theirsHistory.edits(table.getName(), theirNames, name);
                var mineSince = mineHistory.since(mineEdits, theirsHistory);
                var theirSince = theirsHistory.since(theirEdits, mineHistory);
                FieldKind kind;
                String base = null;
                if (Objects.equals(resolved.get(MergePlan.fieldKey(table.getName(), m.uuid(), name)), tv)
                        && resolved.containsKey(MergePlan.fieldKey(table.getName(), m.uuid(), name))) {
                    kind = FieldKind.KEPT; // a conflict resolved by an earlier merge against this very value
                } else if (resolvedThere.containsKey(MergePlan.fieldKey(table.getName(), t.uuid(), name))
                        && Objects.equals(resolvedThere.get(MergePlan.fieldKey(table.getName(), t.uuid(), name)), mv)) {
                    kind = FieldKind.TAKEN; // the other file resolved a conflict against this very value
                    base = mv;
                    resolutionsTaken.add(MergePlan.fieldKey(table.getName(), t.uuid(), name));
                } else if (mineEdits.isEmpty() && theirEdits.isEmpty() && addedByMerge.contains(m.uuid())) {
                    kind = FieldKind.TAKEN; // a row a merge brought here (and an undo took back): the other file's
                } else if (mineEdits.isEmpty() && theirEdits.isEmpty()) {
                    kind = FieldKind.CONFLICT; // no history tells which side changed it
                } else if (!theirSince.isEmpty() && !mineSince.isEmpty()) {
                    kind = FieldKind.CONFLICT;
                    base = theirSince.getFirst().oldValue();
                } else if (!theirSince.isEmpty()) {
                    kind = FieldKind.TAKEN;
                    base = theirSince.getFirst().oldValue();
                } else {
                    // changed here since the common state, or a conflict this file resolved in an earlier merge
                    kind = FieldKind.KEPT;
                    base = mineSince.isEmpty() ? null : mineSince.getFirst().oldValue();
                }
                fields.add(new FieldDiff(name, base, mv, tv, kind));
            }
            // delete vs edit: the side that deleted the row kept or took the deletion while the other side edited it
            for (int i = 0; i < fields.size(); i++) {
                FieldDiff d = fields.get(i);
                if (!d.field().equals("deleted")) {
                    continue;
                }
                boolean mineDeleted = "true".equals(d.mine());
                boolean otherSideEdited = fields.stream().filter(o -> !o.field().equals("deleted")).anyMatch(o ->
                        o.kind() == FieldKind.CONFLICT || o.kind() == (mineDeleted ? FieldKind.TAKEN : FieldKind.KEPT));
                boolean deletionIsNew = d.kind() == FieldKind.CONFLICT
                        || d.kind() == (mineDeleted ? FieldKind.KEPT : FieldKind.TAKEN);
                if (otherSideEdited && deletionIsNew) {
                    fields.set(i, new FieldDiff(d.field(), d.base(), d.mine(), d.theirs(), FieldKind.DELETE_EDIT));
                }
            }
            return fields;
        }

        RowKind kind(List<FieldDiff> fields) {
            boolean taken = false;
            boolean kept = false;
            boolean deleted = false;
            for (FieldDiff d : fields) {
                switch (d.kind()) {
                    case CONFLICT, DELETE_EDIT -> {
                        return RowKind.CONFLICT;
                    }
                    case TAKEN -> {
                        taken = true;
                        deleted |= d.field().equals("deleted") && "true".equals(d.theirs());
                    }
                    case KEPT -> kept = true;
                }
            }
            if (!taken) {
                return null;
            }
            return kept ? RowKind.PARALLEL : deleted ? RowKind.DELETED : RowKind.CHANGED;
        }

        /** New ESSPs of theirs: duplicate candidates, code clashes, or added. */
        void essps(List<Row> added, Collection<Row> mineRows, List<RowDiff> rows, List<Duplicate> duplicates,
                   List<CodeClash> clashes, DSLContext mineDsl) {
            Map<String, Row> mineByCode = new HashMap<>();
            mineRows.forEach(m -> mineByCode.put(m.values().get("code"), m));
            Map<String, Integer> nextSuffix = new HashMap<>();
            for (Row t : added) {
                Row sameCode = mineByCode.get(t.values().get("code"));
                Row sameName = t.deleted() ? null : mineRows.stream().filter(m -> !m.deleted() && sameEssp(m, t))
                        .findFirst().orElse(null);
                if (sameCode != null && sameCode == sameName) {
                    duplicates.add(duplicate(t, sameCode, DuplicateReason.SAME_CODE));
                } else if (sameName != null) {
                    duplicates.add(duplicate(t, sameName, DuplicateReason.SAME_NAME_NEARBY));
                } else {
                    if (sameCode != null) {
                        clashes.add(new CodeClash(t.uuid(), t.values().get("code"), label(t), label(sameCode),
                                proposeCode(mineDsl, t, nextSuffix)));
                    }
                    rows.add(new RowDiff(ESSP.getName(), t.uuid(), null, label(t), RowKind.ADDED, List.of()));
                }
            }
        }

        Duplicate duplicate(Row t, Row m, DuplicateReason reason) {
            return new Duplicate(ESSP.getName(), t.uuid(), m.uuid(), label(t), label(m), reason, fields(ESSP, m, t));
        }

        /** A duplicate candidate: {@link EsspEditRepository.NaturalKey#likelySame} (the field import's definition too). */
        boolean sameEssp(Row m, Row t) {
            return naturalKey(m).likelySame(naturalKey(t));
        }

        EsspEditRepository.NaturalKey naturalKey(Row r) {
            String lat = r.values().get("latitude");
            String lon = r.values().get("longitude");
            return new EsspEditRepository.NaturalKey(canon(r.values().get("circonscription_id")), r.values().get("name_fr"),
                    lat == null ? null : Double.valueOf(lat), lon == null ? null : Double.valueOf(lon));
        }

        /** The next free code of the ESSP's province here, one more for each clash already proposed. */
        String proposeCode(DSLContext mineDsl, Row t, Map<String, Integer> nextSuffix) {
            String circonscription = canon(t.values().get("circonscription_id"));
            Integer provinceId = mineDsl.select(CIRCONSCRIPTION.PROVINCE_ID).from(CIRCONSCRIPTION)
                    .where(CIRCONSCRIPTION.UUID.eq(circonscription)).fetchOne(CIRCONSCRIPTION.PROVINCE_ID);
            if (provinceId == null) {
                return t.values().get("code") + "-2";
            }
            String suggested = new EsspEditRepository(mineDsl, EditContext.system("merge")).suggestCode(provinceId);
            int dash = suggested.lastIndexOf('-');
            String prefix = suggested.substring(0, dash + 1);
            int suffix = nextSuffix.merge(prefix, Integer.parseInt(suggested.substring(dash + 1)), (old, x) -> old + 1);
            // the incoming file's own codes of that province are taken too
            while (theirs.rows(ESSP.getName()).values().stream().anyMatch(r -> r.values().get("code")
                    .equals(prefix + String.format(java.util.Locale.ROOT, "%04d", nextSuffix.get(prefix))))) {
                suffix = nextSuffix.merge(prefix, 1, Integer::sum);
            }
            return prefix + String.format(java.util.Locale.ROOT, "%04d", suffix);
        }

        /** Rows of other tables with the same unique key as a row here: the same row (linked). */
        void naturalKeys(Table<?> table, List<Row> added, Collection<Row> mineRows, List<RowDiff> rows) {
            List<List<String>> keys = tables.naturalKeys(table);
            List<Map<List<String>, Row>> indexes = new ArrayList<>();
            for (List<String> key : keys) {
                Map<List<String>, Row> index = new HashMap<>();
                mineRows.forEach(m -> {
                    List<String> k = keyOf(table, m, key);
                    if (k != null) {
                        index.put(k, m);
                    }
                });
                indexes.add(index);
            }
            for (Row t : added) {
                Row match = null;
                for (int i = 0; i < keys.size() && match == null; i++) {
                    List<String> k = keyOf(table, t, keys.get(i));
                    match = k == null ? null : indexes.get(i).get(k);
                }
                if (match == null) {
                    rows.add(new RowDiff(table.getName(), t.uuid(), null, label(t), RowKind.ADDED, List.of()));
                } else {
                    rows.add(compare(table, match, t, true).orElseThrow());
                }
            }
        }

        List<String> keyOf(Table<?> table, Row r, List<String> key) {
            List<String> values = new ArrayList<>();
            for (String column : key) {
                String v = value(table, r, column);
                if (v == null) {
                    return null;
                }
                values.add(v);
            }
            return values;
        }
    }

    static String label(Row r) {
        Map<String, String> v = r.values();
        for (String pair : List.of("code name_fr", "full_name", "name_fr", "label_fr", "label", "title", "key", "code")) {
            String[] columns = pair.split(" ");
            if (v.containsKey(columns[0]) && v.get(columns[0]) != null) {
                StringBuilder s = new StringBuilder();
                for (String c : columns) {
                    if (v.get(c) != null) {
                        s.append(s.isEmpty() ? "" : " ").append(v.get(c));
                    }
                }
                return s.toString();
            }
        }
        return r.uuid().substring(0, 8);
    }

    // ------------------------------------------------------------------ apply

    /** What an applied merge wrote. */
    public record Applied(int runId, int rowsWritten, int auditRowsCopied) {
    }

    /**
     * Applies {@code plan} to {@code dsl} (the file it was worked out on) with the user's decisions, in one
     * transaction. Nothing to do: nothing written, run id 0. Throws {@link MergeBlockedException} (nothing written)
     * when a conflict, a duplicate candidate or a code clash has no decision.
     */
    public Applied apply(DSLContext dsl, EditContext edit, MergePlan plan, MergeDecisions decisions, String backupPath) {
        int conflicts = 0;
        for (RowDiff r : plan.rows()) {
            for (FieldDiff f : r.fields()) {
                if (f.needsDecision() && decisions.take() == null && !decisions.results().containsKey(r.fieldKey(f.field()))) {
                    conflicts++;
                }
            }
        }
        int duplicates = (int) plan.duplicates().stream().filter(d -> decisions.choiceFor(d.theirsUuid()) == null).count();
        for (Duplicate d : plan.duplicates()) {
            if (decisions.choiceFor(d.theirsUuid()) == DuplicateChoice.LINK) {
                for (FieldDiff f : d.fieldsIfLinked()) {
                    if (f.needsDecision() && decisions.take() == null
                            && !decisions.results().containsKey(MergePlan.fieldKey(d.table(), d.theirsUuid(), f.field()))) {
                        conflicts++;
                    }
                }
            }
        }
        int clashes = plan.clashes().isEmpty() || decisions.renumber() ? 0 : plan.clashes().size();
        if (conflicts + duplicates + clashes > 0) {
            throw new MergeBlockedException(conflicts, duplicates, clashes);
        }
        List<AuditLogRecord> toCopy = plan.theirsHistory.history().stream().filter(r -> !plan.mineHistory.holds(r)).toList();
        if (plan.nothingToDo() && toCopy.isEmpty()) {
            return new Applied(0, 0, 0);
        }
        return dsl.transactionResult(tx -> new Writer(tx.dsl(), edit, plan, decisions).write(backupPath, toCopy));
    }

    /** The writes of one merge, inside its transaction. */
    private final class Writer {
        final DSLContext t;
        final EditContext edit;
        final MergePlan plan;
        final MergeDecisions decisions;
        final Map<String, String> canon = new HashMap<>();
        final Map<String, Map<String, String>> mineUuidByCanon = new HashMap<>();
        final Map<String, Map<String, Integer>> insertedIds = new HashMap<>();
        final Map<String, String> newCodes = new HashMap<>();
        /** The updates of the table being written, applied at once ({@link SyncedRows#updateAll}) before its inserts. */
        final List<SyncedRows.Change> updates = new ArrayList<>();
        /** The journal rows, inserted at once ({@link SyncedRows#insertAll}) before the other file's audit rows are copied. */
        final List<MergeJournalRecord> journal = new ArrayList<>();
        int runId;
        int written;

        Writer(DSLContext t, EditContext edit, MergePlan plan, MergeDecisions decisions) {
            this.t = t;
            this.edit = edit;
            this.plan = plan;
            this.decisions = decisions;
            canon.putAll(plan.aliases);
            for (RowDiff r : plan.rows()) {
                if (r.linked()) {
                    canon.put(r.uuid(), r.mineUuid());
                }
            }
            for (Duplicate d : plan.duplicates()) {
                if (decisions.choiceFor(d.theirsUuid()) == DuplicateChoice.LINK) {
                    canon.put(d.theirsUuid(), d.mineUuid());
                } else if (d.reason() == DuplicateReason.SAME_CODE) {
                    newCodes.put(d.theirsUuid(), null); // kept with the same code: renumbered (proposed when written)
                }
            }
            plan.clashes().forEach(c -> newCodes.put(c.theirsUuid(), c.proposedCode()));
        }

        String canon(String uuid) {
            return uuid == null ? null : canon.getOrDefault(uuid, uuid);
        }

        Applied write(String backupPath, List<AuditLogRecord> toCopy) {
            int auditFirst = maxAuditId() + 1;
            MergeRunRecord run = t.newRecord(MERGE_RUN);
            run.setSourceName(plan.sourceName());
            run.setSourceMissionUuid(plan.sourceMissionUuid());
            run.setMergedAt(edit.now());
            run.setStatus("applied");
            run.setBackupPath(backupPath);
            runId = SyncedRows.insert(t, edit, run);
            for (Table<?> table : tables.inForeignKeyOrder()) {
                Map<String, String> byCanon = new HashMap<>();
                plan.mine.uuids(table.getName()).forEach(u -> byCanon.put(canonOfMine(u), u));
                mineUuidByCanon.put(table.getName(), byCanon);
                List<Row> added = new ArrayList<>();
                for (RowDiff r : plan.rows()) {
                    if (r.table().equals(table.getName())) {
                        if (r.kind() == RowKind.ADDED) {
                            added.add(plan.theirs.row(table.getName(), r.uuid()));
                        } else {
                            update(table, r.uuid(), r.mineUuid(), r.fields(), r.linked(), r.kind());
                        }
                    }
                }
                for (Duplicate d : plan.duplicates()) {
                    if (d.table().equals(table.getName())) {
                        if (decisions.choiceFor(d.theirsUuid()) == DuplicateChoice.LINK) {
                            update(table, d.theirsUuid(), d.mineUuid(), d.fieldsIfLinked(), true, RowKind.CHANGED);
                        } else {
                            added.add(plan.theirs.row(table.getName(), d.theirsUuid()));
                        }
                    }
                }
                SyncedRows.updateAll(t, edit, table, updates);
                updates.clear();
                insert(table, added);
            }
            SyncedRows.insertAll(t, edit, journal);
            int copiedFirst = SyncedRows.copyAudit(t, toCopy);
            int last = maxAuditId();
            run = t.selectFrom(MERGE_RUN).where(MERGE_RUN.ID.eq(runId)).fetchOne();
            run.setAuditFirstId(auditFirst);
            run.setAuditCopiedFirstId(copiedFirst == 0 ? last + 1 : copiedFirst);
            run.setAuditLastId(last);
            SyncedRows.store(t, edit, run);
            return new Applied(runId, written, toCopy.size());
        }

        /** A row here's canonical uuid: an alias known before this merge, or a link made in it, or itself. */
        String canonOfMine(String uuid) {
            return canon(uuid);
        }

        int maxAuditId() {
            return t.select(DSL.coalesce(DSL.max(AUDIT_LOG.ID), 0)).from(AUDIT_LOG).fetchOne().value1();
        }

        Integer idOf(Table<?> target, String uuid) {
            if (uuid == null) {
                return null;
            }
            String c = canon(uuid);
            Integer inserted = insertedIds.getOrDefault(target.getName(), Map.of()).get(c);
            if (inserted != null) {
                return inserted;
            }
            String mineUuid = mineUuidByCanon.getOrDefault(target.getName(), Map.of()).get(c);
            Integer id = mineUuid == null ? null : plan.mine.id(target.getName(), mineUuid);
            if (id == null) {
                throw new IllegalStateException(target.getName() + " row " + uuid + " is referenced but in neither file");
            }
            return id;
        }

        Object typed(Table<?> table, String column, String text) {
            Table<?> target = tables.references(table).get(column);
            if (target != null) {
                return idOf(target, text);
            }
            return table.field(column).getDataType().convert(text);
        }

        void insert(Table<?> table, List<Row> rows) {
            Table<?> self = tables.references(table).values().stream().anyMatch(t -> t.equals(table)) ? table : null;
            List<Row> pending = new ArrayList<>(rows);
            while (!pending.isEmpty()) {
                int before = pending.size();
                for (var it = pending.iterator(); it.hasNext(); ) {
                    Row r = it.next();
                    if (self != null && !parentsPlaced(table, r, pending)) {
                        continue;
                    }
                    insertOne(table, r);
                    it.remove();
                }
                if (pending.size() == before) {
                    throw new IllegalStateException(table.getName() + " rows point to each other in a cycle");
                }
            }
        }

        boolean parentsPlaced(Table<?> table, Row r, List<Row> pending) {
            for (var e : tables.references(table).entrySet()) {
                if (e.getValue().equals(table) && r.values().get(e.getKey()) != null) {
                    String parent = canon(r.values().get(e.getKey()));
                    if (pending.stream().anyMatch(p -> p != r && canon(p.uuid()).equals(parent))) {
                        return false;
                    }
                }
            }
            return true;
        }

        void insertOne(Table<?> table, Row r) {
            TableRecord<?> record = (TableRecord<?>) t.newRecord(table);
            for (var e : r.values().entrySet()) {
                if (!e.getKey().equals("deleted")) {
                    set(record, table.field(e.getKey()), typed(table, e.getKey(), e.getValue()));
                }
            }
            set(record, table.field("uuid"), r.uuid());
            if (newCodes.containsKey(r.uuid())) {
                String code = newCodes.get(r.uuid());
                if (code == null || t.fetchExists(ESSP, ESSP.CODE.eq(code))) {
                    int circonscription = (Integer) typed(table, "circonscription_id", r.values().get("circonscription_id"));
                    int province = t.select(CIRCONSCRIPTION.PROVINCE_ID).from(CIRCONSCRIPTION)
                            .where(CIRCONSCRIPTION.ID.eq(circonscription)).fetchOne().value1();
                    code = new EsspEditRepository(t, edit).suggestCode(province);
                }
                set(record, table.field("code"), code);
                journal(table, r.uuid(), "renumbered", "code", null, null, r.values().get("code"), code);
            }
            int id = SyncedRows.insert(t, edit, record);
            if (r.deleted()) {
                SyncedRows.softDelete(t, edit, table, id, 1);
            }
            insertedIds.computeIfAbsent(table.getName(), k -> new HashMap<>()).put(canon(r.uuid()), id);
            journal(table, r.uuid(), "added", null, null, null, null, null);
            written++;
        }

        void update(Table<?> table, String theirsUuid, String mineUuid, List<FieldDiff> fields, boolean linked, RowKind kind) {
            Row m = plan.mine.row(table.getName(), mineUuid);
            if (linked) {
                MergeAliasRecord alias = t.newRecord(MERGE_ALIAS);
                alias.setTableName(table.getName());
                alias.setAliasUuid(theirsUuid);
                alias.setRowUuid(mineUuid);
                SyncedRows.insert(t, edit, alias);
                journal(table, mineUuid, "linked", null, null, null, theirsUuid, mineUuid);
            }
            Map<Field<?>, Object> changes = new LinkedHashMap<>();
            for (FieldDiff f : fields) {
                String key = MergePlan.fieldKey(table.getName(), theirsUuid, f.field());
                String result = switch (f.kind()) {
                    case TAKEN -> f.theirs();
                    case KEPT -> f.mine();
                    case CONFLICT, DELETE_EDIT -> decisions.results().containsKey(key) ? decisions.results().get(key)
                            : decisions.take() == Take.THEIRS ? f.theirs() : f.mine();
                };
                if (f.kind() == FieldKind.KEPT) {
                    continue;
                }
                String journalKind = f.needsDecision() || plan.resolutionsTaken.contains(key) ? "conflict"
                        : kind == RowKind.PARALLEL ? "parallel" : "taken";
                journal(table, mineUuid, journalKind, f.field(), f.base(), f.mine(), f.theirs(), result);
                if (!Objects.equals(result, f.mine())) {
                    changes.put(table.field(f.field()), typed(table, f.field(), result));
                }
            }
            if (!changes.isEmpty()) {
                updates.add(new SyncedRows.Change(m.id(), m.version(), changes));
                written++;
            }
        }

        void journal(Table<?> table, String rowUuid, String kind, String field, String base, String mine, String theirs,
                     String result) {
            MergeJournalRecord j = t.newRecord(MERGE_JOURNAL);
            j.setRunId(runId);
            j.setTableName(table.getName());
            j.setRowUuid(rowUuid);
            j.setKind(kind);
            j.setField(field);
            j.setBaseValue(base);
            j.setMineValue(mine);
            j.setTheirsValue(theirs);
            j.setResultValue(result);
            journal.add(j);
        }

        @SuppressWarnings("unchecked")
        private static <T> void set(org.jooq.Record record, Field<T> field, Object value) {
            record.set(field, (T) field.getDataType().convert(value));
        }
    }
}
