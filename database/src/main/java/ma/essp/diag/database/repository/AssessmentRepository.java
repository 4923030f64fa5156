package ma.essp.diag.database.repository;

import static ma.essp.diag.database.jooq.Tables.ASSESSMENT;
import static ma.essp.diag.database.jooq.Tables.ASSESSMENT_ANSWER;
import static ma.essp.diag.database.jooq.Tables.ASSESSMENT_SERVICE;
import static ma.essp.diag.database.jooq.Tables.PMS_ITEM;
import static ma.essp.diag.database.jooq.Tables.TEAM_MEMBER;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ma.essp.diag.database.jooq.tables.records.AssessmentRecord;
import ma.essp.diag.database.mission.EditContext;
import org.jooq.DSLContext;

/**
 * Facility assessments: start one, answer items one at a time (each answer is saved at once, so an assessment
 * is always "saved incomplete" and can be resumed), record the services offered, mark it complete. Several
 * assessments of the same ESSP are kept; {@link #latest} is the one the indices use by default. Updates bump
 * the row version and stamp updated_at/updated_by; deletes are soft.
 */
public final class AssessmentRepository {

    public static final String IN_PROGRESS = "in_progress";
    public static final String COMPLETE = "complete";

    /** An assessment's header; {@code version} is the row version it was read at (what a change must start from). */
    public record Header(int id, int version, int esspId, int catalogueVersionId, LocalDate assessedOn, String status,
                         String assessorName, String notes) {
    }

    /** One answer as entered; {@code version} the row version it was read at. */
    public record Answer(int itemId, AnswerState state, String source, String comment, int version) {
    }

    /**
     * An assessment with its answers (by item id) and the services recorded (service id to offered, and service id to
     * the version of that row, what a change of "offered" must start from).
     */
    public record Sheet(Header header, Map<Integer, Answer> answers, Map<Integer, Boolean> services,
                        Map<Integer, Integer> serviceVersions) {
    }

    /** answered (anything but missing, "not applicable" included) of the in-scope items of the catalogue version. */
    public record Progress(int answered, int total) {
    }

    private final DSLContext dsl;
    private final EditContext edit;

    public AssessmentRepository(DSLContext dsl, EditContext edit) {
        this.dsl = dsl;
        this.edit = edit;
    }

    /**
     * Starts an assessment (in progress) of an ESSP with a catalogue version; returns its id. The assessor is the team
     * member who edits ({@code assessor_id}), named {@code assessorName} or, when null, by their team name.
     */
    public int start(int esspId, int catalogueVersionId, LocalDate assessedOn, String assessorName) {
        AssessmentRecord r = dsl.newRecord(ASSESSMENT);
        r.setEsspId(esspId);
        r.setCatalogueVersionId(catalogueVersionId);
        r.setAssessedOn(assessedOn);
        var member = dsl.select(TEAM_MEMBER.ID, TEAM_MEMBER.FULL_NAME).from(TEAM_MEMBER)
                .where(TEAM_MEMBER.UUID.eq(edit.member())).fetchOne();
        r.setAssessorId(member == null ? null : member.value1());
        r.setAssessorName(assessorName != null || member == null ? assessorName : member.value2());
        r.setStatus(IN_PROGRESS);
        SyncedRows.store(dsl, edit, r);
        return r.getId();
    }

    /**
     * Records (or changes) one answer as the checklist shows it; MISSING clears it. {@code expectedVersion} is the
     * version of the answer the screen loaded ({@link Answer#version()}), null when it showed none: an answer changed,
     * added or removed meanwhile throws {@link StaleEditException} and nothing is written. An unchanged answer writes
     * nothing. Returns the answer's version now.
     */
    public int answer(int assessmentId, int itemId, Integer expectedVersion, AnswerState state, String source,
                      String comment) {
        Map<org.jooq.Field<?>, Object> key = new LinkedHashMap<>();
        key.put(ASSESSMENT_ANSWER.ASSESSMENT_ID, assessmentId);
        key.put(ASSESSMENT_ANSWER.ITEM_ID, itemId);
        Map<org.jooq.Field<?>, Object> values = new LinkedHashMap<>();
        values.put(ASSESSMENT_ANSWER.STATE, state.code());
        values.put(ASSESSMENT_ANSWER.SOURCE, source);
        values.put(ASSESSMENT_ANSWER.COMMENT, comment);
        return dsl.transactionResult(tx -> {
            requireOpen(tx.dsl(), assessmentId);
            return SyncedRows.upsert(tx.dsl(), edit, ASSESSMENT_ANSWER, key, expectedVersion, values).version();
        });
    }

