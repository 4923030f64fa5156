package ma.essp.diag.reporting.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.repository.PerpetratorCareRepository;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Chapter 6's sites listing and the workbook's perpetrator-care sheet name each site's kind in the report's language
 * (the fixture's sites name no ESSP: hospital sites by default).
 */
class PerpetratorCareSiteKindReportTest {

    @TempDir
    Path dir;

    @Test
    void theSitesListingShowsTheKindLabel() throws Exception {
        try (MissionFile mission = MissionFile.open(ReportFixture.small(dir), dir.resolve("backups"))) {
            var dsl = mission.dsl();
            Integer provinceId = (Integer) dsl.fetchValue("""
                    SELECT c.province_id FROM essp e JOIN circonscription c ON c.id = e.circonscription_id WHERE e.code = ?""",
                    ReportFixture.FIRST_ESSP);
            new PerpetratorCareRepository(dsl).addSite(EditContext.system("test"), "Service de psychiatrie — CHP test",
                    provinceId, "psychiatric_service", null, LocalDate.parse("2026-02-02"));
            int hospitals = dsl.fetchCount(dsl.selectFrom("perpetrator_care_site").where("kind = 'hospital' AND deleted = 0"));
            assertThat(hospitals).isPositive();

            for (var lang : new ReportLanguage[] {ReportLanguage.FR, ReportLanguage.EN}) {
                ReportData data = ReportDataCollector.load(dsl).collect(ReportRequest.of(ReportScope.NATIONAL, lang));
                var sites = data.perpetratorCare().sites();
                String psychiatry = lang == ReportLanguage.FR ? "service de psychiatrie" : "psychiatric service";
                assertThat(sites).filteredOn(s -> s.name().equals("Service de psychiatrie — CHP test"))
                        .extracting(ReportData.SiteRow::kind).containsExactly(psychiatry);
                String hospital = lang == ReportLanguage.FR ? "hôpital" : "hospital";
                assertThat(sites).filteredOn(s -> s.kind().equals(hospital)).hasSize(hospitals);
                assertThat(sites).hasSize(hospitals + 1);
            }
        }
    }

    @Test
    void theWorkbookSitesSheetHasTheKindColumn() throws Exception {
        try (MissionFile mission = MissionFile.open(ReportFixture.small(dir), dir.resolve("backups"))) {
            var dsl = mission.dsl();
            Integer provinceId = (Integer) dsl.fetchValue("""
                    SELECT c.province_id FROM essp e JOIN circonscription c ON c.id = e.circonscription_id WHERE e.code = ?""",
                    ReportFixture.FIRST_ESSP);
            Integer esspId = (Integer) dsl.fetchValue("SELECT id FROM essp WHERE code = ?", ReportFixture.FIRST_ESSP);
            var care = new PerpetratorCareRepository(dsl);
            care.addSite(EditContext.system("test"), "Service de psychiatrie — CHP test", provinceId, "psychiatric_service",
                    null, LocalDate.parse("2026-02-02"));
            care.addSite(EditContext.system("test"), "Consultation — ESSP test", provinceId, "essp", esspId,
                    LocalDate.parse("2026-02-02"));

            String[][] expected = {
                    {"FR", "Type", "service de psychiatrie", "ESSP"},
                    {"EN", "Kind", "psychiatric service", "ESSP"},
                    {"AR", "النوع", "مصلحة الطب النفسي", "مؤسسة الرعاية الصحية الأولية"},
            };
            for (String[] e : expected) {
                ReportLanguage lang = ReportLanguage.valueOf(e[0]);
                Path xlsx = dir.resolve("sites-" + e[0] + ".xlsx");
                ma.essp.diag.reporting.export.job.ReportExporter.export(dsl,
                        new ReportRequest(ReportScope.NATIONAL, lang, null, null, "Test", "v1"), ReportFormat.XLSX, xlsx,
                        ExportProgress.NONE);
                ReportLabels labels = new ReportLabels(lang);
                try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(xlsx))) {
                    Sheet sheet = wb.getSheet(WorkbookUtil.createSafeSheetName(labels.get("sheet.perpetrator_care")));
                    assertThat(sheet).as(e[0]).isNotNull();
                    Row header = null;
                    int kindCol = -1;
                    for (Row row : sheet) {
                        for (Cell c : row) {
                            if (c.getCellType() == CellType.STRING && c.getStringCellValue().equals(e[1])) {
                                header = row;
                                kindCol = c.getColumnIndex();
                            }
                        }
                        if (header != null) {
                            break;
                        }
                    }
                    assertThat(kindCol).as(e[0] + " kind column").isEqualTo(2);
                    assertThat(header.getCell(0).getStringCellValue()).isEqualTo(labels.get("col.site"));
                    assertThat(header.getCell(3).getStringCellValue()).isEqualTo(labels.get("col.essp"));
                    java.util.Map<String, String> kinds = new java.util.HashMap<>();
                    java.util.Map<String, String> essps = new java.util.HashMap<>();
                    for (int r = header.getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                        Row row = sheet.getRow(r);
                        if (row != null && row.getCell(0) != null && row.getCell(2) != null) {
                            kinds.put(row.getCell(0).getStringCellValue(), row.getCell(2).getStringCellValue());
                            essps.put(row.getCell(0).getStringCellValue(),
                                    row.getCell(3) == null ? "" : row.getCell(3).getStringCellValue());
                        }
                    }
                    assertThat(kinds).as(e[0]).containsEntry("Service de psychiatrie — CHP test", e[2])
                            .containsEntry("Consultation — ESSP test", e[3]);
                    assertThat(essps.get("Consultation — ESSP test")).as(e[0]).isNotBlank();
                    assertThat(essps.get("Service de psychiatrie — CHP test")).as(e[0]).isEmpty();
                }
            }
        }
    }
}
