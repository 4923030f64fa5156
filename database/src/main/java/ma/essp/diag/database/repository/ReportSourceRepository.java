package ma.essp.diag.database.repository;

import static ma.essp.diag.database.jooq.Tables.CADRE;
import static ma.essp.diag.database.jooq.Tables.CIRCONSCRIPTION;
import static ma.essp.diag.database.jooq.Tables.CIRCONSCRIPTION_FUNCTION;
import static ma.essp.diag.database.jooq.Tables.COMPLAINT_SAMPLE;
import static ma.essp.diag.database.jooq.Tables.COMPLAINT_SYSTEM;
import static ma.essp.diag.database.jooq.Tables.DATA_FLOW;
import static ma.essp.diag.database.jooq.Tables.DATA_FLOW_OBSERVATION;
import static ma.essp.diag.database.jooq.Tables.ESSP;
import static ma.essp.diag.database.jooq.Tables.ESSP_CATEGORY;
import static ma.essp.diag.database.jooq.Tables.HR_FUNCTION;
import static ma.essp.diag.database.jooq.Tables.HR_RELATION;
import static ma.essp.diag.database.jooq.Tables.MISSION;
import static ma.essp.diag.database.jooq.Tables.TEAM_MEMBER;
import static ma.essp.diag.database.jooq.Tables.PROVINCE;
import static ma.essp.diag.database.jooq.Tables.REGION;
import static ma.essp.diag.database.jooq.Tables.REPORT_TYPE;
import static ma.essp.diag.database.jooq.Tables.STRUCTURE;
import static ma.essp.diag.database.jooq.Tables.SUPERVISION_VISIT;
import static ma.essp.diag.database.jooq.Tables.TRAINING_ATTENDANCE;
import static ma.essp.diag.database.jooq.Tables.TRAINING_COHORT;
import static ma.essp.diag.database.jooq.Tables.TRAINING_PARTICIPANT;
import static ma.essp.diag.database.jooq.Tables.TRAINING_PROGRAMME;
import static ma.essp.diag.database.jooq.Tables.TRAINING_PROJECT;
import static ma.essp.diag.database.jooq.Tables.TRAINING_SESSION;
import static org.jooq.impl.DSL.coalesce;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.inline;
import static org.jooq.impl.DSL.least;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.selectCount;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.when;

import java.util.List;
import ma.essp.diag.database.repository.ReportSourceData.Label;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;

/**
 * Loads {@link ReportSourceData} in one query per table (aggregated in the database where the raw rows are many),
 * written with jOOQ's DSL on the generated tables so that it renders for any dialect jOOQ supports.
 */
public final class ReportSourceRepository {

    private final DSLContext dsl;

    public ReportSourceRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    public ReportSourceData load() {
        return new ReportSourceData(mission(), regions(), provinces(), circonscriptions(), categories(), essps(),
                cadres(), hrFunctions(), hrRelations(), circonscriptionFunctions(), dataFlows(),
                flowObservations(), complaintSystems(), complaintSamples(), new PerpetratorCareRepository(dsl).load(), cohorts(), sessions(),
                new FindingRepository(dsl).load(), supervisionVisits(), new DataFlowRepository(dsl).load(),
                new TrainingRepository(dsl).load(), new TrainingOutcomeRepository(dsl).load());
    }

    private static int int0(Number n) {
        return n == null ? 0 : n.intValue();
    }

    private static long long0(Number n) {
        return n == null ? 0 : n.longValue();
    }

    private static double double0(Number n) {
        return n == null ? 0 : n.doubleValue();
    }

    private static boolean bool(Boolean b) {
        return Boolean.TRUE.equals(b);
    }

    /** A count of the live rows of {@code table} matching {@code where}, as a scalar subquery. */
    private static Field<Integer> countOf(Table<?> table, Condition where) {
        return field(selectCount().from(table).where(where));
    }

    // mission, territory and complaints are public for the readers that need only those parts of the report source
    // (the findings board: the complaint figures a finding cites)

