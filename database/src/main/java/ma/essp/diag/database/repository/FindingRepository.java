package ma.essp.diag.database.repository;

import static ma.essp.diag.database.jooq.Tables.COMPLAINT_SYSTEM;
import static ma.essp.diag.database.jooq.Tables.DATA_FLOW;
import static ma.essp.diag.database.jooq.Tables.ESSP;
import static ma.essp.diag.database.jooq.Tables.FINDING;
import static ma.essp.diag.database.jooq.Tables.FINDING_EVIDENCE;
import static ma.essp.diag.database.jooq.Tables.PERPETRATOR_CARE_SITE;
import static ma.essp.diag.database.jooq.Tables.PROVINCE;
import static ma.essp.diag.database.jooq.Tables.RECOMMENDATION;
import static ma.essp.diag.database.jooq.Tables.RECOMMENDATION_FINDING;
import static ma.essp.diag.database.jooq.Tables.REGION;
import static ma.essp.diag.database.jooq.Tables.REPORT_TYPE;
import static ma.essp.diag.database.jooq.Tables.TEAM_MEMBER;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import ma.essp.diag.database.jooq.tables.records.FindingEvidenceRecord;
import ma.essp.diag.database.jooq.tables.records.FindingRecord;
import ma.essp.diag.database.jooq.tables.records.RecommendationFindingRecord;
import ma.essp.diag.database.jooq.tables.records.RecommendationRecord;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.rules.RecommendationRules;
import org.jooq.DSLContext;
import org.jooq.Field;

/**
 * Findings, their evidence links and the recommendations answering them (schema V8). Reads the whole board in a few
 * queries; every write goes through {@link SyncedRows} (version check, stamp, audit). A recommendation must answer at
 * least one finding and cannot cost less than zero: {@link RecommendationRules} is checked before anything is
 * written and a refusal throws {@link EditRuleException} with the rule's code ({@code recommendation.no_finding},
 * {@code recommendation.cost_negative}, ...).
 */
public final class FindingRepository {

    /** The record tables an evidence link may point to. */
    public static final List<String> RECORD_TABLES = List.of("essp", "data_flow", "complaint_system", "perpetrator_care_site");

    private final DSLContext dsl;

    public FindingRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** A team member who can author a finding. */
    public record Member(int id, String uuid, String fullName) {
    }

    /**
     * One evidence link. For a record link, {@code recordLabel} names the record (null when the row no longer exists)
     * and {@code recordDeleted} says it was deleted (or never existed): readers show it as such.
     */
    public record Evidence(int id, int version, String kind, String figure, String unitLevel, String unitCode,
                           Double storedValue, String recordTable, Integer recordId, String recordLabel,
                           boolean recordDeleted, String document) {

        public boolean isFigure() {
            return "figure".equals(kind);
        }
    }

    public record Finding(int id, int version, int axis, String scopeLevel, Integer regionId, Integer provinceId,
                          Integer circonscriptionId, Integer esspId, String kind, String title, String statement,
                          String priority, Integer authorId, String authorName, LocalDate writtenOn, List<Evidence> evidence) {

        public Finding {
            evidence = List.copyOf(evidence);
        }
    }

    public record Recommendation(int id, int version, int axis, String scopeLevel, Integer regionId, Integer provinceId,
                                 String action, String responsible, String responsibleLevel, String horizon,
                                 String priority, Double costMad, String indicator, String indicatorFigure,
                                 String indicatorUnitLevel, String indicatorUnitCode, Double indicatorBaseline,
                                 Double indicatorTarget, List<Integer> findingIds) {

        public Recommendation {
            findingIds = List.copyOf(findingIds);
        }
    }

    /** Every live finding (with its live evidence) and recommendation (with its live links), and the team. */
    public record Board(List<Finding> findings, List<Recommendation> recommendations, List<Member> members) {
    }

    /** What a finding says, as the editor holds it. */
    public record FindingDraft(int axis, String scopeLevel, Integer regionId, Integer provinceId,
                               Integer circonscriptionId, Integer esspId, String kind, String title, String statement,
                               String priority, Integer authorId, LocalDate writtenOn) {
    }

