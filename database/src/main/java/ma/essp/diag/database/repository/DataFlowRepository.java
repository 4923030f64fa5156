package ma.essp.diag.database.repository;

import static ma.essp.diag.database.jooq.Tables.CIRCONSCRIPTION;
import static ma.essp.diag.database.jooq.Tables.DATA_FLOW;
import static ma.essp.diag.database.jooq.Tables.DATA_FLOW_OBSERVATION;
import static ma.essp.diag.database.jooq.Tables.DATA_VERIFICATION;
import static ma.essp.diag.database.jooq.Tables.ESSP;
import static ma.essp.diag.database.jooq.Tables.PROVINCE;
import static ma.essp.diag.database.jooq.Tables.REGION;
import static ma.essp.diag.database.jooq.Tables.REPORT_TYPE;
import static ma.essp.diag.database.jooq.Tables.SYSTEM_CHECKLIST;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ma.essp.diag.database.jooq.tables.records.DataFlowObservationRecord;
import ma.essp.diag.database.jooq.tables.records.DataFlowRecord;
import ma.essp.diag.database.jooq.tables.records.DataVerificationRecord;
import ma.essp.diag.database.jooq.tables.records.SystemChecklistRecord;
import ma.essp.diag.database.mission.EditContext;
import org.jooq.DSLContext;
import org.jooq.Field;

/**
 * Reads the data-flow part of a mission ({@link DataFlowData}) and writes its rows through {@link SyncedRows}
 * (version check, stamp, audit). The checks a row must pass before it is written live in
 * {@code database.rules.DataFlowRules}; callers run them first.
 */
public final class DataFlowRepository {

    private final DSLContext dsl;
    private final EditContext edit;

    public DataFlowRepository(DSLContext dsl, EditContext edit) {
        this.dsl = dsl;
        this.edit = edit;
    }

    /** A repository that only reads (the command line, the exports). */
    public DataFlowRepository(DSLContext dsl) {
        this(dsl, null);
    }

    public DataFlowData load() {
        return load(null);
    }

    /**
     * The data-flow data of one ESSP: the whole territory above it (small), every report type and link, but only the
     * ESSP itself among the ESSPs and only its own observations, recounts and checklists, so that
     * {@code reporting.dataflow} computes its figures without reading the mission's other rows (the ESSP detail page).
     */
    public DataFlowData loadEssp(int esspId) {
        return load(esspId);
    }