    public ReportSourceData.Mission mission() {
        Field<Long> seed = MISSION.DEMO_SEED.coerce(Long.class);
        List<ReportSourceData.TeamMember> team = dsl.select(TEAM_MEMBER.FULL_NAME, TEAM_MEMBER.ROLE, TEAM_MEMBER.INITIALS)
                .from(TEAM_MEMBER).where(TEAM_MEMBER.DELETED.isFalse()).orderBy(TEAM_MEMBER.FULL_NAME, TEAM_MEMBER.ID)
                .fetch(r -> new ReportSourceData.TeamMember(r.value1(), r.value2(), r.value3()));
        return dsl.select(MISSION.NAME, MISSION.DESCRIPTION, MISSION.BENEFICIARY, MISSION.FUNDER, MISSION.STARTED_ON,
                        MISSION.ENDED_ON, MISSION.AS_OF_DATE, MISSION.SYNTHETIC, MISSION.DEMO_SCALE, seed)
                .from(MISSION).where(MISSION.DELETED.isFalse()).orderBy(MISSION.ID).limit(1)
                .fetchOptional(r -> new ReportSourceData.Mission(r.get(MISSION.NAME), r.get(MISSION.DESCRIPTION),
                        r.get(MISSION.BENEFICIARY), r.get(MISSION.FUNDER), r.get(MISSION.STARTED_ON),
                        r.get(MISSION.ENDED_ON), r.get(MISSION.AS_OF_DATE), bool(r.get(MISSION.SYNTHETIC)),
                        r.get(MISSION.DEMO_SCALE), r.get(seed), team))
                .orElse(new ReportSourceData.Mission("", null, null, null, null, null, null, false, null, null, team));
    }

    public List<ReportSourceData.Region> regions() {
        var gst = STRUCTURE.as("g");
        Field<java.time.LocalDate> takeover = field(select(gst.TAKEOVER_ON).from(gst)
                .where(gst.KIND.eq("gst").and(gst.REGION_ID.eq(REGION.ID)).and(gst.DELETED.isFalse())));
        return dsl.select(REGION.ID, REGION.CODE, REGION.ISO_CODE, REGION.NAME_FR, REGION.NAME_AR, REGION.POPULATION_2024,
                        takeover)
                .from(REGION).where(REGION.DELETED.isFalse()).orderBy(REGION.CODE)
                .fetch(r -> new ReportSourceData.Region(int0(r.get(REGION.ID)), r.get(REGION.CODE), r.get(REGION.ISO_CODE),
                        r.get(REGION.NAME_FR), r.get(REGION.NAME_AR), long0(r.get(REGION.POPULATION_2024)), r.get(takeover)));
    }

    public List<ReportSourceData.Province> provinces() {
        return dsl.selectFrom(PROVINCE).where(PROVINCE.DELETED.isFalse()).orderBy(PROVINCE.CODE)
                .fetch(r -> new ReportSourceData.Province(int0(r.getId()), int0(r.getRegionId()), r.getCode(), r.getType(),
                        r.getIsoCode(), r.getNameFr(), r.getNameAr(), long0(r.getPopulation_2024())));
    }

    public List<ReportSourceData.Circonscription> circonscriptions() {
        return dsl.selectFrom(CIRCONSCRIPTION).where(CIRCONSCRIPTION.DELETED.isFalse()).orderBy(CIRCONSCRIPTION.CODE)
                .fetch(r -> new ReportSourceData.Circonscription(int0(r.getId()), int0(r.getProvinceId()), r.getCode(),
                        r.getNameFr(), r.getNameAr(), r.getMilieu(), r.getCoverage(), r.getSeat(),
                        r.getPopulation() == null ? null : r.getPopulation().longValue(), r.getHeadName()));
    }

    private List<ReportSourceData.Category> categories() {
        return dsl.selectFrom(ESSP_CATEGORY).orderBy(ESSP_CATEGORY.SORT_ORDER)
                .fetch(r -> new ReportSourceData.Category(new Label(r.getCode(), r.getLabelFr(), r.getLabelEn(), r.getLabelAr()),
                        bool(r.getLegacy()), bool(r.getRelatedStructure()), int0(r.getSortOrder())));
    }

    public List<ReportSourceData.Essp> essps() {
        return dsl.selectFrom(ESSP).where(ESSP.DELETED.isFalse()).orderBy(ESSP.CODE)
                .fetch(r -> new ReportSourceData.Essp(int0(r.getId()), r.getCode(), r.getNameFr(), r.getNameAr(),
                        r.getCategoryCode(), int0(r.getCirconscriptionId()), r.getMilieu(), bool(r.getDeliveryUnit()),
                        r.getLatitude(), r.getLongitude(), r.getPopulationServed(), r.getFunctionality()));
    }

