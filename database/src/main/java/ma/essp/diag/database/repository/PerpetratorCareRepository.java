package ma.essp.diag.database.repository;

import static ma.essp.diag.database.jooq.Tables.CADRE;
import static ma.essp.diag.database.jooq.Tables.CIRCONSCRIPTION;
import static ma.essp.diag.database.jooq.Tables.ESSP;
import static ma.essp.diag.database.jooq.Tables.MISSION;
import static ma.essp.diag.database.jooq.Tables.PERPETRATOR_CARE_PERIOD;
import static ma.essp.diag.database.jooq.Tables.PERPETRATOR_CARE_REFERRAL;
import static ma.essp.diag.database.jooq.Tables.PERPETRATOR_CARE_SITE;
import static ma.essp.diag.database.jooq.Tables.PERPETRATOR_CARE_STAFF;
import static ma.essp.diag.database.jooq.Tables.PERPETRATOR_CARE_STAGE;
import static ma.essp.diag.database.jooq.Tables.PROVINCE;
import static ma.essp.diag.database.jooq.Tables.REGION;
import static ma.essp.diag.database.jooq.Tables.STAFF_POSITION;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import ma.essp.diag.database.code.Vocabulary;
import ma.essp.diag.database.jooq.tables.records.PerpetratorCarePeriodRecord;
import ma.essp.diag.database.jooq.tables.records.PerpetratorCareSiteRecord;
import ma.essp.diag.database.jooq.tables.records.PerpetratorCareStaffRecord;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.rules.PerpetratorCareRules;
import ma.essp.diag.database.rules.PerpetratorCareRules.Problem;
import org.jooq.DSLContext;
import org.jooq.Field;

/**
 * Reads the perpetrator-care roll-out ({@link PerpetratorCareData}) and writes it through {@link SyncedRows}, each
 * write checked against {@link PerpetratorCareRules} first: a broken rule throws {@link EditRuleException} whose rule
 * is the {@link PerpetratorCareRules.Code}'s name, and nothing is written.
 */
public final class PerpetratorCareRepository {

    private final DSLContext dsl;

