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
import java.util.Objects;
import java.util.Optional;
import ma.essp.diag.database.jooq.tables.records.AssessmentAnswerRecord;
import ma.essp.diag.database.jooq.tables.records.AssessmentRecord;
import ma.essp.diag.database.jooq.tables.records.AssessmentServiceRecord;
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

    /** An assessment's header. */
    public record Header(int id, int esspId, int catalogueVersionId, LocalDate assessedOn, String status,
                         String assessorName, String notes) {
    }

    /** One answer as entered. */
    public record Answer(int itemId, AnswerState state, String source, String comment) {
    }

    /** An assessment with its answers (by item id) and the services recorded (service id to offered). */
    public record Sheet(Header header, Map<Integer, Answer> answers, Map<Integer, Boolean> services) {
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

    /** Records (or changes) one answer; MISSING clears it. Does nothing when the answer is unchanged. */
    public void answer(int assessmentId, int itemId, AnswerState state, String source, String comment) {
        AssessmentAnswerRecord r = dsl.selectFrom(ASSESSMENT_ANSWER)
                .where(ASSESSMENT_ANSWER.ASSESSMENT_ID.eq(assessmentId), ASSESSMENT_ANSWER.ITEM_ID.eq(itemId)).fetchOne();
        if (r == null) {
            r = dsl.newRecord(ASSESSMENT_ANSWER);
            r.setAssessmentId(assessmentId);
            r.setItemId(itemId);
            r.setState(state.code());
            r.setSource(source);
            r.setComment(comment);
            SyncedRows.store(dsl, edit, r);
            return;
        }
        boolean same = r.getState().equals(state.code()) && Objects.equals(r.getSource(), source)
                && Objects.equals(r.getComment(), comment) && !Boolean.TRUE.equals(r.getDeleted());
        if (same) {
            return;
        }
        r.setState(state.code());
        r.setSource(source);
        r.setComment(comment);
        r.setDeleted(false);
        SyncedRows.store(dsl, edit, r);
    }

    /** Several answers in one transaction (e.g. a whole domain entered at once). */
    public void answerAll(int assessmentId, Map<Integer, AnswerState> states, String source) {
        dsl.transaction(tx -> {
            AssessmentRepository inTx = new AssessmentRepository(tx.dsl(), edit);
            states.forEach((itemId, state) -> inTx.answer(assessmentId, itemId, state, source, null));
        });
    }

    /** Records whether the ESSP offers a service at the time of the assessment. */
    public void setOffered(int assessmentId, int serviceId, boolean offered) {
        AssessmentServiceRecord r = dsl.selectFrom(ASSESSMENT_SERVICE)
                .where(ASSESSMENT_SERVICE.ASSESSMENT_ID.eq(assessmentId), ASSESSMENT_SERVICE.SERVICE_ID.eq(serviceId)).fetchOne();
        if (r == null) {
            r = dsl.newRecord(ASSESSMENT_SERVICE);
            r.setAssessmentId(assessmentId);
            r.setServiceId(serviceId);
            r.setOffered(offered);
            SyncedRows.store(dsl, edit, r);
        } else if (!Objects.equals(r.getOffered(), offered) || Boolean.TRUE.equals(r.getDeleted())) {
            r.setOffered(offered);
            r.setDeleted(false);
            SyncedRows.store(dsl, edit, r);
        }
    }

    public void setStatus(int assessmentId, String status) {
        AssessmentRecord r = header0(assessmentId);
        if (!status.equals(r.getStatus())) {
            r.setStatus(status);
            SyncedRows.store(dsl, edit, r);
        }
    }

    public void complete(int assessmentId) {
        setStatus(assessmentId, COMPLETE);
    }

    /** Soft-deletes an assessment (its answers stay, unreachable, for merging). */
    public void delete(int assessmentId) {
        AssessmentRecord r = header0(assessmentId);
        r.setDeleted(true);
        SyncedRows.store(dsl, edit, r);
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
                        a.getSource(), a.getComment())));
        Map<Integer, Boolean> services = new LinkedHashMap<>();
        dsl.selectFrom(ASSESSMENT_SERVICE)
                .where(ASSESSMENT_SERVICE.ASSESSMENT_ID.eq(assessmentId), ASSESSMENT_SERVICE.DELETED.isFalse())
                .orderBy(ASSESSMENT_SERVICE.SERVICE_ID)
                .forEach(s -> services.put(s.getServiceId(), Boolean.TRUE.equals(s.getOffered())));
        return Optional.of(new Sheet(header(r), answers, services));
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
        return new Header(r.getId(), r.getEsspId(), r.getCatalogueVersionId(), r.getAssessedOn(), r.getStatus(),
                r.getAssessorName(), r.getNotes());
    }
}