    /** {@code esspId}: null for the whole mission, else the one ESSP whose rows are read. */
    private DataFlowData load(Integer esspId) {
        org.jooq.Condition oneEssp = esspId == null ? org.jooq.impl.DSL.noCondition() : ESSP.ID.eq(esspId);
        List<ReadinessData.Region> regions = dsl.selectFrom(REGION).where(REGION.DELETED.isFalse()).orderBy(REGION.CODE)
                .fetch(r -> new ReadinessData.Region(r.getId(), r.getCode(), r.getNameFr(), r.getNameAr()));
        List<ReadinessData.Province> provinces = dsl.selectFrom(PROVINCE).where(PROVINCE.DELETED.isFalse()).orderBy(PROVINCE.CODE)
                .fetch(r -> new ReadinessData.Province(r.getId(), r.getRegionId(), r.getCode(), r.getNameFr(), r.getNameAr()));
        List<ReadinessData.Circonscription> circs = dsl.selectFrom(CIRCONSCRIPTION).where(CIRCONSCRIPTION.DELETED.isFalse())
                .orderBy(CIRCONSCRIPTION.CODE)
                .fetch(r -> new ReadinessData.Circonscription(r.getId(), r.getProvinceId(), r.getCode(), r.getNameFr(), r.getMilieu(),
                        r.getNameAr()));
        List<ReadinessData.Essp> essps = dsl.select(ESSP.ID, ESSP.CODE, ESSP.NAME_FR, ESSP.CATEGORY_CODE, ESSP.MILIEU,
                        ESSP.CIRCONSCRIPTION_ID, CIRCONSCRIPTION.PROVINCE_ID, PROVINCE.REGION_ID, ESSP.POPULATION_SERVED, ESSP.NAME_AR)
                .from(ESSP).join(CIRCONSCRIPTION).on(CIRCONSCRIPTION.ID.eq(ESSP.CIRCONSCRIPTION_ID))
                .join(PROVINCE).on(PROVINCE.ID.eq(CIRCONSCRIPTION.PROVINCE_ID))
                .where(ESSP.DELETED.isFalse()).and(oneEssp).orderBy(ESSP.CODE)
                .fetch(r -> new ReadinessData.Essp(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7(), r.value8(), r.value9(), r.value10()));
        List<DataFlowData.ReportType> types = dsl.selectFrom(REPORT_TYPE).where(REPORT_TYPE.DELETED.isFalse())
                .orderBy(REPORT_TYPE.CODE)
                .fetch(r -> new DataFlowData.ReportType(r.getId(), r.getVersion(), r.getCode(), r.getNameFr(), r.getNameEn(),
                        r.getNameAr(), r.getProgramme(), r.getPeriodicity(), r.getTool()));
        List<DataFlowData.Link> links = dsl.selectFrom(DATA_FLOW).where(DATA_FLOW.DELETED.isFalse()).orderBy(DATA_FLOW.ID)
                .fetch(r -> new DataFlowData.Link(r.getId(), r.getVersion(), r.getReportTypeId(), r.getFromLevel(), r.getToLevel(),
                        r.getRegionId(), r.getProvinceId(), r.getChannel(), r.getExpectedDelayDays(), r.getTool(),
                        Boolean.TRUE.equals(r.getRekeyed()), r.getNotes()));
        var o = DATA_FLOW_OBSERVATION;
        // the columns an observation keeps only (not its uuid and audit columns): ~20,000 rows on the national demo
        List<DataFlowData.Observation> observations = dsl.select(o.ID, o.VERSION, o.DATA_FLOW_ID, o.ESSP_ID, o.PERIOD,
                        o.REPORTS_EXPECTED, o.REPORTS_RECEIVED, o.RECEIVED_ON_TIME, o.OBSERVED_DELAY_DAYS, o.NOTES)
                .from(o).where(o.DELETED.isFalse())
                .and(esspId == null ? org.jooq.impl.DSL.noCondition() : o.ESSP_ID.eq(esspId)).orderBy(o.ID)
                .fetch(r -> new DataFlowData.Observation(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        r.value6(), r.value7(), r.value8(), r.value9(), r.value10()));
        var v = DATA_VERIFICATION;
        List<DataFlowData.Recount> recounts = dsl.select(v.ID, v.VERSION, v.ESSP_ID, v.INDICATOR, v.PERIOD, v.RECOUNTED,
                        v.REPORTED, v.REASON, v.NOTES)
                .from(v).where(v.DELETED.isFalse())
                .and(esspId == null ? org.jooq.impl.DSL.noCondition() : v.ESSP_ID.eq(esspId)).orderBy(v.ID)
                .fetch(r -> new DataFlowData.Recount(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        r.value6(), r.value7(), r.value8(), r.value9()));
        var c = SYSTEM_CHECKLIST;
        List<DataFlowData.Checklist> checklists = dsl.selectFrom(c).where(c.DELETED.isFalse())
                .and(esspId == null ? org.jooq.impl.DSL.noCondition() : c.ESSP_ID.eq(esspId)).orderBy(c.ID)
                .fetch(r -> new DataFlowData.Checklist(r.getId(), r.getVersion(), r.getChainLevel(), r.getRegionId(), r.getProvinceId(),
                        r.getCirconscriptionId(), r.getEsspId(), r.getGuidelinesAvailable(), r.getToolsInStock(), r.getTrainedStaff(),
                        r.getFeedbackReceived(), r.getDataUsedInMeetings(), r.getNotes()));
        return new DataFlowData(regions, provinces, circs, essps, types, links, observations, recounts, checklists);
    }

    // ------------------------------------------------------------------ writes (all through SyncedRows)

    /** Saves a report type: new when {@code id} is 0, else an update from its version. Returns its id. */
    public int saveReportType(DataFlowData.ReportType type) {
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        values.put(REPORT_TYPE.CODE, type.code());
        values.put(REPORT_TYPE.NAME_FR, type.nameFr());
        values.put(REPORT_TYPE.NAME_EN, type.nameEn());
        values.put(REPORT_TYPE.NAME_AR, type.nameAr());
        values.put(REPORT_TYPE.PROGRAMME, type.programme());
        values.put(REPORT_TYPE.PERIODICITY, type.periodicity());
        values.put(REPORT_TYPE.TOOL, type.tool());
        if (type.id() == 0) {
            var record = dsl.newRecord(REPORT_TYPE);
            values.forEach((f, value) -> set(record, f, value));
            return SyncedRows.insert(dsl, edit(), record);
        }
        SyncedRows.update(dsl, edit(), REPORT_TYPE, type.id(), type.version(), values);
        return type.id();
    }

