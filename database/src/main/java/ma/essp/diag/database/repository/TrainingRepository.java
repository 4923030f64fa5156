package ma.essp.diag.database.repository;

import static ma.essp.diag.database.jooq.Tables.STAFF_POSITION;
import static ma.essp.diag.database.jooq.Tables.TRAINING_ATTENDANCE;
import static ma.essp.diag.database.jooq.Tables.TRAINING_COHORT;
import static ma.essp.diag.database.jooq.Tables.TRAINING_COST;
import static ma.essp.diag.database.jooq.Tables.TRAINING_PARTICIPANT;
import static ma.essp.diag.database.jooq.Tables.TRAINING_PROGRAMME;
import static ma.essp.diag.database.jooq.Tables.TRAINING_SESSION;

import static ma.essp.diag.database.jooq.Tables.CADRE;
import static ma.essp.diag.database.jooq.Tables.CALENDAR_CONTEXT;
import static ma.essp.diag.database.jooq.Tables.ESSP;
import static ma.essp.diag.database.jooq.Tables.STRUCTURE;
import static ma.essp.diag.database.jooq.Tables.CIRCONSCRIPTION;
import static ma.essp.diag.database.jooq.Tables.PROVINCE;
import static ma.essp.diag.database.jooq.Tables.REGION;
import static ma.essp.diag.database.jooq.Tables.TRAINING_COHORT_QUOTA;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.lower;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import ma.essp.diag.database.jooq.tables.records.CalendarContextRecord;
import ma.essp.diag.database.jooq.tables.records.TrainingCostRecord;
import ma.essp.diag.database.jooq.tables.records.TrainingParticipantRecord;
import ma.essp.diag.database.jooq.tables.records.TrainingSessionRecord;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.rules.TrainingRules;
import ma.essp.diag.database.rules.TrainingRules.Problem;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;