    /** A new evidence link. */
    public record EvidenceDraft(String kind, String figure, String unitLevel, String unitCode, Double storedValue,
                                String recordTable, Integer recordId, String document) {

        /** A figure of a unit, with the value it has now (null: none). */
        public static EvidenceDraft figure(String figure, String unitLevel, String unitCode, Double value) {
            return new EvidenceDraft("figure", figure, unitLevel, unitCode, value, null, null, null);
        }

        public static EvidenceDraft record(String table, int id) {
            if (!RECORD_TABLES.contains(table)) {
                throw new IllegalArgumentException("no evidence records in " + table);
            }
            return new EvidenceDraft("record", null, null, null, null, table, id, null);
        }

        public static EvidenceDraft document(String reference) {
            return new EvidenceDraft("document", null, null, null, null, null, null, reference);
        }
    }

    /** What a recommendation says, as the editor holds it. */
    public record RecommendationDraft(int axis, String scopeLevel, Integer regionId, Integer provinceId, String action,
                                      String responsible, String responsibleLevel, String horizon, String priority,
                                      Double costMad, String indicator, String indicatorFigure,
                                      String indicatorUnitLevel, String indicatorUnitCode, Double indicatorBaseline,
                                      Double indicatorTarget) {
    }

    // ------------------------------------------------------------------ reading

    public Board load() {
        Map<Integer, String> memberNames = new LinkedHashMap<>();
        List<Member> members = dsl.selectFrom(TEAM_MEMBER).where(TEAM_MEMBER.DELETED.isFalse()).orderBy(TEAM_MEMBER.ID)
                .fetch(m -> new Member(m.getId(), m.getUuid(), m.getFullName()));
        dsl.select(TEAM_MEMBER.ID, TEAM_MEMBER.FULL_NAME).from(TEAM_MEMBER)
                .forEach(r -> memberNames.put(r.value1(), r.value2()));
        Map<Integer, List<Evidence>> evidence = new HashMap<>();
        Map<String, Map<Integer, RecordLabel>> labels = recordLabels();
        for (FindingEvidenceRecord e : dsl.selectFrom(FINDING_EVIDENCE).where(FINDING_EVIDENCE.DELETED.isFalse())
                .orderBy(FINDING_EVIDENCE.ID).fetch()) {
            RecordLabel label = e.getRecordTable() == null ? null
                    : labels.getOrDefault(e.getRecordTable(), Map.of()).get(e.getRecordId());
            evidence.computeIfAbsent(e.getFindingId(), k -> new ArrayList<>()).add(new Evidence(e.getId(), e.getVersion(),
                    e.getKind(), e.getFigure(), e.getUnitLevel(), e.getUnitCode(), e.getStoredValue(), e.getRecordTable(),
                    e.getRecordId(), label == null ? null : label.label(),
                    "record".equals(e.getKind()) && (label == null || label.deleted()), e.getDocument()));
        }
        List<Finding> findings = dsl.selectFrom(FINDING).where(FINDING.DELETED.isFalse()).orderBy(FINDING.AXIS, FINDING.ID)
                .fetch(f -> new Finding(f.getId(), f.getVersion(), f.getAxis(), f.getScopeLevel(), f.getRegionId(),
                        f.getProvinceId(), f.getCirconscriptionId(), f.getEsspId(), f.getKind(), f.getTitle(),
                        f.getDescription(), f.getPriority(), f.getAuthorId(),
                        f.getAuthorId() == null ? null : memberNames.get(f.getAuthorId()),
                        f.getWrittenOn() == null ? null : LocalDate.parse(f.getWrittenOn()),
                        evidence.getOrDefault(f.getId(), List.of())));
        Set<Integer> liveFindings = new LinkedHashSet<>();
        findings.forEach(f -> liveFindings.add(f.id()));
        Map<Integer, List<Integer>> links = new HashMap<>();
        dsl.selectFrom(RECOMMENDATION_FINDING).where(RECOMMENDATION_FINDING.DELETED.isFalse())
                .orderBy(RECOMMENDATION_FINDING.FINDING_ID)
                .forEach(l -> {
                    if (liveFindings.contains(l.getFindingId())) {
                        links.computeIfAbsent(l.getRecommendationId(), k -> new ArrayList<>()).add(l.getFindingId());
                    }
                });
        List<Recommendation> recommendations = dsl.selectFrom(RECOMMENDATION).where(RECOMMENDATION.DELETED.isFalse())
                .orderBy(RECOMMENDATION.AXIS, RECOMMENDATION.ID)
                .fetch(r -> new Recommendation(r.getId(), r.getVersion(), r.getAxis(), r.getScopeLevel(), r.getRegionId(),
                        r.getProvinceId(), r.getText(), r.getResponsible(), r.getResponsibleLevel(), r.getHorizon(),
                        r.getPriority(), r.getCostMad(), r.getIndicator(), r.getIndicatorFigure(),
                        r.getIndicatorUnitLevel(), r.getIndicatorUnitCode(), r.getIndicatorBaseline(),
                        r.getIndicatorTarget(), links.getOrDefault(r.getId(), List.of())));
        return new Board(findings, recommendations, members);
    }