    private List<ReportSourceData.Cadre> cadres() {
        return dsl.selectFrom(CADRE).orderBy(CADRE.SORT_ORDER)
                .fetch(r -> new ReportSourceData.Cadre(new Label(r.getCode(), r.getLabelFr(), r.getLabelEn(), r.getLabelAr()),
                        bool(r.getCoreHealthWorker()), int0(r.getSortOrder())));
    }

    private List<Label> hrFunctions() {
        return dsl.selectFrom(HR_FUNCTION).orderBy(HR_FUNCTION.SORT_ORDER)
                .fetch(r -> new Label(r.getCode(), r.getLabelFr(), r.getLabelEn(), r.getLabelAr()));
    }

    private List<ReportSourceData.HrRelation> hrRelations() {
        return dsl.selectFrom(HR_RELATION).where(HR_RELATION.DELETED.isFalse())
                .fetch(r -> new ReportSourceData.HrRelation(int0(r.getRegionId()), r.getFunctionCode(), r.getHolderToday(),
                        r.getHolderUnderGst(), r.getNotes()));
    }

    private List<ReportSourceData.CirconscriptionFunction> circonscriptionFunctions() {
        return dsl.selectFrom(CIRCONSCRIPTION_FUNCTION).where(CIRCONSCRIPTION_FUNCTION.DELETED.isFalse())
                .fetch(r -> new ReportSourceData.CirconscriptionFunction(int0(r.getCirconscriptionId()), r.getFunctionCode(),
                        r.getHeld(), r.getHolder(), r.getStaffCount()));
    }

    private List<ReportSourceData.DataFlow> dataFlows() {
        return dsl.select(DATA_FLOW.ID, REPORT_TYPE.CODE, REPORT_TYPE.NAME_FR, REPORT_TYPE.NAME_EN, REPORT_TYPE.NAME_AR,
                        REPORT_TYPE.PROGRAMME, REPORT_TYPE.PERIODICITY, REPORT_TYPE.TOOL, DATA_FLOW.FROM_LEVEL,
                        DATA_FLOW.TO_LEVEL, DATA_FLOW.REGION_ID, DATA_FLOW.PROVINCE_ID, DATA_FLOW.CHANNEL,
                        DATA_FLOW.EXPECTED_DELAY_DAYS)
                .from(DATA_FLOW).join(REPORT_TYPE).on(REPORT_TYPE.ID.eq(DATA_FLOW.REPORT_TYPE_ID))
                .where(DATA_FLOW.DELETED.isFalse().and(REPORT_TYPE.DELETED.isFalse()))
                .orderBy(REPORT_TYPE.CODE, DATA_FLOW.ID)
                .fetch(r -> new ReportSourceData.DataFlow(int0(r.get(DATA_FLOW.ID)),
                        new Label(r.get(REPORT_TYPE.CODE), r.get(REPORT_TYPE.NAME_FR), r.get(REPORT_TYPE.NAME_EN),
                                r.get(REPORT_TYPE.NAME_AR)),
                        r.get(REPORT_TYPE.PROGRAMME), r.get(REPORT_TYPE.PERIODICITY), r.get(REPORT_TYPE.TOOL),
                        r.get(DATA_FLOW.FROM_LEVEL), r.get(DATA_FLOW.TO_LEVEL), r.get(DATA_FLOW.REGION_ID),
                        r.get(DATA_FLOW.PROVINCE_ID), r.get(DATA_FLOW.CHANNEL), r.get(DATA_FLOW.EXPECTED_DELAY_DAYS)));
    }