    /**
     * Records one answer over whatever is stored now, for a writer that showed nothing before (test fixtures, an
     * import of a filled sheet): the version check starts from the row as read in the same transaction. A screen
     * uses {@link #answer(int, int, Integer, AnswerState, String, String)} with the version it loaded.
     */
    public int answer(int assessmentId, int itemId, AnswerState state, String source, String comment) {
        return dsl.transactionResult(tx -> new AssessmentRepository(tx.dsl(), edit)
                .answer(assessmentId, itemId, liveVersion(tx.dsl(), assessmentId, itemId), state, source, comment));
    }

    /** Several answers in one transaction, all or none (e.g. a whole domain entered at once), over what is stored now. */
    public void answerAll(int assessmentId, Map<Integer, AnswerState> states, String source) {
        dsl.transaction(tx -> {
            AssessmentRepository inTx = new AssessmentRepository(tx.dsl(), edit);
            states.forEach((itemId, state) -> inTx.answer(assessmentId, itemId, state, source, null));
        });
    }

    private static Integer liveVersion(DSLContext d, int assessmentId, int itemId) {
        return d.select(ASSESSMENT_ANSWER.VERSION).from(ASSESSMENT_ANSWER)
                .where(ASSESSMENT_ANSWER.ASSESSMENT_ID.eq(assessmentId), ASSESSMENT_ANSWER.ITEM_ID.eq(itemId),
                        ASSESSMENT_ANSWER.DELETED.isFalse())
                .fetchOne(ASSESSMENT_ANSWER.VERSION);
    }

    /**
     * Records whether the ESSP offers a service at the time of the assessment. {@code expectedVersion} is the version
     * of the service row the screen loaded ({@link Sheet#serviceVersions()}), null when none was recorded; changed
     * meanwhile: {@link StaleEditException}, nothing written. Returns the row's version now.
     */
    public int setOffered(int assessmentId, int serviceId, Integer expectedVersion, boolean offered) {
        Map<org.jooq.Field<?>, Object> key = new LinkedHashMap<>();
        key.put(ASSESSMENT_SERVICE.ASSESSMENT_ID, assessmentId);
        key.put(ASSESSMENT_SERVICE.SERVICE_ID, serviceId);
        return dsl.transactionResult(tx -> {
            requireOpen(tx.dsl(), assessmentId);
            return SyncedRows.upsert(tx.dsl(), edit, ASSESSMENT_SERVICE, key, expectedVersion,
                    Map.of(ASSESSMENT_SERVICE.OFFERED, offered)).version();
        });
    }

    /** The rule code of an edit refused because the assessment is complete (read-only until reopened). */
    public static final String RULE_COMPLETE = "assessment.complete";

    /**
     * A complete assessment is read-only: its answers and services change only after it was explicitly reopened
     * ({@link #reopen}); until then {@link EditRuleException} {@value #RULE_COMPLETE}, nothing written.
     */
    private static void requireOpen(DSLContext d, int assessmentId) {
        String status = d.select(ASSESSMENT.STATUS).from(ASSESSMENT).where(ASSESSMENT.ID.eq(assessmentId)).fetchOne(ASSESSMENT.STATUS);
        if (COMPLETE.equals(status)) {
            throw new EditRuleException(RULE_COMPLETE, "assessment #" + assessmentId + " is complete: reopen it to edit it");
        }
    }

    /**
     * Sets the status (in progress, complete: finishing or reopening) of an assessment still at
     * {@code expectedVersion} ({@link Header#version()}); changed meanwhile: {@link StaleEditException}, nothing
     * written. Returns the version now (unchanged when the status already was {@code status}).
     */
    public int setStatus(int assessmentId, int expectedVersion, String status) {
        return SyncedRows.update(dsl, edit, ASSESSMENT, assessmentId, expectedVersion, Map.of(ASSESSMENT.STATUS, status));
    }

    public int complete(int assessmentId, int expectedVersion) {
        return setStatus(assessmentId, expectedVersion, COMPLETE);
    }

    /** Reopens a complete assessment still at {@code expectedVersion} so that it can be edited again (audited: status). */
    public int reopen(int assessmentId, int expectedVersion) {
        return setStatus(assessmentId, expectedVersion, IN_PROGRESS);
    }

    /** Soft-deletes an assessment still at {@code expectedVersion} (its answers stay, unreachable, for merging). */
    public int delete(int assessmentId, int expectedVersion) {
        return SyncedRows.softDelete(dsl, edit, ASSESSMENT, assessmentId, expectedVersion);
    }