    private record RecordLabel(String label, boolean deleted) {
    }

    /** Every record an evidence link points to, by table and id: its label and whether it is deleted. */
    private Map<String, Map<Integer, RecordLabel>> recordLabels() {
        Map<String, Map<Integer, RecordLabel>> labels = new HashMap<>();
        Map<String, Set<Integer>> wanted = new HashMap<>();
        dsl.select(FINDING_EVIDENCE.RECORD_TABLE, FINDING_EVIDENCE.RECORD_ID).from(FINDING_EVIDENCE)
                .where(FINDING_EVIDENCE.KIND.eq("record")).and(FINDING_EVIDENCE.DELETED.isFalse())
                .forEach(r -> wanted.computeIfAbsent(r.value1(), k -> new LinkedHashSet<>()).add(r.value2()));
        for (Map.Entry<String, Set<Integer>> e : wanted.entrySet()) {
            Map<Integer, RecordLabel> byId = new HashMap<>();
            eachRecord(e.getKey(), e.getValue(), byId::put);
            labels.put(e.getKey(), byId);
        }
        return labels;
    }

    /** A record an evidence link can point to: its id and its label. */
    public record RecordChoice(int id, String label) {
    }

    /** The live records of one of {@link #RECORD_TABLES}, labelled as the evidence shows them, in label order. */
    public List<RecordChoice> records(String table) {
        if (!RECORD_TABLES.contains(table)) {
            throw new IllegalArgumentException("no evidence records in " + table);
        }
        List<RecordChoice> out = new ArrayList<>();
        eachRecord(table, null, (id, label) -> {
            if (!label.deleted()) {
                out.add(new RecordChoice(id, label.label()));
            }
        });
        out.sort(java.util.Comparator.comparing(RecordChoice::label).thenComparingInt(RecordChoice::id));
        return out;
    }