    public PerpetratorCareRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public PerpetratorCareData load() {
        var s = PERPETRATOR_CARE_SITE;
        List<PerpetratorCareData.Site> sites = dsl.select(s.ID, s.VERSION, s.NAME, s.PROVINCE_ID, PROVINCE.NAME_FR,
                        PROVINCE.NAME_AR, REGION.ID, REGION.NAME_FR, REGION.NAME_AR, s.KIND, s.ESSP_ID, s.STAGE, s.STAGE_SINCE, s.NOTES)
                .from(s).join(PROVINCE).on(PROVINCE.ID.eq(s.PROVINCE_ID)).join(REGION).on(REGION.ID.eq(PROVINCE.REGION_ID))
                .where(s.DELETED.isFalse()).orderBy(REGION.CODE, PROVINCE.NAME_FR, s.NAME, s.ID)
                .fetch(r -> new PerpetratorCareData.Site(r.get(s.ID), r.get(s.VERSION), r.get(s.NAME), r.get(s.PROVINCE_ID),
                        r.get(PROVINCE.NAME_FR), r.get(PROVINCE.NAME_AR), r.get(REGION.ID), r.get(REGION.NAME_FR),
                        r.get(REGION.NAME_AR), r.get(s.KIND), r.get(s.ESSP_ID), r.get(s.STAGE), r.get(s.STAGE_SINCE), r.get(s.NOTES)));
        var g = PERPETRATOR_CARE_STAGE;
        List<PerpetratorCareData.StageStep> stages = dsl.selectFrom(g).where(g.DELETED.isFalse()).orderBy(g.SITE_ID, g.ID)
                .fetch(r -> new PerpetratorCareData.StageStep(r.getId(), r.getVersion(), r.getSiteId(), r.getStage(),
                        r.getPlannedOn(), r.getReachedOn()));
        var t = PERPETRATOR_CARE_STAFF;
        var sp = STAFF_POSITION;
        List<PerpetratorCareData.Staff> staff = dsl.select(t.ID, t.VERSION, t.SITE_ID, t.STAFF_POSITION_ID, t.FULL_NAME,
                        t.CADRE_CODE, t.ROLE, t.TRAINED_ON, t.TRAINING_HOURS, sp.DELETED, sp.STATUS, sp.HOLDER_NAME)
                .from(t).leftJoin(sp).on(sp.ID.eq(t.STAFF_POSITION_ID))
                .where(t.DELETED.isFalse()).orderBy(t.SITE_ID, t.ID)
                .fetch(r -> new PerpetratorCareData.Staff(r.get(t.ID), r.get(t.VERSION), r.get(t.SITE_ID),
                        r.get(t.STAFF_POSITION_ID), r.get(t.FULL_NAME), r.get(t.CADRE_CODE), r.get(t.ROLE),
                        r.get(t.TRAINED_ON), r.get(t.TRAINING_HOURS), Boolean.TRUE.equals(r.get(sp.DELETED)),
                        r.get(sp.STATUS), r.get(sp.HOLDER_NAME)));
        var p = PERPETRATOR_CARE_PERIOD;
        List<PerpetratorCareData.Period> periods = dsl.selectFrom(p).where(p.DELETED.isFalse())
                .orderBy(p.SITE_ID, p.PERIOD_START, p.ID)
                .fetch(r -> new PerpetratorCareData.Period(r.getId(), r.getVersion(), r.getSiteId(), r.getPeriodStart(),
                        r.getPeriodEnd(), r.getPatientsFollowed(), r.getNewPatients(), r.getSessionsHeld(), r.getDropouts()));
        var x = PERPETRATOR_CARE_REFERRAL;
        List<PerpetratorCareData.Referral> referrals = dsl.select(x.ID, x.VERSION, x.PERIOD_ID, x.SOURCE, x.REFERRALS)
                .from(x).join(p).on(p.ID.eq(x.PERIOD_ID))
                .where(x.DELETED.isFalse().and(p.DELETED.isFalse())).orderBy(x.PERIOD_ID, x.ID)
                .fetch(r -> new PerpetratorCareData.Referral(r.get(x.ID), r.get(x.VERSION), r.get(x.PERIOD_ID),
                        r.get(x.SOURCE), r.get(x.REFERRALS)));
        return new PerpetratorCareData(sites, stages, staff, periods, referrals);
    }

    // ------------------------------------------------------------------ writes

    private static void check(Optional<Problem> problem) {
        problem.ifPresent(p -> {
            throw new EditRuleException(p.code().name(), "perpetrator-care rule " + p.code() + " " + Arrays.toString(p.args()));
        });
    }

    /** Adds a site as {@link #addSite(EditContext, String, Integer, String, Integer, LocalDate)}: an ESSP site when it names an ESSP, else a hospital site. */
    public int addSite(EditContext edit, String name, Integer provinceId, Integer esspId, LocalDate identifiedOn) {
        return addSite(edit, name, provinceId, esspId == null ? "hospital" : "essp", esspId, identifiedOn);
    }

    /**
     * Adds a site of {@code kind} ({@code perpetrator_care_site.kind}; an ESSP site hosted by {@code esspId}, which
     * other kinds do not keep) at stage identified (exploration), reached on {@code identifiedOn} (may be null).
     */
    public int addSite(EditContext edit, String name, Integer provinceId, String kind, Integer esspId, LocalDate identifiedOn) {
        checkKind(kind);
        Integer hosting = "essp".equals(kind) ? esspId : null;
        check(PerpetratorCareRules.site(name, provinceId, kind, esspProvince(hosting)));
        return dsl.transactionResult(tx -> {
            DSLContext d = tx.dsl();
            PerpetratorCareSiteRecord r = d.newRecord(PERPETRATOR_CARE_SITE);
            r.setName(name.strip());
            r.setProvinceId(provinceId);
            r.setKind(kind);
            r.setEsspId(hosting);
            r.setStage("identified");
            r.setStageSince(identifiedOn);
            int id = SyncedRows.insert(d, edit, r);
            if (identifiedOn != null) {
                upsertStage(d, edit, id, "identified", Map.of(PERPETRATOR_CARE_STAGE.REACHED_ON, identifiedOn));
            }
            return id;
        });
    }