    /** Everything needed to resume an assessment; empty when unknown or deleted. */
    public Optional<Sheet> load(int assessmentId) {
        AssessmentRecord r = dsl.selectFrom(ASSESSMENT).where(ASSESSMENT.ID.eq(assessmentId), ASSESSMENT.DELETED.isFalse()).fetchOne();
        if (r == null) {
            return Optional.empty();
        }
        Map<Integer, Answer> answers = new LinkedHashMap<>();
        dsl.selectFrom(ASSESSMENT_ANSWER)
                .where(ASSESSMENT_ANSWER.ASSESSMENT_ID.eq(assessmentId), ASSESSMENT_ANSWER.DELETED.isFalse())
                .orderBy(ASSESSMENT_ANSWER.ITEM_ID)
                .forEach(a -> answers.put(a.getItemId(), new Answer(a.getItemId(), AnswerState.fromCode(a.getState()),
                        a.getSource(), a.getComment(), a.getVersion())));
        Map<Integer, Boolean> services = new LinkedHashMap<>();
        Map<Integer, Integer> serviceVersions = new LinkedHashMap<>();
        dsl.selectFrom(ASSESSMENT_SERVICE)
                .where(ASSESSMENT_SERVICE.ASSESSMENT_ID.eq(assessmentId), ASSESSMENT_SERVICE.DELETED.isFalse())
                .orderBy(ASSESSMENT_SERVICE.SERVICE_ID)
                .forEach(s -> {
                    services.put(s.getServiceId(), Boolean.TRUE.equals(s.getOffered()));
                    serviceVersions.put(s.getServiceId(), s.getVersion());
                });
        return Optional.of(new Sheet(header(r), answers, services, serviceVersions));
    }

    /** The ESSP's assessments, most recent first (by date, then id). */
    public List<Header> history(int esspId) {
        return dsl.selectFrom(ASSESSMENT).where(ASSESSMENT.ESSP_ID.eq(esspId), ASSESSMENT.DELETED.isFalse())
                .orderBy(ASSESSMENT.ASSESSED_ON.desc(), ASSESSMENT.ID.desc()).fetch(AssessmentRepository::header);
    }

    /** The one the indices use by default: the most recent by date, then by id (same rule as the readiness loader). */
    public Optional<Header> latest(int esspId) {
        return history(esspId).stream().findFirst();
    }

    /**
     * Answered of the in-scope items the checklist shows: the general items and the items of the services
     * recorded as offered.
     */
    public Progress progress(int assessmentId) {
        AssessmentRecord r = header0(assessmentId);
        var offered = dsl.select(ASSESSMENT_SERVICE.SERVICE_ID).from(ASSESSMENT_SERVICE)
                .where(ASSESSMENT_SERVICE.ASSESSMENT_ID.eq(assessmentId), ASSESSMENT_SERVICE.DELETED.isFalse(),
                        ASSESSMENT_SERVICE.OFFERED.isTrue());
        var shown = PMS_ITEM.VERSION_ID.eq(r.getCatalogueVersionId()).and(PMS_ITEM.DELETED.isFalse())
                .and(PMS_ITEM.IN_SCOPE.isTrue()).and(PMS_ITEM.SERVICE_ID.isNull().or(PMS_ITEM.SERVICE_ID.in(offered)));
        int total = dsl.fetchCount(PMS_ITEM, shown);
        int answered = dsl.fetchCount(dsl.select(ASSESSMENT_ANSWER.ID).from(ASSESSMENT_ANSWER).join(PMS_ITEM)
                .on(PMS_ITEM.ID.eq(ASSESSMENT_ANSWER.ITEM_ID))
                .where(ASSESSMENT_ANSWER.ASSESSMENT_ID.eq(assessmentId), ASSESSMENT_ANSWER.DELETED.isFalse(),
                        ASSESSMENT_ANSWER.STATE.ne(AnswerState.MISSING.code()), shown));
        return new Progress(answered, total);
    }

    private AssessmentRecord header0(int assessmentId) {
        AssessmentRecord r = dsl.selectFrom(ASSESSMENT).where(ASSESSMENT.ID.eq(assessmentId)).fetchOne();
        if (r == null) {
            throw new IllegalArgumentException("no assessment " + assessmentId);
        }
        return r;
    }

    private static Header header(AssessmentRecord r) {
        return new Header(r.getId(), r.getVersion(), r.getEsspId(), r.getCatalogueVersionId(), r.getAssessedOn(), r.getStatus(),
                r.getAssessorName(), r.getNotes());
    }
}
