package ma.essp.diag.reporting.readiness;

import static ma.essp.diag.database.jooq.Tables.CIRCONSCRIPTION;
import static ma.essp.diag.database.jooq.Tables.ESSP;
import static ma.essp.diag.database.jooq.Tables.PMS_ITEM;
import static ma.essp.diag.database.jooq.Tables.PROVINCE;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import ma.essp.diag.database.jooq.tables.records.CirconscriptionRecord;
import ma.essp.diag.database.jooq.tables.records.EsspRecord;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.repository.AnswerState;
import ma.essp.diag.database.repository.AssessmentRepository;
import ma.essp.diag.database.repository.CatalogueVersionRepository;
import ma.essp.diag.database.repository.ReadinessDataRepository;
import org.jooq.DSLContext;

/** A small mission built by hand in a temporary folder, with the starter catalogue (version 1) of V2. */
public final class MissionFixture implements AutoCloseable {

    public static final int V1 = 1;

    public final MissionFile mission;
    public final DSLContext dsl;
    public final EditContext edit = EditContext.system("test");
    public final AssessmentRepository assessments;
    public final CatalogueVersionRepository catalogue;

    private final java.util.Map<Integer, java.util.Map<String, Integer>> itemIds = new java.util.HashMap<>();

    public MissionFixture(Path dir) throws Exception {
        mission = MissionFile.create(dir.resolve("fixture.essp"));
        dsl = mission.dsl();
        assessments = new AssessmentRepository(dsl, edit);
        catalogue = new CatalogueVersionRepository(dsl, edit);
    }

    public int province(String code) {
        return dsl.select(PROVINCE.ID).from(PROVINCE).where(PROVINCE.CODE.eq(code)).fetchOne(PROVINCE.ID);
    }

    public int circonscription(String code, int provinceId, String milieu) {
        CirconscriptionRecord r = dsl.newRecord(CIRCONSCRIPTION);
        r.setProvinceId(provinceId);
        r.setCode(code);
        r.setNameFr("Circonscription " + code);
        r.setMilieu(milieu);
        edit.stampNew(r);
        r.store();
        return r.getId();
    }

    public int essp(String code, String category, int circonscriptionId, String milieu, Integer population) {
        EsspRecord r = dsl.newRecord(ESSP);
        r.setCode(code);
        r.setNameFr("ESSP " + code);
        r.setCategoryCode(category);
        r.setCirconscriptionId(circonscriptionId);
        r.setMilieu(milieu);
        r.setPopulationServed(population);
        edit.stampNew(r);
        r.store();
        return r.getId();
    }

    public int assess(int esspId, int versionId, LocalDate on) {
        return assessments.start(esspId, versionId, on, "test");
    }

    public void answer(int assessmentId, int versionId, String itemCode, AnswerState state) {
        answer(assessmentId, versionId, itemCode, state, "observed");
    }

    /** Answers with a source: {@code observed}, {@code reported} or null (not recorded). */
    public void answer(int assessmentId, int versionId, String itemCode, AnswerState state, String source) {
        Integer itemId = itemIds.computeIfAbsent(versionId, catalogue::itemIds).get(itemCode);
        if (itemId == null) {
            throw new IllegalArgumentException("no item " + itemCode + " in version " + versionId);
        }
        assessments.answer(assessmentId, itemId, state, source, null);
    }

    /** The codes of the general items of a domain (in scope or not). */
    public List<String> generalItems(int versionId, String domain) {
        return dsl.select(PMS_ITEM.CODE).from(PMS_ITEM)
                .where(PMS_ITEM.VERSION_ID.eq(versionId), PMS_ITEM.SERVICE_ID.isNull(), PMS_ITEM.DOMAIN_CODE.eq(domain),
                        PMS_ITEM.DELETED.isFalse())
                .orderBy(PMS_ITEM.SORT_ORDER).fetch(PMS_ITEM.CODE);
    }

    /** The codes of a service's items in a domain. */
    public List<String> serviceItems(int versionId, String serviceCode, String domain) {
        Integer serviceId = catalogue.serviceIds(versionId).get(serviceCode);
        return dsl.select(PMS_ITEM.CODE).from(PMS_ITEM)
                .where(PMS_ITEM.VERSION_ID.eq(versionId), PMS_ITEM.SERVICE_ID.eq(serviceId), PMS_ITEM.DOMAIN_CODE.eq(domain),
                        PMS_ITEM.DELETED.isFalse())
                .orderBy(PMS_ITEM.SORT_ORDER).fetch(PMS_ITEM.CODE);
    }

    public void answerGeneralDomain(int assessmentId, int versionId, String domain, AnswerState state) {
        generalItems(versionId, domain).forEach(code -> answer(assessmentId, versionId, code, state));
    }

    public void answerAllGeneral(int assessmentId, int versionId, AnswerState state) {
        for (String domain : List.of("basic_amenities", "basic_equipment", "standard_precautions", "diagnostic_capacity",
                "essential_medicines")) {
            answerGeneralDomain(assessmentId, versionId, domain, state);
        }
    }

    public void offer(int assessmentId, int versionId, String serviceCode) {
        int serviceId = catalogue.serviceIds(versionId).get(serviceCode);
        assessments.setOffered(assessmentId, serviceId, assessments.load(assessmentId).orElseThrow().serviceVersions().get(serviceId), true);
    }

    public ReadinessResult compute() {
        return ReadinessCalculator.compute(new ReadinessDataRepository(dsl).load());
    }

    /** Computes under the mission's stored rules, with unanswered items treated as {@code unanswered}. */
    public ReadinessResult compute(ReadinessRules.Unanswered unanswered) {
        return ReadinessCalculator.compute(new ReadinessDataRepository(dsl).load(),
                ReadinessRules.ofMission(dsl).withUnanswered(unanswered));
    }

    @Override
    public void close() {
        mission.close();
    }
}