    /** Removes a site (the undo of {@link #addSite}); its stages, staff and periods are left as they are. */
    public int deleteSite(EditContext edit, int siteId, int expectedVersion) {
        return SyncedRows.softDelete(dsl, edit, PERPETRATOR_CARE_SITE, siteId, expectedVersion);
    }

    /** Puts a removed site back. */
    public int restoreSite(EditContext edit, int siteId, int expectedVersion) {
        return SyncedRows.restore(dsl, edit, PERPETRATOR_CARE_SITE, siteId, expectedVersion);
    }

    /** Renames a site and rewrites its notes. */
    public int updateSite(EditContext edit, int siteId, int expectedVersion, String name, String notes) {
        check(PerpetratorCareRules.site(name, 0));
        var s = PERPETRATOR_CARE_SITE;
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        values.put(s.NAME, name.strip());
        values.put(s.NOTES, notes == null || notes.isBlank() ? null : notes.strip());
        return SyncedRows.update(dsl, edit, s, siteId, expectedVersion, values);
    }

    /** Sets a site's kind and hosting ESSP (kept only for an ESSP site), checked as when it was added. */
    public int updateSiteKind(EditContext edit, int siteId, int expectedVersion, String kind, Integer esspId) {
        checkKind(kind);
        var s = PERPETRATOR_CARE_SITE;
        Integer provinceId = dsl.select(s.PROVINCE_ID).from(s).where(s.ID.eq(siteId)).fetchOne(s.PROVINCE_ID);
        if (provinceId == null) {
            throw new IllegalArgumentException("no site " + siteId);
        }
        Integer hosting = "essp".equals(kind) ? esspId : null;
        String name = dsl.select(s.NAME).from(s).where(s.ID.eq(siteId)).fetchOne(s.NAME);
        check(PerpetratorCareRules.site(name, provinceId, kind, esspProvince(hosting)));
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        values.put(s.KIND, kind);
        values.put(s.ESSP_ID, hosting);
        return SyncedRows.update(dsl, edit, s, siteId, expectedVersion, values);
    }

    private static void checkKind(String kind) {
        if (!Vocabulary.SITE_KIND.codes().contains(kind)) {
            throw new IllegalArgumentException("kind " + kind);
        }
    }

    /** The province of a live ESSP (through its circonscription); null for null or an unknown or deleted ESSP. */
    private Integer esspProvince(Integer esspId) {
        if (esspId == null) {
            return null;
        }
        return dsl.select(CIRCONSCRIPTION.PROVINCE_ID).from(ESSP).join(CIRCONSCRIPTION).on(CIRCONSCRIPTION.ID.eq(ESSP.CIRCONSCRIPTION_ID))
                .where(ESSP.ID.eq(esspId).and(ESSP.DELETED.isFalse())).fetchOptional(CIRCONSCRIPTION.PROVINCE_ID).orElse(null);
    }

    /** An ESSP that can host a site: its id, code and names. */
    public record EsspChoice(int id, String code, String nameFr, String nameAr) {
    }