    /** The records of a table (those of {@code ids}; every one when null) with their label and whether deleted. */
    private void eachRecord(String table, Collection<Integer> ids, java.util.function.BiConsumer<Integer, RecordLabel> out) {
        switch (table) {
            case "essp" -> dsl.select(ESSP.ID, ESSP.CODE, ESSP.NAME_FR, ESSP.DELETED).from(ESSP)
                    .where(ids == null ? org.jooq.impl.DSL.noCondition() : ESSP.ID.in(ids))
                    .forEach(r -> out.accept(r.value1(), new RecordLabel(r.value2() + " " + r.value3(), r.value4())));
            case "data_flow" -> dsl.select(DATA_FLOW.ID, REPORT_TYPE.NAME_FR, DATA_FLOW.FROM_LEVEL, DATA_FLOW.TO_LEVEL,
                            DATA_FLOW.DELETED)
                    .from(DATA_FLOW).join(REPORT_TYPE).on(REPORT_TYPE.ID.eq(DATA_FLOW.REPORT_TYPE_ID))
                    .where(ids == null ? org.jooq.impl.DSL.noCondition() : DATA_FLOW.ID.in(ids))
                    .forEach(r -> out.accept(r.value1(), new RecordLabel(r.value2() + " (" + r.value3() + " → " + r.value4() + ")",
                            r.value5())));
            // an ESSP's system, or (V23) a délégation's (its province) or a GST's (its region)
            case "complaint_system" -> dsl.select(COMPLAINT_SYSTEM.ID, org.jooq.impl.DSL.coalesce(ESSP.CODE, PROVINCE.CODE, REGION.CODE),
                            org.jooq.impl.DSL.coalesce(ESSP.NAME_FR, PROVINCE.NAME_FR, REGION.NAME_FR), COMPLAINT_SYSTEM.DELETED)
                    .from(COMPLAINT_SYSTEM).leftJoin(ESSP).on(ESSP.ID.eq(COMPLAINT_SYSTEM.ESSP_ID))
                    .leftJoin(PROVINCE).on(PROVINCE.ID.eq(COMPLAINT_SYSTEM.PROVINCE_ID))
                    .leftJoin(REGION).on(REGION.ID.eq(COMPLAINT_SYSTEM.REGION_ID))
                    .where(ids == null ? org.jooq.impl.DSL.noCondition() : COMPLAINT_SYSTEM.ID.in(ids))
                    .forEach(r -> out.accept(r.value1(), new RecordLabel(r.value2() + " " + r.value3(), r.value4())));
            case "perpetrator_care_site" -> dsl.select(PERPETRATOR_CARE_SITE.ID, PERPETRATOR_CARE_SITE.NAME,
                            PERPETRATOR_CARE_SITE.DELETED).from(PERPETRATOR_CARE_SITE)
                    .where(ids == null ? org.jooq.impl.DSL.noCondition() : PERPETRATOR_CARE_SITE.ID.in(ids))
                    .forEach(r -> out.accept(r.value1(), new RecordLabel(r.value2(), r.value3())));
            default -> { } // the schema's CHECK allows no other table
        }
    }

    // ------------------------------------------------------------------ findings