    /** Updates report type {@code type.id()} from {@code type.version()}; its version now. */
    public int updateReportType(DataFlowData.ReportType type) {
        if (type.id() == 0) {
            throw new IllegalArgumentException("a new report type is saved with saveReportType");
        }
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        values.put(REPORT_TYPE.CODE, type.code());
        values.put(REPORT_TYPE.NAME_FR, type.nameFr());
        values.put(REPORT_TYPE.NAME_EN, type.nameEn());
        values.put(REPORT_TYPE.NAME_AR, type.nameAr());
        values.put(REPORT_TYPE.PROGRAMME, type.programme());
        values.put(REPORT_TYPE.PERIODICITY, type.periodicity());
        values.put(REPORT_TYPE.TOOL, type.tool());
        return SyncedRows.update(dsl, edit(), REPORT_TYPE, type.id(), type.version(), values);
    }

    /** Saves a link: a new one when {@code link.id()} is 0, else an update from {@code link.version()}. Returns its id. */
    public int saveLink(DataFlowData.Link link) {
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        values.put(DATA_FLOW.REPORT_TYPE_ID, link.reportTypeId());
        values.put(DATA_FLOW.FROM_LEVEL, link.fromLevel());
        values.put(DATA_FLOW.TO_LEVEL, link.toLevel());
        values.put(DATA_FLOW.REGION_ID, link.regionId());
        values.put(DATA_FLOW.PROVINCE_ID, link.provinceId());
        values.put(DATA_FLOW.CHANNEL, link.channel());
        values.put(DATA_FLOW.EXPECTED_DELAY_DAYS, link.deadlineDays());
        values.put(DATA_FLOW.TOOL, link.tool());
        values.put(DATA_FLOW.REKEYED, link.rekeyed());
        values.put(DATA_FLOW.NOTES, link.notes());
        if (link.id() == 0) {
            DataFlowRecord record = dsl.newRecord(DATA_FLOW);
            values.forEach((f, value) -> set(record, f, value));
            return SyncedRows.insert(dsl, edit(), record);
        }
        SyncedRows.update(dsl, edit(), DATA_FLOW, link.id(), link.version(), values);
        return link.id();
    }

    /** Updates link {@code link.id()} from {@code link.version()} (its channel, deadline, tool, re-keying...); its version now. */
    public int updateLink(DataFlowData.Link link) {
        if (link.id() == 0) {
            throw new IllegalArgumentException("a new link is saved with saveLink");
        }
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        values.put(DATA_FLOW.CHANNEL, link.channel());
        values.put(DATA_FLOW.EXPECTED_DELAY_DAYS, link.deadlineDays());
        values.put(DATA_FLOW.TOOL, link.tool());
        values.put(DATA_FLOW.REKEYED, link.rekeyed());
        values.put(DATA_FLOW.NOTES, link.notes());
        return SyncedRows.update(dsl, edit(), DATA_FLOW, link.id(), link.version(), values);
    }

    /** Saves an observation: new when {@code id} is 0, else an update from its version. Returns its id. */
    public int saveObservation(DataFlowData.Observation observation) {
        var o = DATA_FLOW_OBSERVATION;
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        values.put(o.DATA_FLOW_ID, observation.linkId());
        values.put(o.ESSP_ID, observation.esspId());
        values.put(o.PERIOD, observation.period());
        values.put(o.REPORTS_EXPECTED, observation.expected());
        values.put(o.REPORTS_RECEIVED, observation.received());
        values.put(o.RECEIVED_ON_TIME, observation.onTime());
        values.put(o.OBSERVED_DELAY_DAYS, observation.delayDays());
        values.put(o.NOTES, observation.notes());
        if (observation.id() == 0) {
            DataFlowObservationRecord record = dsl.newRecord(o);
            values.forEach((f, value) -> set(record, f, value));
            return SyncedRows.insert(dsl, edit(), record);
        }
        SyncedRows.update(dsl, edit(), o, observation.id(), observation.version(), values);
        return observation.id();
    }

    /** Saves a recount row: new when {@code id} is 0, else an update from its version. Returns its id. */
    public int saveRecount(DataFlowData.Recount recount) {
        var v = DATA_VERIFICATION;
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        values.put(v.ESSP_ID, recount.esspId());
        values.put(v.INDICATOR, recount.indicator());
        values.put(v.PERIOD, recount.period());
        values.put(v.RECOUNTED, recount.recounted());
        values.put(v.REPORTED, recount.reported());
        values.put(v.REASON, recount.reason());
        values.put(v.NOTES, recount.notes());
        if (recount.id() == 0) {
            DataVerificationRecord record = dsl.newRecord(v);
            values.forEach((f, value) -> set(record, f, value));
            return SyncedRows.insert(dsl, edit(), record);
        }
        SyncedRows.update(dsl, edit(), v, recount.id(), recount.version(), values);
        return recount.id();
    }

