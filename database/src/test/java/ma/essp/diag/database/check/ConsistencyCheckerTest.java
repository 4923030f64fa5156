package ma.essp.diag.database.check;

import static ma.essp.diag.database.jooq.Tables.CIRCONSCRIPTION;
import static ma.essp.diag.database.jooq.Tables.ESSP;
import static ma.essp.diag.database.jooq.Tables.PMS_ITEM;
import static ma.essp.diag.database.jooq.Tables.PROVINCE;
import static ma.essp.diag.database.jooq.Tables.REGION;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import ma.essp.diag.database.jooq.tables.records.CirconscriptionRecord;
import ma.essp.diag.database.jooq.tables.records.EsspRecord;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.repository.AnswerState;
import ma.essp.diag.database.repository.AssessmentRepository;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsistencyCheckerTest {

    @TempDir
    Path dir;
    MissionFile mission;
    DSLContext dsl;
    final EditContext edit = EditContext.system("test");

    @BeforeEach
    void createCleanMission() throws Exception {
        mission = MissionFile.create(dir.resolve("c.essp"));
        dsl = mission.dsl();
        int tetouan = dsl.select(PROVINCE.ID).from(PROVINCE).where(PROVINCE.CODE.eq("01.571")).fetchOne(PROVINCE.ID);
        int c1 = circonscription(tetouan, "01571-C01", "rural");
        int c2 = circonscription(tetouan, "01571-C02", "urban");
        essp("01571-0001", "CSR-2", "rural", true, c1, 35.57, -5.37);
        essp("01571-0002", "DR", "rural", false, c1, 35.60, -5.40);
        essp("01571-0003", "CSU-1", "urban", false, c2, 35.58, -5.36);
    }

    @AfterEach
    void close() {
        mission.close();
    }

    private int circonscription(int province, String code, String milieu) {
        CirconscriptionRecord c = edit.stampNew(dsl.newRecord(CIRCONSCRIPTION));
        c.setProvinceId(province);
        c.setCode(code);
        c.setNameFr("Circonscription " + code);
        c.setMilieu(milieu);
        c.store();
        return c.getId();
    }

    private void essp(String code, String category, String milieu, boolean deliveryUnit, int circonscription, double lat, double lon) {
        EsspRecord e = edit.stampNew(dsl.newRecord(ESSP));
        e.setCode(code);
        e.setNameFr("ESSP " + code);
        e.setCategoryCode(category);
        e.setMilieu(milieu);
        e.setDeliveryUnit(deliveryUnit);
        e.setCirconscriptionId(circonscription);
        e.setLatitude(lat);
        e.setLongitude(lon);
        e.setFunctionality("fully");
        e.store();
    }

    private List<String> rulesBroken() {
        return new ConsistencyChecker(dsl).check().stream().map(ConsistencyIssue::rule).toList();
    }

    @Test
    void aConsistentMissionIsClean() {
        assertThat(new ConsistencyChecker(dsl).check()).isEmpty();
    }

    @Test
    void findsAnEsspOutsideMoroccoAndNamesIt() {
        dsl.update(ESSP).set(ESSP.LATITUDE, 48.85).set(ESSP.LONGITUDE, 2.35).where(ESSP.CODE.eq("01571-0002")).execute();
        List<ConsistencyIssue> issues = new ConsistencyChecker(dsl).check();
        assertThat(issues).singleElement().satisfies(i -> {
            assertThat(i.rule()).isEqualTo("essp-coordinates");
            assertThat(i.row()).isEqualTo("01571-0002");
            assertThat(i.toString()).contains("outside Morocco");
        });
    }

    @Test
    void findsAnEsspInTheSeaOffItsProvinceAndNamesTheProvince() {
        dsl.update(ESSP).set(ESSP.LATITUDE, 34.0).set(ESSP.LONGITUDE, -10.5).where(ESSP.CODE.eq("01571-0002")).execute();
        List<ConsistencyIssue> issues = new ConsistencyChecker(dsl).check();
        assertThat(issues).singleElement().satisfies(i -> {
            assertThat(i.rule()).isEqualTo("essp-outside-province");
            assertThat(i.row()).isEqualTo("01571-0002");
            assertThat(i.message()).startsWith("point (34.0000, -10.5000) is ").contains("km outside its province Tétouan (tolerance 2 km)");
        });
        assertThat(ConsistencyChecker.ruleCodes()).contains("essp-outside-province");
    }

    @Test
    void findsCodeAndCategoryInconsistencies() {
        dsl.update(ESSP).set(ESSP.CODE, "1571-2").where(ESSP.CODE.eq("01571-0002")).execute();
        dsl.update(ESSP).set(ESSP.DELIVERY_UNIT, false).where(ESSP.CODE.eq("01571-0001")).execute();
        dsl.update(ESSP).set(ESSP.MILIEU, "rural").where(ESSP.CODE.eq("01571-0003")).execute();
        dsl.update(ESSP).set(ESSP.FUNCTIONALITY, "not_functioning").where(ESSP.CODE.eq("01571-0003")).execute();
        assertThat(rulesBroken()).containsExactlyInAnyOrder(
                "essp-code-format", "essp-code-province", "essp-delivery-unit", "essp-category-milieu", "essp-not-functioning-reason");
    }

    @Test
    void findsAProvinceWithASingleCirconscription() {
        dsl.update(CIRCONSCRIPTION).set(CIRCONSCRIPTION.DELETED, true).where(CIRCONSCRIPTION.CODE.eq("01571-C02")).execute();
        assertThat(rulesBroken()).contains("province-circonscriptions", "essp-circonscription-deleted");
    }

    @Test
    void findsARegionWhosePopulationNoLongerMatchesItsProvinces() {
        dsl.update(REGION).set(REGION.POPULATION_2024, REGION.POPULATION_2024.plus(1)).where(REGION.CODE.eq("05")).execute();
        assertThat(new ConsistencyChecker(dsl).check()).singleElement()
                .satisfies(i -> assertThat(i.rule() + " " + i.row()).isEqualTo("region-population 05"));
    }

    @Test
    void findsDuplicateCodesThatDifferOnlyByCaseOrSpaces() {
        dsl.update(ESSP).set(ESSP.CODE, " 01571-0001").where(ESSP.CODE.eq("01571-0002")).execute();
        assertThat(rulesBroken()).contains("essp-code-duplicate");
    }

    @Test
    void warnsAboutEveryTextLongerThanAnExcelCellWithTableRowColumnAndLength() {
        String note = "x".repeat(40_000);
        dsl.update(ESSP).set(ESSP.FUNCTIONALITY_REASON, note).where(ESSP.CODE.eq("01571-0002")).execute();
        dsl.update(CIRCONSCRIPTION).set(CIRCONSCRIPTION.NAME_FR, "y".repeat(ConsistencyChecker.CELL_TEXT_LIMIT))
                .where(CIRCONSCRIPTION.CODE.eq("01571-C01")).execute(); // exactly the limit: fits
        // 20,000 characters outside the basic plane: 40,000 UTF-16 units, as Excel counts
        dsl.update(CIRCONSCRIPTION).set(CIRCONSCRIPTION.HEAD_NAME, "\uD83D\uDE00".repeat(20_000))
                .where(CIRCONSCRIPTION.CODE.eq("01571-C02")).execute();
        List<ConsistencyIssue> warnings = new ConsistencyChecker(dsl).warnings();
        assertThat(warnings).extracting(Object::toString).containsExactly(
                "[text-longer-than-excel-cell] circonscription 01571-C02: column head_name holds 40000 characters, more than an Excel"
                        + " cell holds (32767): the workbook export cuts it and says so in its read-me sheet",
                "[text-longer-than-excel-cell] essp 01571-0002: column functionality_reason holds 40000 characters, more than an"
                        + " Excel cell holds (32767): the workbook export cuts it and says so in its read-me sheet");
        assertThat(new ConsistencyChecker(dsl).check()).as("a warning is not a problem").isEmpty();
    }

    @Test
    void aRowWithoutCodeIsNamedByItsId() {
        dsl.execute("INSERT INTO finding (axis, scope_level, kind, title, description, uuid, updated_at, updated_by)"
                + " VALUES (1, 'national', 'weakness', 'Long', ?, 'u-1', '2026-01-01T00:00:00Z', 'test')", "z".repeat(32_768));
        assertThat(new ConsistencyChecker(dsl).warnings()).singleElement().satisfies(w -> {
            assertThat(w.table()).isEqualTo("finding");
            assertThat(w.row()).matches("id \\d+");
            assertThat(w.message()).startsWith("column description holds 32768 characters");
        });
    }

    @Test
    void findsAnAssessmentWhoseGeneralDomainIsEntirelyNotApplicable() {
        int essp = dsl.select(ESSP.ID).from(ESSP).where(ESSP.CODE.eq("01571-0001")).fetchOne(ESSP.ID);
        AssessmentRepository assessments = new AssessmentRepository(dsl, edit);
        int assessment = assessments.start(essp, 1, java.time.LocalDate.of(2026, 3, 2), "test");
        java.util.Map<Integer, AnswerState> equipment = new java.util.HashMap<>();
        dsl.select(PMS_ITEM.ID).from(PMS_ITEM).where(PMS_ITEM.VERSION_ID.eq(1)).and(PMS_ITEM.DOMAIN_CODE.eq("basic_equipment"))
                .fetch(PMS_ITEM.ID).forEach(id -> equipment.put(id, AnswerState.NOT_APPLICABLE));
        assertThat(equipment).hasSize(6);
        // five of the six items "not applicable", one answered: the domain still takes part
        int last = equipment.keySet().stream().max(Integer::compare).orElseThrow();
        java.util.Map<Integer, AnswerState> five = new java.util.HashMap<>(equipment);
        five.put(last, AnswerState.ABSENT);
        assessments.answerAll(assessment, five, "observed");
        assertThat(rulesBroken()).doesNotContain("assessment-general-domain-not-applicable");

        assessments.answer(assessment, last, AnswerState.NOT_APPLICABLE, "observed", null);
        assertThat(new ConsistencyChecker(dsl).check()).singleElement().satisfies(i -> {
            assertThat(i.rule()).isEqualTo("assessment-general-domain-not-applicable");
            assertThat(i.row()).isEqualTo("01571-0001 / 2026-03-02");
            assertThat(i.message()).contains("basic_equipment", "fewer domains");
        });
    }
}