    private List<ReportSourceData.FlowObservations> flowObservations() {
        var o = DATA_FLOW_OBSERVATION;
        Field<Integer> observations = count();
        Field<Long> expected = sum(o.REPORTS_EXPECTED).coerce(Long.class);
        // capped per observation as DataFlowIndicators.Figures#ofRow does: received <= expected, on time <= received
        Field<Integer> receivedCapped = least(o.REPORTS_RECEIVED, o.REPORTS_EXPECTED);
        Field<Long> received = sum(receivedCapped).coerce(Long.class);
        Field<Long> onTime = sum(least(coalesce(o.RECEIVED_ON_TIME, inline(0)), receivedCapped)).coerce(Long.class);
        Field<Long> onTimeKnown = sum(when(o.RECEIVED_ON_TIME.isNull(), inline(0)).otherwise(o.REPORTS_EXPECTED)).coerce(Long.class);
        Field<Double> delaySum = sum(coalesce(o.OBSERVED_DELAY_DAYS, inline(0.0))).coerce(Double.class);
        Field<Integer> delayCount = count(o.OBSERVED_DELAY_DAYS);
        return dsl.select(o.DATA_FLOW_ID, ESSP.CIRCONSCRIPTION_ID, observations, expected, received, onTime, onTimeKnown,
                        delaySum, delayCount)
                .from(o).leftJoin(ESSP).on(ESSP.ID.eq(o.ESSP_ID))
                .where(o.DELETED.isFalse())
                .groupBy(o.DATA_FLOW_ID, ESSP.CIRCONSCRIPTION_ID)
                .fetch(r -> new ReportSourceData.FlowObservations(int0(r.get(o.DATA_FLOW_ID)), r.get(ESSP.CIRCONSCRIPTION_ID),
                        int0(r.get(observations)), long0(r.get(expected)), long0(r.get(received)), long0(r.get(onTime)),
                        long0(r.get(onTimeKnown)), double0(r.get(delaySum)), int0(r.get(delayCount))));
    }

    public List<ReportSourceData.ComplaintSystem> complaintSystems() {
        return complaintSystems(org.jooq.impl.DSL.noCondition());
    }

    /** The complaint system of one ESSP (the ESSP detail page), read alone. */
    public java.util.Optional<ReportSourceData.ComplaintSystem> complaintSystemOf(int esspId) {
        return complaintSystems(COMPLAINT_SYSTEM.ESSP_ID.eq(esspId)).stream().findFirst();
    }

    /** The sampled complaints of one ESSP, read alone, in received order. */
    public List<ReportSourceData.ComplaintSample> complaintSamplesOf(int esspId) {
        return complaintSamples(COMPLAINT_SAMPLE.ESSP_ID.eq(esspId));
    }

    private List<ReportSourceData.ComplaintSystem> complaintSystems(org.jooq.Condition which) {
        return dsl.selectFrom(COMPLAINT_SYSTEM).where(COMPLAINT_SYSTEM.DELETED.isFalse()).and(which)
                .fetch(r -> new ReportSourceData.ComplaintSystem(int0(r.getEsspId()), bool(r.getChannelRegister()),
                        bool(r.getChannelBox()), bool(r.getChannelInPerson()), bool(r.getChannelPhone()),
                        bool(r.getChannelChikayaPortal()), bool(r.getRegisterKept()), bool(r.getFocalPerson()),
                        bool(r.getProcedureDisplayed()), bool(r.getChikayaLinkDisplayed()), r.getHandledBy(),
                        bool(r.getEscalation()), bool(r.getAnalysedFedBack()), r.getProvinceId(), r.getRegionId()));
    }

    public List<ReportSourceData.ComplaintSample> complaintSamples() {
        return complaintSamples(org.jooq.impl.DSL.noCondition());
    }

    private List<ReportSourceData.ComplaintSample> complaintSamples(org.jooq.Condition which) {
        // the columns the sample keeps only (not the row's uuid, version and audit columns): ~20,000 rows on the national demo
        var s = COMPLAINT_SAMPLE;
        return dsl.select(s.ESSP_ID, s.RECEIVED_ON, s.CHANNEL, s.KIND, s.CATEGORY, s.ACKNOWLEDGED_ON, s.CLOSED_ON, s.OUTCOME, s.NOTES)
                .from(s).where(s.DELETED.isFalse()).and(which)
                .orderBy(s.ESSP_ID, s.RECEIVED_ON, s.ID)
                .fetch(r -> new ReportSourceData.ComplaintSample(int0(r.value1()), r.value2(), r.value3(), r.value4(), r.value5(),
                        r.value6(), r.value7(), r.value8(), r.value9()));
    }

