package ma.essp.diag.database.repository;

import static ma.essp.diag.database.jooq.Tables.STAFF_POSITION;
import static ma.essp.diag.database.jooq.Tables.TRAINING_ATTENDANCE;
import static ma.essp.diag.database.jooq.Tables.TRAINING_COHORT;
import static ma.essp.diag.database.jooq.Tables.TRAINING_COST;
import static ma.essp.diag.database.jooq.Tables.TRAINING_PARTICIPANT;
import static ma.essp.diag.database.jooq.Tables.TRAINING_PROGRAMME;
import static ma.essp.diag.database.jooq.Tables.TRAINING_SESSION;

import java.util.List;
import org.jooq.DSLContext;

/** Reads the training plan ({@link TrainingData}): every live programme, cohort, session, participant, attendance and cost. */
public final class TrainingRepository {

    private final DSLContext dsl;

    public TrainingRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public TrainingData load() {
        var p = TRAINING_PROGRAMME;
        List<TrainingData.Programme> programmes = dsl.selectFrom(p).where(p.DELETED.isFalse()).orderBy(p.ID)
                .fetch(r -> new TrainingData.Programme(r.getId(), r.getVersion(), r.getCode(), r.getKind(), r.getTitleFr(),
                        r.getTitleEn(), r.getTitleAr(), r.getPlannedHours(), r.getRequiredHours()));
        var c = TRAINING_COHORT;
        List<TrainingData.Cohort> cohorts = dsl.selectFrom(c).where(c.DELETED.isFalse()).orderBy(c.STARTS_ON, c.NAME, c.ID)
                .fetch(r -> new TrainingData.Cohort(r.getId(), r.getVersion(), r.getProgrammeId(), r.getName(),
                        r.getRegionId(), r.getStartsOn(), r.getEndsOn(), r.getPlace(), r.getStatus(), r.getSeats()));
        var s = TRAINING_SESSION;
        List<TrainingData.Session> sessions = dsl.selectFrom(s).where(s.DELETED.isFalse())
                .orderBy(s.COHORT_ID, s.STARTS_ON, s.ID)
                .fetch(r -> new TrainingData.Session(r.getId(), r.getVersion(), r.getCohortId(), r.getTitle(),
                        r.getStartsOn(), r.getEndsOn(), r.getHours() == null ? 0 : r.getHours(), r.getPlace(),
                        r.getTrainers()));
        var tp = TRAINING_PARTICIPANT;
        var sp = STAFF_POSITION;
        List<TrainingData.Participant> participants = dsl.select(tp.ID, tp.VERSION, tp.COHORT_ID, tp.STAFF_POSITION_ID,
                        tp.STRUCTURE_ID, tp.FULL_NAME, tp.JOB_TITLE, tp.GENDER, tp.STATUS, tp.CERTIFICATE_NUMBER,
                        tp.CERTIFIED_ON, sp.DELETED)
                .from(tp).leftJoin(sp).on(sp.ID.eq(tp.STAFF_POSITION_ID))
                .where(tp.DELETED.isFalse()).orderBy(tp.COHORT_ID, tp.FULL_NAME, tp.ID)
                .fetch(r -> new TrainingData.Participant(r.get(tp.ID), r.get(tp.VERSION), r.get(tp.COHORT_ID),
                        r.get(tp.STAFF_POSITION_ID), r.get(tp.STRUCTURE_ID), r.get(tp.FULL_NAME), r.get(tp.JOB_TITLE),
                        r.get(tp.GENDER), r.get(tp.STATUS), r.get(tp.CERTIFICATE_NUMBER), r.get(tp.CERTIFIED_ON),
                        Boolean.TRUE.equals(r.get(sp.DELETED))));
        var a = TRAINING_ATTENDANCE;
        List<TrainingData.Attendance> attendance = dsl.selectFrom(a).where(a.DELETED.isFalse()).orderBy(a.ID)
                .fetch(r -> new TrainingData.Attendance(r.getId(), r.getVersion(), r.getSessionId(), r.getParticipantId(),
                        Boolean.TRUE.equals(r.getPresent()), r.getHoursAttended()));
        var k = TRAINING_COST;
        List<TrainingData.CostLine> costs = dsl.selectFrom(k).where(k.DELETED.isFalse()).orderBy(k.COHORT_ID, k.ID)
                .fetch(r -> new TrainingData.CostLine(r.getId(), r.getVersion(), r.getCohortId(), r.getSessionId(),
                        r.getItem(), r.getUnit(), r.getUnitCostMad(), r.getUnits(),
                        r.getAmountMad() == null ? 0 : r.getAmountMad(), r.getKind(), r.getFundingLine(), r.getNotes()));
        return new TrainingData(programmes, cohorts, sessions, participants, attendance, costs);
    }
}