/**
 * Reads the training plan ({@link TrainingData}): every live programme, cohort, session, participant, attendance and
 * cost; writes sessions, participants, attendance and cost lines through {@link SyncedRows}, each checked against
 * {@link TrainingRules} first: a broken rule throws {@link EditRuleException} whose rule is the
 * {@link TrainingRules.Code}'s name, and nothing is written.
 */
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
                        r.getAmountMad() == null ? 0 : r.getAmountMad(), r.getKind(), r.getFundingLine(), r.getNotes(),
                        r.getExpertOrigin()));
        return new TrainingData(programmes, cohorts, sessions, participants, attendance, costs);
    }

    // ------------------------------------------------------------------ writes

    private static void check(Optional<Problem> problem) {
        problem.ifPresent(p -> {
            throw new EditRuleException(p.code().name(), "training rule " + p.code() + " " + java.util.Arrays.toString(p.args()));
        });
    }

    /** Records the hours a participant attended a session (present when hours &gt; 0 or {@code present}). */
    public SyncedRows.Written setAttendance(EditContext edit, int sessionId, int participantId, Integer expectedVersion,
                                            boolean present, Double hoursAttended) {
        var s = TRAINING_SESSION;
        Double sessionHours = dsl.select(s.HOURS).from(s).where(s.ID.eq(sessionId)).fetchOne(s.HOURS);
        if (sessionHours == null) {
            throw new IllegalArgumentException("no session " + sessionId);
        }
        check(TrainingRules.hoursAttended(hoursAttended, sessionHours));
        var a = TRAINING_ATTENDANCE;
        Map<Field<?>, Object> key = new LinkedHashMap<>();
        key.put(a.SESSION_ID, sessionId);
        key.put(a.PARTICIPANT_ID, participantId);
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        values.put(a.PRESENT, present || (hoursAttended != null && hoursAttended > 0));
        values.put(a.HOURS_ATTENDED, hoursAttended);
        return SyncedRows.upsert(dsl, edit, a, key, expectedVersion, values);
    }

    /** Adds a session to a cohort: a title, dates inside the cohort's, hours ≥ 0. */
    public int addSession(EditContext edit, int cohortId, String title, LocalDate startsOn, LocalDate endsOn, Double hours,
                          String place, String trainers) {
        var c = TRAINING_COHORT;
        var cohort = dsl.selectFrom(c).where(c.ID.eq(cohortId)).fetchOne();
        if (cohort == null) {
            throw new IllegalArgumentException("no cohort " + cohortId);
        }
        check(TrainingRules.title(title));
        check(TrainingRules.sessionDates(startsOn, endsOn, cohort.getStartsOn(), cohort.getEndsOn()));
        check(hours == null ? Optional.of(new Problem(TrainingRules.Code.NOT_A_NUMBER)) : TrainingRules.hours(hours));
        TrainingSessionRecord r = dsl.newRecord(TRAINING_SESSION);
        r.setCohortId(cohortId);
        r.setTitle(title.strip());
        r.setStartsOn(startsOn);
        r.setEndsOn(endsOn);
        r.setHours(hours);
        r.setPlace(blankToNull(place));
        r.setTrainers(blankToNull(trainers));
        return SyncedRows.insert(dsl, edit, r);
    }

    /** Adds a participant picked from a staff record (or entered by name when {@code staffPositionId} is null). */
    public int addParticipant(EditContext edit, int cohortId, Integer staffPositionId, String fullName, String jobTitle,
                              String gender) {
        var c = TRAINING_COHORT;
        Integer seats = dsl.select(c.SEATS).from(c).where(c.ID.eq(cohortId)).fetchOne(c.SEATS);
        var tp = TRAINING_PARTICIPANT;
        List<TrainingRules.Enrolled> enrolled = dsl.select(tp.STAFF_POSITION_ID, tp.FULL_NAME).from(tp)
                .where(tp.COHORT_ID.eq(cohortId).and(tp.DELETED.isFalse()))
                .fetch(r -> new TrainingRules.Enrolled(r.value1(), r.value2()));
        Integer structureId = null;
        Integer esspId = null;
        boolean staffDeleted = false;
        if (staffPositionId != null) {
            var sp = STAFF_POSITION;
            var position = dsl.selectFrom(sp).where(sp.ID.eq(staffPositionId)).fetchOne();
            if (position == null) {
                throw new IllegalArgumentException("no staff position " + staffPositionId);
            }
            staffDeleted = Boolean.TRUE.equals(position.getDeleted());
            structureId = position.getStructureId();
            esspId = position.getEsspId();
        }
        check(TrainingRules.newParticipant(staffPositionId, fullName, staffDeleted, enrolled, seats));
        Integer region = regionOf(structureId, esspId);
        if (region != null) {
            var q = TRAINING_COHORT_QUOTA;
            Integer quota = dsl.select(q.SEATS).from(q).where(q.COHORT_ID.eq(cohortId).and(q.REGION_ID.eq(region))
                    .and(q.DELETED.isFalse())).fetchOne(q.SEATS);
            long fromRegion = participantRegions(cohortId).values().stream().filter(region::equals).count();
            check(TrainingRules.quota(quota, (int) fromRegion));
        }
        TrainingParticipantRecord r = dsl.newRecord(tp);
        r.setCohortId(cohortId);
        r.setStaffPositionId(staffPositionId);
        r.setStructureId(structureId);
        r.setEsspId(esspId);
        r.setFullName(fullName.strip());
        r.setJobTitle(blankToNull(jobTitle));
        r.setGender(gender);
        r.setStatus("enrolled");
        return SyncedRows.insert(dsl, edit, r);
    }

    /**
     * Adds a cost line, unit cost × units (units 1 for a lump sum without units); {@code expertOrigin} (moroccan or
     * european) on an expert-day line only ({@link TrainingRules#costLine}).
     */
    public int addCostLine(EditContext edit, int cohortId, String item, String unit, Double unitCost, Double units,
                           String kind, String fundingLine, String expertOrigin) {
        check(TrainingRules.costLine(unit, unitCost, units, expertOrigin));
        double count = units == null ? 1 : units;
        TrainingCostRecord r = dsl.newRecord(TRAINING_COST);
        r.setCohortId(cohortId);
        r.setItem(item);
        r.setUnit(unit);
        r.setUnitCostMad(unitCost);
        r.setUnits(count);
        r.setAmountMad(unitCost * count);
        r.setKind(kind);
        r.setFundingLine(blankToNull(fundingLine));
        r.setExpertOrigin(blankToNull(expertOrigin));
        return SyncedRows.insert(dsl, edit, r);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    // ------------------------------------------------------------------ staff records

    /**
     * A staff record that can be picked as a participant: its holder, job, cadre, where they work
     * ({@code structureKind}: the structure's kind, or {@code essp}) and its name.
     */
    public record StaffCandidate(int positionId, String holderName, String jobTitle, String gender, String cadreCode,
                                 String cadreFr, String cadreEn, String cadreAr, String structureKind, String placeName) {
    }

    /**
     * Live, filled staff records with a holder whose name, job, cadre (in any language) or structure / ESSP name
     * contains {@code search} (case-insensitive; blank: all), by name, at most {@code limit}.
     */
    public List<StaffCandidate> staffCandidates(String search, int limit) {
        var sp = STAFF_POSITION;
        Field<String> kind = coalesce(STRUCTURE.KIND, inline("essp"));
        Field<String> place = coalesce(STRUCTURE.NAME_FR, ESSP.NAME_FR);
        Condition condition = sp.DELETED.isFalse().and(sp.HOLDER_NAME.isNotNull()).and(sp.STATUS.ne("vacant"));
        if (search != null && !search.isBlank()) {
            String like = "%" + search.strip().toLowerCase(Locale.ROOT).replace("%", "").replace("_", "") + "%";
            condition = condition.and(lower(sp.HOLDER_NAME).like(like).or(lower(sp.JOB_TITLE).like(like))
                    .or(lower(CADRE.LABEL_FR).like(like)).or(lower(CADRE.LABEL_EN).like(like)).or(CADRE.LABEL_AR.like(like))
                    .or(lower(place).like(like)));
        }
        return dsl.select(sp.ID, sp.HOLDER_NAME, sp.JOB_TITLE, sp.GENDER, sp.CADRE_CODE, CADRE.LABEL_FR, CADRE.LABEL_EN,
                        CADRE.LABEL_AR, kind, place)
                .from(sp).join(CADRE).on(CADRE.CODE.eq(sp.CADRE_CODE))
                .leftJoin(STRUCTURE).on(STRUCTURE.ID.eq(sp.STRUCTURE_ID))
                .leftJoin(ESSP).on(ESSP.ID.eq(sp.ESSP_ID))
                .where(condition).orderBy(sp.HOLDER_NAME, sp.ID).limit(limit)
                .fetch(r -> new StaffCandidate(r.get(sp.ID), r.get(sp.HOLDER_NAME), r.get(sp.JOB_TITLE), r.get(sp.GENDER),
                        r.get(sp.CADRE_CODE), r.get(CADRE.LABEL_FR), r.get(CADRE.LABEL_EN), r.get(CADRE.LABEL_AR),
                        r.get(kind), r.get(place)));
    }

    // ------------------------------------------------------------------ calendar context (V9)

    /** A public holiday or the Ramadan period (both ends included), the calendar's context. */
    public record CalendarContext(int id, int version, String kind, LocalDate startsOn, LocalDate endsOn, String labelFr,
                                  String labelEn, String labelAr) {
    }

    /** Every live context row, by start date. */
    public List<CalendarContext> calendarContext() {
        var k = CALENDAR_CONTEXT;
        return dsl.selectFrom(k).where(k.DELETED.isFalse()).orderBy(k.STARTS_ON, k.ID)
                .fetch(r -> new CalendarContext(r.getId(), r.getVersion(), r.getKind(), r.getStartsOn(), r.getEndsOn(),
                        r.getLabelFr(), r.getLabelEn(), r.getLabelAr()));
    }

    /** Adds a holiday or a Ramadan period; the label is used in the three languages when only one is given. */
    public int addCalendarContext(EditContext edit, String kind, LocalDate startsOn, LocalDate endsOn, String label) {
        check(TrainingRules.title(label));
        check(TrainingRules.sessionDates(startsOn, endsOn, null, null));
        if (!"public_holiday".equals(kind) && !"ramadan".equals(kind)) {
            throw new IllegalArgumentException("kind " + kind);
        }
        CalendarContextRecord r = dsl.newRecord(CALENDAR_CONTEXT);
        r.setKind(kind);
        r.setStartsOn(startsOn);
        r.setEndsOn(endsOn);
        r.setLabelFr(label.strip());
        r.setLabelEn(label.strip());
        r.setLabelAr(label.strip());
        return SyncedRows.insert(dsl, edit, r);
    }

    /** Soft-deletes a context row (a holiday seeded wrongly). */
    public int deleteCalendarContext(EditContext edit, int id, int expectedVersion) {
        return SyncedRows.softDelete(dsl, edit, CALENDAR_CONTEXT, id, expectedVersion);
    }

    /** Soft-deletes an attendance row (undoing its first recording); its version now. */
    public int deleteAttendance(EditContext edit, int id, int expectedVersion) {
        return SyncedRows.softDelete(dsl, edit, TRAINING_ATTENDANCE, id, expectedVersion);
    }

    /** Brings a soft-deleted attendance row back; its version now. */
    public int restoreAttendance(EditContext edit, int id, int expectedVersion) {
        return SyncedRows.restore(dsl, edit, TRAINING_ATTENDANCE, id, expectedVersion);
    }

    /** Brings a soft-deleted context row back; its version now. */
    public int restoreCalendarContext(EditContext edit, int id, int expectedVersion) {
        return SyncedRows.restore(dsl, edit, CALENDAR_CONTEXT, id, expectedVersion);
    }

    /** Soft-deletes a session (undoing its creation); its version now. */
    public int deleteSession(EditContext edit, int id, int expectedVersion) {
        return SyncedRows.softDelete(dsl, edit, TRAINING_SESSION, id, expectedVersion);
    }

    /** Brings a soft-deleted session back; its version now. */
    public int restoreSession(EditContext edit, int id, int expectedVersion) {
        return SyncedRows.restore(dsl, edit, TRAINING_SESSION, id, expectedVersion);
    }

    /** Soft-deletes a participant (undoing their enrolment); its version now. */
    public int deleteParticipant(EditContext edit, int id, int expectedVersion) {
        return SyncedRows.softDelete(dsl, edit, TRAINING_PARTICIPANT, id, expectedVersion);
    }

    /** Brings a soft-deleted participant back; its version now. */
    public int restoreParticipant(EditContext edit, int id, int expectedVersion) {
        return SyncedRows.restore(dsl, edit, TRAINING_PARTICIPANT, id, expectedVersion);
    }

    /**
     * The map outline of each province (its ISO code; a préfecture d'arrondissements: its prefecture's), for the needs
     * map of the Formation screen ({@link TerritoryRepository#outlineCodes}).
     */
    public java.util.Map<Integer, String> provinceOutlineCodes() {
        return new TerritoryRepository(dsl).outlineCodes();
    }

    /** What the training needs are derived from ({@link TrainingNeedsRepository}). */
    public TrainingNeedsData needsData() {
        return new TrainingNeedsRepository(dsl).load();
    }

    /**
     * Says whose experts an expert-day cost line pays (moroccan or european), e.g. on a line written before V28; the
     * line must still be at {@code expectedVersion}. Refused ({@link TrainingRules#costLine}) on a line of another unit
     * and for anything but the two origins; its version now.
     */
    public int setCostLineOrigin(EditContext edit, int id, int expectedVersion, String expertOrigin) {
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            TrainingCostRecord r = tx.selectFrom(TRAINING_COST).where(TRAINING_COST.ID.eq(id)).fetchOne();
            if (r == null) {
                throw new IllegalArgumentException("no cost line " + id);
            }
            check(TrainingRules.costLine(r.getUnit() == null ? "lump_sum" : r.getUnit(),
                    r.getUnitCostMad() == null ? r.getAmountMad() : r.getUnitCostMad(), r.getUnits(), expertOrigin));
            return SyncedRows.update(tx, edit, TRAINING_COST, id, expectedVersion,
                    Map.of(TRAINING_COST.EXPERT_ORIGIN, expertOrigin));
        });
    }

    /**
     * Puts "not stated" back on an expert-day line (the undo of {@link #setCostLineOrigin} on a line written before
     * V28, the only way back to no origin); its version now.
     */
    public int unstateCostLineOrigin(EditContext edit, int id, int expectedVersion) {
        Map<org.jooq.Field<?>, Object> change = new java.util.HashMap<>();
        change.put(TRAINING_COST.EXPERT_ORIGIN, null);
        return SyncedRows.update(dsl, edit, TRAINING_COST, id, expectedVersion, change);
    }

    /** Soft-deletes a cost line; its version now. */
    public int deleteCostLine(EditContext edit, int id, int expectedVersion) {
        return SyncedRows.softDelete(dsl, edit, TRAINING_COST, id, expectedVersion);
    }

    /** Brings a soft-deleted cost line back; its version now. */
    public int restoreCostLine(EditContext edit, int id, int expectedVersion) {
        return SyncedRows.restore(dsl, edit, TRAINING_COST, id, expectedVersion);
    }

    // ------------------------------------------------------------------ editing cohorts and sessions

    /**
     * Changes a session's title, dates, hours, place and trainers if it is still at {@code expectedVersion}: dates inside
     * its cohort's, hours more than 0 and no fewer than a participant already attended ({@link TrainingRules#editedSession});
     * its version now.
     */
    public int updateSession(EditContext edit, int id, int expectedVersion, String title, LocalDate startsOn,
                             LocalDate endsOn, Double hours, String place, String trainers) {
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            var s = TRAINING_SESSION;
            var c = TRAINING_COHORT;
            var row = tx.select(c.STARTS_ON, c.ENDS_ON).from(s).join(c).on(c.ID.eq(s.COHORT_ID)).where(s.ID.eq(id)).fetchOne();
            if (row == null) {
                throw new IllegalArgumentException("no session " + id);
            }
            var a = TRAINING_ATTENDANCE;
            Double most = tx.select(org.jooq.impl.DSL.max(a.HOURS_ATTENDED)).from(a)
                    .where(a.SESSION_ID.eq(id).and(a.DELETED.isFalse())).fetchOne().value1();
            check(TrainingRules.editedSession(title, startsOn, endsOn, hours, row.value1(), row.value2(),
                    most == null ? 0 : most));
            Map<Field<?>, Object> values = new LinkedHashMap<>();
            values.put(s.TITLE, title.strip());
            values.put(s.STARTS_ON, startsOn);
            values.put(s.ENDS_ON, endsOn);
            values.put(s.HOURS, hours);
            values.put(s.PLACE, blankToNull(place));
            values.put(s.TRAINERS, blankToNull(trainers));
            return SyncedRows.update(tx, edit, s, id, expectedVersion, values);
        });
    }

    /**
     * Changes a cohort's name, dates, seats, place and status if it is still at {@code expectedVersion}: dates around its
     * sessions, seats not fewer than its participants ({@link TrainingRules#editedCohort}); its version now.
     */
    public int updateCohort(EditContext edit, int id, int expectedVersion, String name, LocalDate startsOn,
                            LocalDate endsOn, Integer seats, String place, String status) {
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            var s = TRAINING_SESSION;
            List<LocalDate[]> sessions = tx.select(s.STARTS_ON, s.ENDS_ON).from(s)
                    .where(s.COHORT_ID.eq(id).and(s.DELETED.isFalse()))
                    .fetch(r -> new LocalDate[] {r.value1(), r.value2()});
            var tp = TRAINING_PARTICIPANT;
            int enrolled = tx.fetchCount(tp, tp.COHORT_ID.eq(id).and(tp.DELETED.isFalse()));
            check(TrainingRules.editedCohort(name, startsOn, endsOn, seats, enrolled, sessions));
            var c = TRAINING_COHORT;
            Map<Field<?>, Object> values = new LinkedHashMap<>();
            values.put(c.NAME, name.strip());
            values.put(c.STARTS_ON, startsOn);
            values.put(c.ENDS_ON, endsOn);
            values.put(c.SEATS, seats);
            values.put(c.PLACE, blankToNull(place));
            values.put(c.STATUS, status);
            return SyncedRows.update(tx, edit, c, id, expectedVersion, values);
        });
    }

    /**
     * What deleting a cohort took with it, each row at the version the deletion left it: its sessions, participants and
     * cost lines (attendance rows hang on the sessions and participants and stay as they are).
     */
    public record CohortDeletion(int id, int version, Map<Integer, Integer> sessions, Map<Integer, Integer> participants,
                                 Map<Integer, Integer> costs) {
    }

    /** Deletes a cohort (soft) with its sessions, participants and cost lines, all or none; what it took. */
    public CohortDeletion deleteCohort(EditContext edit, int id, int expectedVersion) {
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            int version = SyncedRows.softDelete(tx, edit, TRAINING_COHORT, id, expectedVersion);
            var s = TRAINING_SESSION;
            var tp = TRAINING_PARTICIPANT;
            var k = TRAINING_COST;
            Map<Integer, Integer> sessions = live(tx.select(s.ID, s.VERSION).from(s).where(s.COHORT_ID.eq(id).and(s.DELETED.isFalse())));
            Map<Integer, Integer> people = live(tx.select(tp.ID, tp.VERSION).from(tp).where(tp.COHORT_ID.eq(id).and(tp.DELETED.isFalse())));
            Map<Integer, Integer> costs = live(tx.select(k.ID, k.VERSION).from(k).where(k.COHORT_ID.eq(id).and(k.DELETED.isFalse())));
            return new CohortDeletion(id, version, versions(SyncedRows.softDeleteAll(tx, edit, s, sessions)),
                    versions(SyncedRows.softDeleteAll(tx, edit, tp, people)), versions(SyncedRows.softDeleteAll(tx, edit, k, costs)));
        });
    }

    /**
     * Undoes {@link #deleteCohort}: the cohort, its sessions, participants and cost lines live again, all or none (a row
     * changed since by someone else throws {@link StaleEditException}); the versions they now have.
     */
    public CohortDeletion restoreCohort(EditContext edit, CohortDeletion deletion) {
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            int version = SyncedRows.restore(tx, edit, TRAINING_COHORT, deletion.id(), deletion.version());
            return new CohortDeletion(deletion.id(), version,
                    versions(SyncedRows.restoreAll(tx, edit, TRAINING_SESSION, deletion.sessions())),
                    versions(SyncedRows.restoreAll(tx, edit, TRAINING_PARTICIPANT, deletion.participants())),
                    versions(SyncedRows.restoreAll(tx, edit, TRAINING_COST, deletion.costs())));
        });
    }

    private static Map<Integer, Integer> live(org.jooq.ResultQuery<org.jooq.Record2<Integer, Integer>> query) {
        Map<Integer, Integer> versions = new LinkedHashMap<>();
        query.forEach(r -> versions.put(r.value1(), r.value2()));
        return versions;
    }

    private static Map<Integer, Integer> versions(List<SyncedRows.Written> written) {
        Map<Integer, Integer> versions = new LinkedHashMap<>();
        written.forEach(w -> versions.put(w.id(), w.version()));
        return versions;
    }

    // ------------------------------------------------------------------ regions: quotas and balance

    /** A region as the Formation screen names it. */
    public record RegionName(int id, String nameFr, String nameAr) {
    }

    /** A cohort's quota of seats for a region (V20). */
    public record Quota(int id, int version, int cohortId, int regionId, int seats) {
    }

    /**
     * Where the participants come from and the cohorts' regional quotas: for each live participant of the mission (or of
     * cohort {@code cohortId} when not null) the region of their structure (its own, else its province's or
     * circonscription's) or of their ESSP; participants with neither are left out.
     */
    public Map<Integer, Integer> participantRegions(Integer cohortId) {
        var tp = TRAINING_PARTICIPANT;
        var st = STRUCTURE.as("st");
        var stProvince = PROVINCE.as("st_province");
        var stCirc = CIRCONSCRIPTION.as("st_circ");
        var stCircProvince = PROVINCE.as("st_circ_province");
        var e = ESSP.as("e");
        var eCirc = CIRCONSCRIPTION.as("e_circ");
        var eProvince = PROVINCE.as("e_province");
        Field<Integer> region = coalesce(st.REGION_ID, stProvince.REGION_ID, stCircProvince.REGION_ID, eProvince.REGION_ID);
        Condition which = tp.DELETED.isFalse();
        if (cohortId != null) {
            which = which.and(tp.COHORT_ID.eq(cohortId));
        }
        Map<Integer, Integer> out = new LinkedHashMap<>();
        dsl.select(tp.ID, region).from(tp)
                .leftJoin(st).on(st.ID.eq(tp.STRUCTURE_ID))
                .leftJoin(stProvince).on(stProvince.ID.eq(st.PROVINCE_ID))
                .leftJoin(stCirc).on(stCirc.ID.eq(st.CIRCONSCRIPTION_ID))
                .leftJoin(stCircProvince).on(stCircProvince.ID.eq(stCirc.PROVINCE_ID))
                .leftJoin(e).on(e.ID.eq(tp.ESSP_ID))
                .leftJoin(eCirc).on(eCirc.ID.eq(e.CIRCONSCRIPTION_ID))
                .leftJoin(eProvince).on(eProvince.ID.eq(eCirc.PROVINCE_ID))
                .where(which).orderBy(tp.ID)
                .forEach(r -> {
                    if (r.value2() != null) {
                        out.put(r.value1(), r.value2());
                    }
                });
        return out;
    }

    /** The region of a structure (its own, else its province's or circonscription's) or of an ESSP; null when neither. */
    private Integer regionOf(Integer structureId, Integer esspId) {
        if (structureId != null) {
            var st = STRUCTURE;
            var row = dsl.select(st.REGION_ID, st.PROVINCE_ID, st.CIRCONSCRIPTION_ID).from(st).where(st.ID.eq(structureId)).fetchOne();
            if (row != null && row.value1() != null) {
                return row.value1();
            }
            if (row != null && row.value2() != null) {
                return dsl.select(PROVINCE.REGION_ID).from(PROVINCE).where(PROVINCE.ID.eq(row.value2())).fetchOne(PROVINCE.REGION_ID);
            }
            if (row != null && row.value3() != null) {
                return provinceRegion(CIRCONSCRIPTION.ID.eq(row.value3()));
            }
        }
        if (esspId != null) {
            Integer circ = dsl.select(ESSP.CIRCONSCRIPTION_ID).from(ESSP).where(ESSP.ID.eq(esspId)).fetchOne(ESSP.CIRCONSCRIPTION_ID);
            return circ == null ? null : provinceRegion(CIRCONSCRIPTION.ID.eq(circ));
        }
        return null;
    }

    private Integer provinceRegion(Condition circonscription) {
        return dsl.select(PROVINCE.REGION_ID).from(CIRCONSCRIPTION).join(PROVINCE).on(PROVINCE.ID.eq(CIRCONSCRIPTION.PROVINCE_ID))
                .where(circonscription).fetchOne(PROVINCE.REGION_ID);
    }

    public List<RegionName> regions() {
        return dsl.select(REGION.ID, REGION.NAME_FR, REGION.NAME_AR).from(REGION).where(REGION.DELETED.isFalse())
                .orderBy(REGION.CODE).fetch(r -> new RegionName(r.value1(), r.value2(), r.value3()));
    }

    /** The live quotas of every cohort. */
    public List<Quota> quotas() {
        var q = TRAINING_COHORT_QUOTA;
        return dsl.selectFrom(q).where(q.DELETED.isFalse()).orderBy(q.COHORT_ID, q.REGION_ID)
                .fetch(r -> new Quota(r.getId(), r.getVersion(), r.getCohortId(), r.getRegionId(), r.getSeats()));
    }

    /**
     * Sets ({@code seats} not null) or removes (null: soft-deleted) a cohort's quota for a region; the editor saw the live
     * row at {@code expectedVersion} (null: no live row). A quota below the participants already from the region is
     * refused ({@link TrainingRules#quotaSeats}). The row written and its version; null when there was nothing to remove.
     */
    public SyncedRows.Written setQuota(EditContext edit, int cohortId, int regionId, Integer expectedVersion, Integer seats) {
        var q = TRAINING_COHORT_QUOTA;
        if (seats == null) {
            var live = dsl.selectFrom(q).where(q.COHORT_ID.eq(cohortId).and(q.REGION_ID.eq(regionId))).fetchOne();
            if (live == null || Boolean.TRUE.equals(live.getDeleted())) {
                return null;
            }
            int version = SyncedRows.softDelete(dsl, edit, q, live.getId(), expectedVersion == null ? 0 : expectedVersion);
            return new SyncedRows.Written(live.getId(), version, live);
        }
        long fromRegion = participantRegions(cohortId).values().stream().filter(r -> r == regionId).count();
        check(TrainingRules.quotaSeats(seats, (int) fromRegion));
        Map<Field<?>, Object> key = new LinkedHashMap<>();
        key.put(q.COHORT_ID, cohortId);
        key.put(q.REGION_ID, regionId);
        return SyncedRows.upsert(dsl, edit, q, key, expectedVersion, Map.of(q.SEATS, seats));
    }
}
