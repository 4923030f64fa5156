package ma.essp.diag.reporting.template;

import static ma.essp.diag.database.jooq.Tables.ASSESSMENT;
import static ma.essp.diag.database.jooq.Tables.ASSESSMENT_ANSWER;
import static ma.essp.diag.database.jooq.Tables.AUDIT_LOG;
import static ma.essp.diag.database.jooq.Tables.ESSP;
import static ma.essp.diag.database.jooq.Tables.PMS_ITEM;
import static ma.essp.diag.reporting.template.FieldTemplateTestSupport.checksum;
import static ma.essp.diag.reporting.template.FieldTemplateTestSupport.fill;
import static ma.essp.diag.reporting.template.FieldTemplateTestSupport.set;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import ma.essp.diag.database.jooq.tables.records.EsspRecord;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.testing.FixtureMission;
import ma.essp.diag.reporting.export.ReportLanguage;
import ma.essp.diag.reporting.export.ReportScope;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Template out, filled with POI, imported back: the values land in the mission; a second import changes nothing. */
class FieldTemplateRoundTripTest {

    @TempDir
    Path dir;
    MissionFile mission;
    DSLContext dsl;
    final EditContext edit = new EditContext("member-1", "device-1", Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC));

    @BeforeEach
    void open() throws Exception {
        mission = FixtureMission.create(dir.resolve("m.essp"));
        dsl = mission.dsl();
    }

    @AfterEach
    void close() {
        mission.close();
    }

    private Path template(TemplateKind kind, ReportScope scope) throws Exception {
        Path out = dir.resolve(kind.code() + ".xlsx");
        FieldTemplate.write(dsl, mission.schemaVersion(), kind, scope, ReportLanguage.FR, out);
        return out;
    }

    private FieldImport.Check check(Path file) {
        return FieldImport.check(dsl, mission.schemaVersion(), file);
    }

    private EsspRecord essp(String code) {
        return dsl.selectFrom(ESSP).where(ESSP.CODE.eq(code)).fetchOne();
    }

    private int auditRows() {
        return dsl.fetchCount(AUDIT_LOG);
    }

    @Test
    void theTemplateIsProtectedPrefilledAndDescribedInAVeryHiddenSheet() throws Exception {
        Path t = template(TemplateKind.ESSP, ReportScope.region(regionCodeOfTanger()));
        try (InputStream in = Files.newInputStream(t); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            assertThat(wb.getSheetVisibility(wb.getSheetIndex(FieldTemplate.META))).isEqualTo(SheetVisibility.VERY_HIDDEN);
            assertThat(wb.getSheetVisibility(wb.getSheetIndex(FieldTemplate.LISTS))).isEqualTo(SheetVisibility.VERY_HIDDEN);
            assertThat(wb.getSheet(FieldTemplate.INSTRUCTIONS)).isNotNull();
            Sheet meta = wb.getSheet(FieldTemplate.META);
            assertThat(meta.getRow(1).getCell(1).getStringCellValue()).isEqualTo("essp");
            assertThat(meta.getRow(5).getCell(1).getStringCellValue()).isEqualTo(
                    dsl.fetchValue("SELECT uuid FROM mission").toString());
            XSSFSheet data = wb.getSheet("ESSP");
            assertThat(data.getProtect()).isTrue();
            // the region of Tanger holds E001..E004 (E005, E006 are in Casablanca; E099 is deleted), then the empty rows for new ESSPs
            assertThat(data.getLastRowNum() + 1 - (FieldTemplate.FIRST_DATA_ROW - 1)).isEqualTo(4 + FieldTemplate.NEW_ROWS);
            assertThat(data.getRow(FieldTemplate.FIRST_DATA_ROW - 1 + 4).getCell(0).getStringCellValue()).isEmpty();
            var row = FieldTemplateTestSupport.rowOf(data, "E002");
            assertThat(row.getCell(0).getStringCellValue()).isEqualTo(essp("E002").getUuid());
            assertThat(row.getCell(0).getCellStyle().getLocked()).isTrue();
            assertThat(row.getCell(3).getCellStyle().getLocked()).isFalse();
            assertThat(row.getCell(8).getStringCellValue()).isEqualTo("partiellement fonctionnel");
            // category, milieu, delivery unit, functionality, circonscription (of a new ESSP)
            assertThat(data.getDataValidations()).hasSize(5);
        }
    }

    private String regionCodeOfTanger() {
        return dsl.fetchValue("SELECT r.code FROM region r JOIN province p ON p.region_id = r.id WHERE p.id = "
                + FixtureMission.TANGER_ASSILAH).toString();
    }

    @Test
    void esspValuesTypedInTheWorkbookLandInTheMissionAndASecondImportChangesNothing() throws Exception {
        Path t = template(TemplateKind.ESSP, ReportScope.NATIONAL);
        Path filled = fill(t, dir.resolve("filled.xlsx"), wb -> {
            Sheet s = wb.getSheet("ESSP");
            set(s, "E001", "population_served", 31_500);
            set(s, "E001", "latitude", 35.7767);
            set(s, "E001", "longitude", -5.8039);
            set(s, "E004", "functionality_reason", "Toit effondré");
            set(s, "E002", "functionality", "fonctionnel");
            set(s, "E002", "functionality_reason", null);
            set(s, "E005", "milieu", "rural");
            set(s, "E005", "delivery_unit", "Oui");
        });
        int versionE003 = essp("E003").getVersion();
        FieldImport.Check check = check(filled);
        assertThat(check.problems()).isEmpty();
        assertThat(check.dataRows()).isEqualTo(6);
        FieldImport.Result result = FieldImport.apply(dsl, edit, check, false);
        // E001: population + latitude + longitude; E004: reason; E002: functionality; E005: milieu + delivery unit
        assertThat(result.rowsChanged()).isEqualTo(4);
        assertThat(result.valuesChanged()).isEqualTo(3 + 1 + 1 + 2);

        EsspRecord e1 = essp("E001");
        assertThat(e1.getPopulationServed()).isEqualTo(31_500);
        assertThat(e1.getLatitude()).isEqualTo(35.7767);
        assertThat(e1.getLongitude()).isEqualTo(-5.8039);
        assertThat(e1.getVersion()).isEqualTo(2);
        assertThat(e1.getUpdatedBy()).isEqualTo("member-1");
        assertThat(essp("E004").getFunctionalityReason()).isEqualTo("Toit effondré");
        assertThat(essp("E002").getFunctionality()).isEqualTo("fully");
        assertThat(essp("E005").getMilieu()).isEqualTo("rural");
        assertThat(essp("E005").getDeliveryUnit()).isTrue();
        assertThat(essp("E003").getVersion()).as("an ESSP left as it was").isEqualTo(versionE003);
        assertThat(dsl.fetchCount(AUDIT_LOG, AUDIT_LOG.TABLE_NAME.eq("essp").and(AUDIT_LOG.MEMBER_UUID.eq("member-1"))))
                .as("one audit row per changed field").isEqualTo(7);

        int audit = auditRows();
        String before = checksum(mission.path());
        FieldImport.Check again = check(filled);
        assertThat(again.problems()).isEmpty();
        FieldImport.Result second = FieldImport.apply(dsl, edit, again, false);
        assertThat(second.rowsChanged()).isZero();
        assertThat(second.valuesChanged()).isZero();
        assertThat(auditRows()).isEqualTo(audit);
        assertThat(essp("E001").getVersion()).isEqualTo(2);
        assertThat(checksum(mission.path())).as("the mission file is unchanged").isEqualTo(before);
    }

    @Test
    void answersTypedInTheWorkbookStartTheAssessmentsAndASecondImportChangesNothing() throws Exception {
        Path t = template(TemplateKind.ASSESSMENT, ReportScope.NATIONAL);
        List<String> items;
        try (InputStream in = Files.newInputStream(t); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet s = wb.getSheet("Assessment");
            items = new java.util.ArrayList<>();
            for (int c = FieldTemplate.ASSESSMENT_COLUMNS.size(); c < s.getRow(0).getLastCellNum(); c++) {
                items.add(s.getRow(0).getCell(c).getStringCellValue());
            }
        }
        int versionId = new ma.essp.diag.database.repository.CatalogueVersionRepository(dsl, edit).versionForNewAssessment();
        assertThat(items).hasSize(dsl.fetchCount(PMS_ITEM, PMS_ITEM.VERSION_ID.eq(versionId)
                .and(PMS_ITEM.IN_SCOPE.isTrue()).and(PMS_ITEM.DELETED.isFalse())));
        Path filled = fill(t, dir.resolve("filled.xlsx"), wb -> {
            Sheet s = wb.getSheet("Assessment");
            set(s, "E001", "assessed_on", LocalDate.of(2026, 2, 10));
            set(s, "E001", items.get(0), "Disponible et fonctionnel");
            set(s, "E001", items.get(1), "Absent");
            set(s, "E003", "assessed_on", "11/02/2026");
            set(s, "E003", items.get(2), "Non applicable");
        });
        FieldImport.Check check = check(filled);
        assertThat(check.problems()).isEmpty();
        FieldImport.Result result = FieldImport.apply(dsl, edit, check, false);
        assertThat(result.rowsChanged()).isEqualTo(2);
        assertThat(result.valuesChanged()).isEqualTo(3);

        var a1 = dsl.selectFrom(ASSESSMENT).where(ASSESSMENT.ESSP_ID.eq(essp("E001").getId())).fetchSingle();
        assertThat(a1.getAssessedOn()).isEqualTo(LocalDate.of(2026, 2, 10));
        assertThat(a1.getCatalogueVersionId()).isEqualTo(versionId);
        assertThat(dsl.select(PMS_ITEM.CODE, ASSESSMENT_ANSWER.STATE).from(ASSESSMENT_ANSWER).join(PMS_ITEM)
                .on(PMS_ITEM.ID.eq(ASSESSMENT_ANSWER.ITEM_ID)).where(ASSESSMENT_ANSWER.ASSESSMENT_ID.eq(a1.getId()))
                .orderBy(PMS_ITEM.CODE).fetch().map(r -> r.value1() + "=" + r.value2()))
                .containsExactlyInAnyOrder(items.get(0) + "=available_functioning", items.get(1) + "=absent");
        var a3 = dsl.selectFrom(ASSESSMENT).where(ASSESSMENT.ESSP_ID.eq(essp("E003").getId())).fetchSingle();
        assertThat(a3.getAssessedOn()).isEqualTo(LocalDate.of(2026, 2, 11));
        assertThat(dsl.fetchCount(ASSESSMENT_ANSWER, ASSESSMENT_ANSWER.ASSESSMENT_ID.eq(a3.getId()))).isEqualTo(1);
        assertThat(dsl.fetchCount(ASSESSMENT)).as("ESSPs without answers get no assessment").isEqualTo(2);

        int audit = auditRows();
        String before = checksum(mission.path());
        FieldImport.Result second = FieldImport.apply(dsl, edit, check(filled), false);
        assertThat(second.rowsChanged()).isZero();
        assertThat(auditRows()).isEqualTo(audit);
        assertThat(dsl.fetchCount(ASSESSMENT)).isEqualTo(2);
        assertThat(checksum(mission.path())).isEqualTo(before);

        // a new template of the same mission carries the answers imported
        Path next = dir.resolve("next.xlsx");
        FieldTemplate.write(dsl, mission.schemaVersion(), TemplateKind.ASSESSMENT, ReportScope.NATIONAL, ReportLanguage.EN, next);
        try (InputStream in = Files.newInputStream(next); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet s = wb.getSheet("Assessment");
            var row = FieldTemplateTestSupport.rowOf(s, "E001");
            assertThat(row.getCell(FieldTemplateTestSupport.column(s, items.get(1))).getStringCellValue()).isEqualTo("Absent");
            assertThat(row.getCell(3).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2026, 2, 10));
        }
    }
}