    /** The live ESSPs of a province, by name: the ones an ESSP site of that province can name. */
    public List<EsspChoice> essps(int provinceId) {
        return dsl.select(ESSP.ID, ESSP.CODE, ESSP.NAME_FR, ESSP.NAME_AR).from(ESSP).join(CIRCONSCRIPTION)
                .on(CIRCONSCRIPTION.ID.eq(ESSP.CIRCONSCRIPTION_ID))
                .where(CIRCONSCRIPTION.PROVINCE_ID.eq(provinceId).and(ESSP.DELETED.isFalse()))
                .orderBy(ESSP.NAME_FR, ESSP.ID)
                .fetch(r -> new EsspChoice(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    /** What the stage gate reads for a site: its trained staff and its periods with patients (live rows). */
    public PerpetratorCareRules.Evidence evidence(int siteId) {
        var t = PERPETRATOR_CARE_STAFF;
        int trained = dsl.fetchCount(t, t.SITE_ID.eq(siteId).and(t.DELETED.isFalse()).and(t.TRAINED_ON.isNotNull()));
        var p = PERPETRATOR_CARE_PERIOD;
        var withPatients = dsl.selectFrom(p).where(p.SITE_ID.eq(siteId).and(p.DELETED.isFalse())
                .and(p.PATIENTS_FOLLOWED.gt(0))).orderBy(p.PERIOD_START).fetch();
        LocalDate first = withPatients.isEmpty() ? null : withPatients.getFirst().getPeriodStart();
        LocalDate last = withPatients.stream().map(PerpetratorCarePeriodRecord::getPeriodEnd).max(LocalDate::compareTo)
                .orElse(null);
        return new PerpetratorCareRules.Evidence(trained, withPatients.size(), first, last);
    }

    /**
     * Moves a site to {@code stage}, reached on {@code reachedOn}, if the stage gate lets it
     * ({@link PerpetratorCareRules#stageGate}): the site's stage and date, and the stage's row (its planned date kept).
     * Returns the site's version now.
     */
    public int moveStage(EditContext edit, int siteId, int expectedVersion, String stage, LocalDate reachedOn) {
        if (!Vocabulary.CARE_STAGE.codes().contains(stage)) {
            throw new IllegalArgumentException("stage " + stage);
        }
        var s = PERPETRATOR_CARE_SITE;
        var site = dsl.selectFrom(s).where(s.ID.eq(siteId)).fetchOne();
        if (site == null) {
            throw new IllegalArgumentException("no site " + siteId);
        }
        check(PerpetratorCareRules.stageGate(stage, reachedOn, site.getStageSince(), evidence(siteId)));
        return dsl.transactionResult(tx -> {
            DSLContext d = tx.dsl();
            Map<Field<?>, Object> values = new LinkedHashMap<>();
            values.put(s.STAGE, stage);
            values.put(s.STAGE_SINCE, reachedOn);
            int version = SyncedRows.update(d, edit, s, siteId, expectedVersion, values);
            upsertStage(d, edit, siteId, stage, Map.of(PERPETRATOR_CARE_STAGE.REACHED_ON, reachedOn));
            return version;
        });
    }

    /**
     * Puts a site back at {@code stage}, reached on {@code since}, as it was before a {@link #moveStage} to
     * {@code movedTo} (the undo of the move: going back needs no evidence, so no gate), and the date {@code movedTo}
     * was reached back to {@code movedToReachedBefore} (null: not reached). Returns the site's version now.
     */
    public int stageBack(EditContext edit, int siteId, int expectedVersion, String stage, LocalDate since, String movedTo,
                         LocalDate movedToReachedBefore) {
        if (!Vocabulary.CARE_STAGE.codes().contains(stage) || !Vocabulary.CARE_STAGE.codes().contains(movedTo)) {
            throw new IllegalArgumentException("stage " + stage + " / " + movedTo);
        }
        var s = PERPETRATOR_CARE_SITE;
        return dsl.transactionResult(tx -> {
            DSLContext d = tx.dsl();
            Map<Field<?>, Object> values = new LinkedHashMap<>();
            values.put(s.STAGE, stage);
            values.put(s.STAGE_SINCE, since);
            int version = SyncedRows.update(d, edit, s, siteId, expectedVersion, values);
            Map<Field<?>, Object> reached = new LinkedHashMap<>();
            reached.put(PERPETRATOR_CARE_STAGE.REACHED_ON, movedToReachedBefore);
            upsertStage(d, edit, siteId, movedTo, reached);
            return version;
        });
    }

    /** Sets (or clears, with null) the date a stage of a site is planned for. */
    public void setPlanned(EditContext edit, int siteId, String stage, LocalDate plannedOn) {
        if (!Vocabulary.CARE_STAGE.codes().contains(stage)) {
            throw new IllegalArgumentException("stage " + stage);
        }
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        values.put(PERPETRATOR_CARE_STAGE.PLANNED_ON, plannedOn);
        upsertStage(dsl, edit, siteId, stage, values);
    }

    private static void upsertStage(DSLContext d, EditContext edit, int siteId, String stage, Map<Field<?>, Object> values) {
        var g = PERPETRATOR_CARE_STAGE;
        var existing = d.selectFrom(g).where(g.SITE_ID.eq(siteId).and(g.STAGE.eq(stage))).fetchOne();
        Integer version = existing == null || Boolean.TRUE.equals(existing.getDeleted()) ? null : existing.getVersion();
        Map<Field<?>, Object> key = new LinkedHashMap<>();
        key.put(g.SITE_ID, siteId);
        key.put(g.STAGE, stage);
        SyncedRows.upsert(d, edit, g, key, version, values);
    }

    /** Adds a trained staff member to a site, picked from a staff record (its holder and cadre) or entered by name. */
    public int addStaff(EditContext edit, int siteId, Integer staffPositionId, String fullName, String cadreCode,
                        String role, LocalDate trainedOn, Double trainingHours) {
        boolean deleted = false;
        String name = fullName;
        String cadre = cadreCode;
        if (staffPositionId != null) {
            var sp = STAFF_POSITION;
            var position = dsl.selectFrom(sp).where(sp.ID.eq(staffPositionId)).fetchOne();
            if (position == null) {
                throw new IllegalArgumentException("no staff position " + staffPositionId);
            }
            deleted = Boolean.TRUE.equals(position.getDeleted());
            name = name == null || name.isBlank() ? position.getHolderName() : name;
            cadre = cadre == null ? position.getCadreCode() : cadre;
        }
        check(PerpetratorCareRules.staff(name, deleted, trainingHours));
        PerpetratorCareStaffRecord r = dsl.newRecord(PERPETRATOR_CARE_STAFF);
        r.setSiteId(siteId);
        r.setStaffPositionId(staffPositionId);
        r.setFullName(name.strip());
        r.setCadreCode(cadre);
        r.setRole(role == null || role.isBlank() ? null : role.strip());
        r.setTrainedOn(trainedOn);
        r.setTrainingHours(trainingHours);
        return SyncedRows.insert(dsl, edit, r);
    }

    public int deleteStaff(EditContext edit, int staffId, int expectedVersion) {
        return SyncedRows.softDelete(dsl, edit, PERPETRATOR_CARE_STAFF, staffId, expectedVersion);
    }

    /** Puts a removed trained staff member back (the undo of {@link #deleteStaff}). */
    public int restoreStaff(EditContext edit, int staffId, int expectedVersion) {
        return SyncedRows.restore(dsl, edit, PERPETRATOR_CARE_STAFF, staffId, expectedVersion);
    }

    /**
     * Adds ({@code periodId} null) or rewrites a reporting period of a site, checked against
     * {@link PerpetratorCareRules#period} (the site's other live periods, the period's referrals). Returns its id.
     */
    public int savePeriod(EditContext edit, int siteId, Integer periodId, Integer expectedVersion, LocalDate start,
                          LocalDate end, Integer followed, Integer newPatients, Integer sessions, Integer dropouts) {
        if (periodId == null) {
            return addPeriod(edit, siteId, start, end, followed, newPatients, sessions, dropouts);
        }
        updatePeriod(edit, periodId, expectedVersion, start, end, followed, newPatients, sessions, dropouts);
        return periodId;
    }

    /** Adds a reporting period to a site, checked as {@link #savePeriod}; its id (version 1). */
    public int addPeriod(EditContext edit, int siteId, LocalDate start, LocalDate end, Integer followed,
                         Integer newPatients, Integer sessions, Integer dropouts) {
        checkPeriod(siteId, null, start, end, followed, newPatients, sessions, dropouts);
        PerpetratorCarePeriodRecord r = dsl.newRecord(PERPETRATOR_CARE_PERIOD);
        r.setSiteId(siteId);
        r.setPeriodStart(start);
        r.setPeriodEnd(end);
        r.setPatientsFollowed(followed == null ? 0 : followed);
        r.setNewPatients(newPatients == null ? 0 : newPatients);
        r.setSessionsHeld(sessions);
        r.setDropouts(dropouts);
        return SyncedRows.insert(dsl, edit, r);
    }

    /** Rewrites a reporting period, checked as {@link #savePeriod}; its version now. */
    public int updatePeriod(EditContext edit, int periodId, int expectedVersion, LocalDate start, LocalDate end,
                            Integer followed, Integer newPatients, Integer sessions, Integer dropouts) {
        var p = PERPETRATOR_CARE_PERIOD;
        Integer siteId = dsl.select(p.SITE_ID).from(p).where(p.ID.eq(periodId)).fetchOne(p.SITE_ID);
        if (siteId == null) {
            throw new IllegalArgumentException("no period " + periodId);
        }
        checkPeriod(siteId, periodId, start, end, followed, newPatients, sessions, dropouts);
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        values.put(p.PERIOD_START, start);
        values.put(p.PERIOD_END, end);
        values.put(p.PATIENTS_FOLLOWED, followed == null ? 0 : followed);
        values.put(p.NEW_PATIENTS, newPatients == null ? 0 : newPatients);
        values.put(p.SESSIONS_HELD, sessions);
        values.put(p.DROPOUTS, dropouts);
        return SyncedRows.update(dsl, edit, p, periodId, expectedVersion, values);
    }

    /** {@link PerpetratorCareRules#period} against the site's other live periods and the period's live referrals. */
    private void checkPeriod(int siteId, Integer periodId, LocalDate start, LocalDate end, Integer followed,
                             Integer newPatients, Integer sessions, Integer dropouts) {
        var p = PERPETRATOR_CARE_PERIOD;
        List<PerpetratorCareRules.Span> others = dsl.selectFrom(p)
                .where(p.SITE_ID.eq(siteId).and(p.DELETED.isFalse()).and(periodId == null ? p.ID.isNotNull() : p.ID.ne(periodId)))
                .orderBy(p.PERIOD_START)
                .fetch(r -> new PerpetratorCareRules.Span(r.getPeriodStart(), r.getPeriodEnd()));
        long referrals = 0;
        if (periodId != null) {
            var x = PERPETRATOR_CARE_REFERRAL;
            referrals = dsl.select(x.REFERRALS).from(x).where(x.PERIOD_ID.eq(periodId).and(x.DELETED.isFalse()))
                    .fetch(x.REFERRALS).stream().mapToLong(Integer::longValue).sum();
        }
        check(PerpetratorCareRules.period(start, end, followed, newPatients, sessions, dropouts, referrals, others));
    }

    public int deletePeriod(EditContext edit, int periodId, int expectedVersion) {
        return SyncedRows.softDelete(dsl, edit, PERPETRATOR_CARE_PERIOD, periodId, expectedVersion);
    }

    /**
     * Puts a deleted period back (the undo of {@link #deletePeriod}), with its referrals; refused
     * ({@link PerpetratorCareRules.Code#PERIOD_OVERLAP}) when a live period of its site now covers its dates.
     */
    public int restorePeriod(EditContext edit, int periodId, int expectedVersion) {
        var p = PERPETRATOR_CARE_PERIOD;
        var row = dsl.selectFrom(p).where(p.ID.eq(periodId)).fetchOne();
        if (row == null) {
            throw new IllegalArgumentException("no period " + periodId);
        }
        List<PerpetratorCareRules.Span> others = dsl.selectFrom(p)
                .where(p.SITE_ID.eq(row.getSiteId()).and(p.DELETED.isFalse()).and(p.ID.ne(periodId)))
                .fetch(r -> new PerpetratorCareRules.Span(r.getPeriodStart(), r.getPeriodEnd()));
        for (PerpetratorCareRules.Span other : others) {
            if (!row.getPeriodStart().isAfter(other.end()) && !other.start().isAfter(row.getPeriodEnd())) {
                check(Optional.of(new Problem(PerpetratorCareRules.Code.PERIOD_OVERLAP, other.start(), other.end())));
            }
        }
        return SyncedRows.restore(dsl, edit, p, periodId, expectedVersion);
    }

    /**
     * Sets the referrals from each source in a period ({@code bySource}: source → count; a source left out is not
     * changed; a 0 with no row writes none), all or none: every count is checked against {@link PerpetratorCareRules#referrals} first.
     */
    public void setReferrals(EditContext edit, int periodId, Map<String, Integer> bySource) {
        var p = PERPETRATOR_CARE_PERIOD;
        Integer followed = dsl.select(p.PATIENTS_FOLLOWED).from(p).where(p.ID.eq(periodId)).fetchOne(p.PATIENTS_FOLLOWED);
        if (followed == null) {
            throw new IllegalArgumentException("no period " + periodId);
        }
        Set<String> known = Set.copyOf(Vocabulary.REFERRAL_SOURCE.codes());
        for (var e : bySource.entrySet()) {
            if (!known.contains(e.getKey())) {
                throw new IllegalArgumentException("source " + e.getKey());
            }
            check(PerpetratorCareRules.referrals(e.getValue(), followed));
        }
        var x = PERPETRATOR_CARE_REFERRAL;
        Map<String, Integer> versions = dsl.selectFrom(x).where(x.PERIOD_ID.eq(periodId).and(x.DELETED.isFalse()))
                .fetch().stream().collect(Collectors.toMap(r -> r.getSource(), r -> r.getVersion()));
        dsl.transaction(tx -> {
            for (var e : bySource.entrySet()) {
                if (e.getValue() == 0 && !versions.containsKey(e.getKey())) {
                    continue;
                }
                Map<Field<?>, Object> key = new LinkedHashMap<>();
                key.put(x.PERIOD_ID, periodId);
                key.put(x.SOURCE, e.getKey());
                SyncedRows.upsert(tx.dsl(), edit, x, key, versions.get(e.getKey()), Map.of(x.REFERRALS, e.getValue()));
            }
        });
    }

    /** The mission's as-of date (the day its figures stand for); null when not set. */
    public LocalDate missionAsOf() {
        return dsl.select(MISSION.AS_OF_DATE).from(MISSION).limit(1).fetchOptional(MISSION.AS_OF_DATE).orElse(null);
    }

    /** A province a site can be in: its names and its region's French name. */
    public record ProvinceChoice(int id, String nameFr, String nameAr, String regionFr) {
    }

    /** Every live province, by region code and name. */
    public List<ProvinceChoice> provinces() {
        return dsl.select(PROVINCE.ID, PROVINCE.NAME_FR, PROVINCE.NAME_AR, REGION.NAME_FR).from(PROVINCE)
                .join(REGION).on(REGION.ID.eq(PROVINCE.REGION_ID)).where(PROVINCE.DELETED.isFalse())
                .orderBy(REGION.CODE, PROVINCE.NAME_FR)
                .fetch(r -> new ProvinceChoice(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    /** A cadre's labels in French, English and Arabic, by code. */
    public record CadreLabel(String fr, String en, String ar) {
    }

    public Map<String, CadreLabel> cadres() {
        Map<String, CadreLabel> out = new LinkedHashMap<>();
        dsl.select(CADRE.CODE, CADRE.LABEL_FR, CADRE.LABEL_EN, CADRE.LABEL_AR).from(CADRE).orderBy(CADRE.CODE)
                .forEach(r -> out.put(r.value1(), new CadreLabel(r.value2(), r.value3(), r.value4())));
        return out;
    }

    /** Staff records that can be picked as trained staff: as for the training's participants. */
    public List<TrainingRepository.StaffCandidate> staffCandidates(String search, int limit) {
        return new TrainingRepository(dsl).staffCandidates(search, limit);
    }
}