    /** Writes a new finding and its evidence links in one transaction; its id. */
    public int insertFinding(EditContext edit, FindingDraft draft, List<EvidenceDraft> evidence) {
        checkFinding(draft);
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            FindingRecord f = tx.newRecord(FINDING);
            setFinding(f, draft);
            int id = SyncedRows.insert(tx, edit, f);
            for (EvidenceDraft e : evidence) {
                insertEvidence(tx, edit, id, e);
            }
            return id;
        });
    }

    /** Changes a finding still at {@code expectedVersion}; its version now. */
    public int updateFinding(EditContext edit, int id, int expectedVersion, FindingDraft draft) {
        checkFinding(draft);
        Map<Field<?>, Object> changes = new LinkedHashMap<>();
        changes.put(FINDING.AXIS, draft.axis());
        changes.put(FINDING.SCOPE_LEVEL, draft.scopeLevel());
        changes.put(FINDING.REGION_ID, draft.regionId());
        changes.put(FINDING.PROVINCE_ID, draft.provinceId());
        changes.put(FINDING.CIRCONSCRIPTION_ID, draft.circonscriptionId());
        changes.put(FINDING.ESSP_ID, draft.esspId());
        changes.put(FINDING.KIND, draft.kind());
        changes.put(FINDING.TITLE, draft.title().strip());
        changes.put(FINDING.DESCRIPTION, blankToNull(draft.statement()));
        changes.put(FINDING.PRIORITY, draft.priority());
        changes.put(FINDING.AUTHOR_ID, draft.authorId());
        changes.put(FINDING.WRITTEN_ON, draft.writtenOn() == null ? null : draft.writtenOn().toString());
        return SyncedRows.update(dsl, edit, FINDING, id, expectedVersion, changes);
    }

    /** Moves a finding to another SWOT quadrant (the board's drag and drop); its version now. */
    public int changeKind(EditContext edit, int id, int expectedVersion, String kind) {
        return SyncedRows.update(dsl, edit, FINDING, id, expectedVersion, Map.of(FINDING.KIND, kind));
    }

    /**
     * What deleting a finding or a recommendation took with it, each row with the version the deletion left it at:
     * what an undo restores ({@link #restoreFinding}, {@link #restoreRecommendation}).
     */
    public record Deletion(int id, int version, Map<Integer, Integer> evidence, Map<Integer, Integer> links) {
    }

    /** Deletes a finding (soft) with its evidence links and its links to recommendations; what it took. */
    public Deletion deleteFinding(EditContext edit, int id, int expectedVersion) {
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            int version = SyncedRows.softDelete(tx, edit, FINDING, id, expectedVersion);
            Map<Integer, Integer> evidence = new LinkedHashMap<>();
            tx.selectFrom(FINDING_EVIDENCE).where(FINDING_EVIDENCE.FINDING_ID.eq(id)).and(FINDING_EVIDENCE.DELETED.isFalse())
                    .forEach(e -> evidence.put(e.getId(), e.getVersion()));
            Map<Integer, Integer> links = new LinkedHashMap<>();
            tx.selectFrom(RECOMMENDATION_FINDING).where(RECOMMENDATION_FINDING.FINDING_ID.eq(id))
                    .and(RECOMMENDATION_FINDING.DELETED.isFalse()).forEach(l -> links.put(l.getId(), l.getVersion()));
            return new Deletion(id, version, versions(SyncedRows.softDeleteAll(tx, edit, FINDING_EVIDENCE, evidence)),
                    versions(SyncedRows.softDeleteAll(tx, edit, RECOMMENDATION_FINDING, links)));
        });
    }

    /**
     * Undoes {@link #deleteFinding}: the finding, its evidence and its recommendation links live again, all or none
     * (a row changed since by someone else throws {@link StaleEditException}); the versions they now have.
     */
    public Deletion restoreFinding(EditContext edit, Deletion deletion) {
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            int version = SyncedRows.restore(tx, edit, FINDING, deletion.id(), deletion.version());
            return new Deletion(deletion.id(), version,
                    versions(SyncedRows.restoreAll(tx, edit, FINDING_EVIDENCE, deletion.evidence())),
                    versions(SyncedRows.restoreAll(tx, edit, RECOMMENDATION_FINDING, deletion.links())));
        });
    }

    private static Map<Integer, Integer> versions(List<SyncedRows.Written> written) {
        Map<Integer, Integer> versions = new LinkedHashMap<>();
        written.forEach(w -> versions.put(w.id(), w.version()));
        return versions;
    }

    /** Adds an evidence link to a finding; its id. */
    public int addEvidence(EditContext edit, int findingId, EvidenceDraft evidence) {
        return dsl.transactionResult(cfg -> insertEvidence(cfg.dsl(), edit, findingId, evidence));
    }

    /** Removes (soft) an evidence link still at {@code expectedVersion}. */
    public void removeEvidence(EditContext edit, int evidenceId, int expectedVersion) {
        SyncedRows.softDelete(dsl, edit, FINDING_EVIDENCE, evidenceId, expectedVersion);
    }

    /** Takes the figure's value now as the link's stored value (the finding was reviewed); the link's version now. */
    public int acceptCurrentValue(EditContext edit, int evidenceId, int expectedVersion, Double value) {
        Map<Field<?>, Object> changes = new HashMap<>();
        changes.put(FINDING_EVIDENCE.STORED_VALUE, value);
        return SyncedRows.update(dsl, edit, FINDING_EVIDENCE, evidenceId, expectedVersion, changes);
    }

    private static int insertEvidence(DSLContext tx, EditContext edit, int findingId, EvidenceDraft e) {
        FindingEvidenceRecord r = tx.newRecord(FINDING_EVIDENCE);
        r.setFindingId(findingId);
        r.setKind(e.kind());
        r.setFigure(e.figure());
        r.setUnitLevel(e.unitLevel());
        r.setUnitCode(e.unitCode());
        r.setStoredValue(e.storedValue());
        r.setRecordTable(e.recordTable());
        r.setRecordId(e.recordId());
        r.setDocument(e.document() == null ? null : e.document().strip());
        return SyncedRows.insert(tx, edit, r);
    }

    private static void setFinding(FindingRecord f, FindingDraft d) {
        f.setAxis(d.axis());
        f.setScopeLevel(d.scopeLevel());
        f.setRegionId(d.regionId());
        f.setProvinceId(d.provinceId());
        f.setCirconscriptionId(d.circonscriptionId());
        f.setEsspId(d.esspId());
        f.setKind(d.kind());
        f.setTitle(d.title().strip());
        f.setDescription(blankToNull(d.statement()));
        f.setPriority(d.priority());
        f.setAuthorId(d.authorId());
        f.setWrittenOn(d.writtenOn() == null ? null : d.writtenOn().toString());
    }

    private static void checkFinding(FindingDraft draft) {
        List<RecommendationRules.Code> problems = RecommendationRules.finding(draft.title());
        if (!problems.isEmpty()) {
            throw refused("finding", problems);
        }
    }

    // ------------------------------------------------------------------ recommendations

    /** Writes a new recommendation answering {@code findingIds}; its id. Refused (nothing written) by the rules. */
    public int insertRecommendation(EditContext edit, RecommendationDraft draft, Collection<Integer> findingIds) {
        checkRecommendation(draft, findingIds);
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            RecommendationRecord r = tx.newRecord(RECOMMENDATION);
            setRecommendation(r, draft);
            int id = SyncedRows.insert(tx, edit, r);
            for (int findingId : new LinkedHashSet<>(findingIds)) {
                link(tx, edit, id, findingId);
            }
            return id;
        });
    }

    /**
     * Changes a recommendation still at {@code expectedVersion} and the findings it answers (links removed are
     * soft-deleted, links added inserted or restored); its version now.
     */
    public int updateRecommendation(EditContext edit, int id, int expectedVersion, RecommendationDraft draft,
                                    Collection<Integer> findingIds) {
        checkRecommendation(draft, findingIds);
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            Map<Field<?>, Object> changes = new LinkedHashMap<>();
            changes.put(RECOMMENDATION.AXIS, draft.axis());
            changes.put(RECOMMENDATION.SCOPE_LEVEL, draft.scopeLevel());
            changes.put(RECOMMENDATION.REGION_ID, draft.regionId());
            changes.put(RECOMMENDATION.PROVINCE_ID, draft.provinceId());
            changes.put(RECOMMENDATION.TEXT, draft.action().strip());
            changes.put(RECOMMENDATION.RESPONSIBLE, blankToNull(draft.responsible()));
            changes.put(RECOMMENDATION.RESPONSIBLE_LEVEL, draft.responsibleLevel());
            changes.put(RECOMMENDATION.HORIZON, draft.horizon());
            changes.put(RECOMMENDATION.PRIORITY, draft.priority());
            changes.put(RECOMMENDATION.COST_MAD, draft.costMad());
            changes.put(RECOMMENDATION.INDICATOR, blankToNull(draft.indicator()));
            changes.put(RECOMMENDATION.INDICATOR_FIGURE, draft.indicatorFigure());
            changes.put(RECOMMENDATION.INDICATOR_UNIT_LEVEL, draft.indicatorUnitLevel());
            changes.put(RECOMMENDATION.INDICATOR_UNIT_CODE, draft.indicatorUnitCode());
            changes.put(RECOMMENDATION.INDICATOR_BASELINE, draft.indicatorBaseline());
            changes.put(RECOMMENDATION.INDICATOR_TARGET, draft.indicatorTarget());
            int version = SyncedRows.update(tx, edit, RECOMMENDATION, id, expectedVersion, changes);
            Set<Integer> wanted = new LinkedHashSet<>(findingIds);
            Map<Integer, Integer> removed = new LinkedHashMap<>();
            for (RecommendationFindingRecord l : tx.selectFrom(RECOMMENDATION_FINDING)
                    .where(RECOMMENDATION_FINDING.RECOMMENDATION_ID.eq(id)).fetch()) {
                boolean keep = wanted.remove(l.getFindingId());
                if (keep && Boolean.TRUE.equals(l.getDeleted())) {
                    SyncedRows.restore(tx, edit, RECOMMENDATION_FINDING, l.getId(), l.getVersion());
                } else if (!keep && !Boolean.TRUE.equals(l.getDeleted())) {
                    removed.put(l.getId(), l.getVersion());
                }
            }
            SyncedRows.softDeleteAll(tx, edit, RECOMMENDATION_FINDING, removed);
            for (int findingId : wanted) {
                link(tx, edit, id, findingId);
            }
            return version;
        });
    }

    /** Deletes (soft) a recommendation and its links to findings; what it took. */
    public Deletion deleteRecommendation(EditContext edit, int id, int expectedVersion) {
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            int version = SyncedRows.softDelete(tx, edit, RECOMMENDATION, id, expectedVersion);
            Map<Integer, Integer> links = new LinkedHashMap<>();
            tx.selectFrom(RECOMMENDATION_FINDING).where(RECOMMENDATION_FINDING.RECOMMENDATION_ID.eq(id))
                    .and(RECOMMENDATION_FINDING.DELETED.isFalse()).forEach(l -> links.put(l.getId(), l.getVersion()));
            return new Deletion(id, version, Map.of(), versions(SyncedRows.softDeleteAll(tx, edit, RECOMMENDATION_FINDING, links)));
        });
    }

    /** Undoes {@link #deleteRecommendation}: the recommendation and its links live again, all or none; their versions. */
    public Deletion restoreRecommendation(EditContext edit, Deletion deletion) {
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            int version = SyncedRows.restore(tx, edit, RECOMMENDATION, deletion.id(), deletion.version());
            return new Deletion(deletion.id(), version, Map.of(),
                    versions(SyncedRows.restoreAll(tx, edit, RECOMMENDATION_FINDING, deletion.links())));
        });
    }

    private static void link(DSLContext tx, EditContext edit, int recommendationId, int findingId) {
        RecommendationFindingRecord l = tx.newRecord(RECOMMENDATION_FINDING);
        l.setRecommendationId(recommendationId);
        l.setFindingId(findingId);
        SyncedRows.insert(tx, edit, l);
    }

    private static void setRecommendation(RecommendationRecord r, RecommendationDraft d) {
        r.setAxis(d.axis());
        r.setScopeLevel(d.scopeLevel());
        r.setRegionId(d.regionId());
        r.setProvinceId(d.provinceId());
        r.setText(d.action().strip());
        r.setResponsible(blankToNull(d.responsible()));
        r.setResponsibleLevel(d.responsibleLevel());
        r.setHorizon(d.horizon());
        r.setPriority(d.priority());
        r.setCostMad(d.costMad());
        r.setIndicator(blankToNull(d.indicator()));
        r.setIndicatorFigure(d.indicatorFigure());
        r.setIndicatorUnitLevel(d.indicatorUnitLevel());
        r.setIndicatorUnitCode(d.indicatorUnitCode());
        r.setIndicatorBaseline(d.indicatorBaseline());
        r.setIndicatorTarget(d.indicatorTarget());
    }

    private static void checkRecommendation(RecommendationDraft draft, Collection<Integer> findingIds) {
        List<RecommendationRules.Code> problems = RecommendationRules.recommendation(draft.action(), draft.costMad(), findingIds);
        if (!problems.isEmpty()) {
            throw refused("recommendation", problems);
        }
    }

    private static EditRuleException refused(String what, List<RecommendationRules.Code> problems) {
        String rule = what + "." + problems.getFirst().name().toLowerCase(Locale.ROOT);
        return new EditRuleException(rule, what + " refused: " + problems);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