    private List<ReportSourceData.TrainingCohort> cohorts() {
        var c = TRAINING_COHORT;
        var p = TRAINING_PROGRAMME;
        var tp = TRAINING_PARTICIPANT;
        var ts = TRAINING_SESSION;
        Condition liveParticipant = tp.COHORT_ID.eq(c.ID).and(tp.DELETED.isFalse());
        Condition liveSession = ts.COHORT_ID.eq(c.ID).and(ts.DELETED.isFalse());
        Field<Integer> participants = countOf(tp, liveParticipant);
        Field<Integer> graduated = countOf(tp, liveParticipant.and(tp.STATUS.eq("graduated")));
        Field<Integer> droppedOut = countOf(tp, liveParticipant.and(tp.STATUS.eq("dropped_out")));
        Field<Integer> women = countOf(tp, liveParticipant.and(tp.GENDER.eq("f")));
        Field<Integer> sessions = countOf(ts, liveSession);
        Field<Double> hours = field(select(sum(ts.HOURS)).from(ts).where(liveSession)).coerce(Double.class);
        Field<Integer> projects = countOf(TRAINING_PROJECT,
                TRAINING_PROJECT.COHORT_ID.eq(c.ID).and(TRAINING_PROJECT.DELETED.isFalse()));
        return dsl.select(c.ID, p.CODE, p.KIND, p.TITLE_FR, p.TITLE_EN, p.TITLE_AR, c.NAME, c.REGION_ID, c.STARTS_ON,
                        c.ENDS_ON, c.PLACE, c.STATUS, c.SEATS, participants, graduated, droppedOut, women, sessions, hours,
                        projects)
                .from(c).join(p).on(p.ID.eq(c.PROGRAMME_ID))
                .where(c.DELETED.isFalse().and(p.DELETED.isFalse()))
                .orderBy(c.STARTS_ON, c.NAME)
                .fetch(r -> new ReportSourceData.TrainingCohort(int0(r.get(c.ID)), r.get(p.CODE), r.get(p.KIND),
                        // the programme's French title doubles as the label's code
                        new Label(r.get(p.TITLE_FR), r.get(p.TITLE_FR), r.get(p.TITLE_EN), r.get(p.TITLE_AR)),
                        r.get(c.NAME), r.get(c.REGION_ID), r.get(c.STARTS_ON), r.get(c.ENDS_ON), r.get(c.PLACE),
                        r.get(c.STATUS), r.get(c.SEATS), int0(r.get(participants)), int0(r.get(graduated)),
                        int0(r.get(droppedOut)), int0(r.get(women)), int0(r.get(sessions)), double0(r.get(hours)),
                        int0(r.get(projects))));
    }

    private List<ReportSourceData.TrainingSession> sessions() {
        var s = TRAINING_SESSION;
        var a = TRAINING_ATTENDANCE;
        Field<Integer> present = countOf(a, a.SESSION_ID.eq(s.ID).and(a.DELETED.isFalse()).and(a.PRESENT.isTrue()));
        return dsl.select(s.COHORT_ID, s.TITLE, s.STARTS_ON, s.ENDS_ON, s.HOURS, s.PLACE, present)
                .from(s).where(s.DELETED.isFalse()).orderBy(s.COHORT_ID, s.STARTS_ON)
                .fetch(r -> new ReportSourceData.TrainingSession(int0(r.get(s.COHORT_ID)), r.get(s.TITLE), r.get(s.STARTS_ON),
                        r.get(s.ENDS_ON), double0(r.get(s.HOURS)), r.get(s.PLACE), int0(r.get(present))));
    }

    private List<ReportSourceData.SupervisionVisit> supervisionVisits() {
        var v = SUPERVISION_VISIT;
        return dsl.select(v.CIRCONSCRIPTION_ID, v.ESSP_ID, v.VISITED_ON)
                .from(v).join(ESSP).on(ESSP.ID.eq(v.ESSP_ID))
                .where(v.DELETED.isFalse().and(ESSP.DELETED.isFalse()))
                .fetch(r -> new ReportSourceData.SupervisionVisit(int0(r.get(v.CIRCONSCRIPTION_ID)), int0(r.get(v.ESSP_ID)),
                        r.get(v.VISITED_ON)));
    }
}