    /** Soft-deletes an observation from {@code version}; its version now. */
    public int deleteObservation(int id, int version) {
        return SyncedRows.softDelete(dsl, edit(), DATA_FLOW_OBSERVATION, id, version);
    }

    /** Brings a soft-deleted observation back from {@code version}; its version now. */
    public int restoreObservation(int id, int version) {
        return SyncedRows.restore(dsl, edit(), DATA_FLOW_OBSERVATION, id, version);
    }

    /** Soft-deletes a recount row from {@code version}; its version now. */
    public int deleteRecount(int id, int version) {
        return SyncedRows.softDelete(dsl, edit(), DATA_VERIFICATION, id, version);
    }

    /** Brings a soft-deleted recount row back from {@code version}; its version now. */
    public int restoreRecount(int id, int version) {
        return SyncedRows.restore(dsl, edit(), DATA_VERIFICATION, id, version);
    }

    /** Saves a PRISM system checklist: new when {@code id} is 0, else an update from its version. Returns its id. */
    public int saveChecklist(DataFlowData.Checklist checklist) {
        var c = SYSTEM_CHECKLIST;
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        values.put(c.CHAIN_LEVEL, checklist.level());
        values.put(c.REGION_ID, checklist.regionId());
        values.put(c.PROVINCE_ID, checklist.provinceId());
        values.put(c.CIRCONSCRIPTION_ID, checklist.circonscriptionId());
        values.put(c.ESSP_ID, checklist.esspId());
        values.put(c.GUIDELINES_AVAILABLE, checklist.guidelines());
        values.put(c.TOOLS_IN_STOCK, checklist.toolsInStock());
        values.put(c.TRAINED_STAFF, checklist.trainedStaff());
        values.put(c.FEEDBACK_RECEIVED, checklist.feedback());
        values.put(c.DATA_USED_IN_MEETINGS, checklist.dataUsed());
        values.put(c.NOTES, checklist.notes());
        if (checklist.id() == 0) {
            SystemChecklistRecord record = dsl.newRecord(c);
            values.forEach((f, value) -> set(record, f, value));
            return SyncedRows.insert(dsl, edit(), record);
        }
        SyncedRows.update(dsl, edit(), c, checklist.id(), checklist.version(), values);
        return checklist.id();
    }

    /** Soft-deletes a system checklist from {@code version}; its version now. */
    public int deleteChecklist(int id, int version) {
        return SyncedRows.softDelete(dsl, edit(), SYSTEM_CHECKLIST, id, version);
    }

    /** Brings a soft-deleted system checklist back from {@code version}; its version now. */
    public int restoreChecklist(int id, int version) {
        return SyncedRows.restore(dsl, edit(), SYSTEM_CHECKLIST, id, version);
    }

    /** Soft-deletes a chain link from {@code version}; its version now. */
    public int deleteLink(int id, int version) {
        return SyncedRows.softDelete(dsl, edit(), DATA_FLOW, id, version);
    }

    /** Brings a soft-deleted chain link back from {@code version}; its version now. */
    public int restoreLink(int id, int version) {
        return SyncedRows.restore(dsl, edit(), DATA_FLOW, id, version);
    }

    /** Soft-deletes a report type from {@code version}; its version now. */
    public int deleteReportType(int id, int version) {
        return SyncedRows.softDelete(dsl, edit(), REPORT_TYPE, id, version);
    }

    /** Brings a soft-deleted report type back from {@code version}; its version now. */
    public int restoreReportType(int id, int version) {
        return SyncedRows.restore(dsl, edit(), REPORT_TYPE, id, version);
    }

    /** Every report type code ever used, deleted types included (the schema keeps codes unique over all rows). */
    public List<String> reportTypeCodes() {
        return dsl.select(REPORT_TYPE.CODE).from(REPORT_TYPE).orderBy(REPORT_TYPE.CODE).fetch(REPORT_TYPE.CODE);
    }

    @SuppressWarnings("unchecked")
    private static void set(org.jooq.Record record, Field<?> field, Object value) {
        record.set((Field<Object>) field, value);
    }

    private EditContext edit() {
        if (edit == null) {
            throw new IllegalStateException("a read-only DataFlowRepository cannot write");
        }
        return edit;
    }
}
