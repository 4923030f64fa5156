package ma.essp.diag.reporting.export;

import static ma.essp.diag.database.jooq.Tables.CIRCONSCRIPTION;
import static ma.essp.diag.database.jooq.Tables.ESSP;
import static ma.essp.diag.database.jooq.Tables.PROVINCE;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.repository.DataFlowData;
import ma.essp.diag.database.repository.DataFlowRepository;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report's data-flow rates by report type ({@code FlowQuality.byType}, the workbook's data-flow sheet) are those of
 * {@code DataFlowFigures.byReportType}. Circonscription C1 (province 01.511) with ESSPs E1 and E2, types ACT and VAC,
 * one link each from the ESSP:
 * <pre>
 * ACT E1: 2 expected, 2 received, 1 on time     ACT E2: 2 expected, 1 received, on time not recorded
 * VAC E1: 1 expected, 4 received (counted 1), 4 on time (counted 1)
 * → ACT n 2, 3/4 = 75 %, on time 1/2 = 50 %;  VAC n 1, 1/1 = 100 % (never 400 %), on time 1/1 = 100 %
 * </pre>
 */
class ReportFlowsByTypeTest {

    @TempDir
    Path dir;

    @Test
    void ratesByReportTypeInTheNationalReport() throws Exception {
        try (MissionFile mission = MissionFile.create(dir.resolve("flows.essp"))) {
            DSLContext dsl = mission.dsl();
            EditContext edit = EditContext.system("test");
            Integer province = dsl.select(PROVINCE.ID).from(PROVINCE).where(PROVINCE.CODE.eq("01.511")).fetchOne(PROVINCE.ID);
            Integer region = dsl.select(PROVINCE.REGION_ID).from(PROVINCE).where(PROVINCE.ID.eq(province)).fetchOne(PROVINCE.REGION_ID);
            var c = dsl.newRecord(CIRCONSCRIPTION);
            c.setProvinceId(province);
            c.setCode("C1");
            c.setNameFr("Circonscription 1");
            c.setMilieu("urban");
            edit.stampNew(c).store();
            int[] essps = new int[2];
            for (int n = 1; n <= 2; n++) {
                var e = dsl.newRecord(ESSP);
                e.setCode("E" + n);
                e.setNameFr("ESSP " + n);
                e.setCategoryCode("CSU-1");
                e.setCirconscriptionId(c.getId());
                e.setMilieu("urban");
                edit.stampNew(e).store();
                essps[n - 1] = e.getId();
            }
            DataFlowRepository flows = new DataFlowRepository(dsl, edit);
            int act = flows.saveReportType(new DataFlowData.ReportType(0, 0, "ACT", "Activité", "Activity", null, "SNIS", "monthly", "paper"));
            int vac = flows.saveReportType(new DataFlowData.ReportType(0, 0, "VAC", "Vaccination", "Immunisation", null, "PNI", "monthly", "paper"));
            int actLink = flows.saveLink(new DataFlowData.Link(0, 0, act, "essp", "circonscription", region, null, "paper", 5, null, true, null));
            int vacLink = flows.saveLink(new DataFlowData.Link(0, 0, vac, "essp", "circonscription", region, null, "paper", 5, null, true, null));
            flows.saveObservation(new DataFlowData.Observation(0, 0, actLink, essps[0], "2026-03", 2, 2, 1, null, null));
            flows.saveObservation(new DataFlowData.Observation(0, 0, actLink, essps[1], "2026-03", 2, 1, null, null, null));
            flows.saveObservation(new DataFlowData.Observation(0, 0, vacLink, essps[0], "2026-03", 1, 4, 4, null, null));

            ReportData en = ReportDataCollector.load(dsl).collect(ReportRequest.of(ReportScope.NATIONAL, ReportLanguage.EN));
            assertThat(en.flowQuality().byType()).extracting(r -> r.level() + " n=" + r.figures().observations() + " "
                            + r.figures().received() + "/" + r.figures().expected() + " " + r.figures().completeness() + " "
                            + r.figures().timeliness())
                    .containsExactly("ACT — Activity n=2 3/4 0.75 0.5", "VAC — Immunisation n=1 1/1 1.0 1.0");

            // the workbook's data-flow sheet carries the same rates, with their n
            Path xlsx = dir.resolve("flows-en.xlsx");
            ma.essp.diag.reporting.export.job.ReportExporter.export(dsl, new ReportRequest(ReportScope.NATIONAL, ReportLanguage.EN, null, null, "Test", "v1"),
                    ReportFormat.XLSX, xlsx, ExportProgress.NONE);
            java.util.Map<String, Double> cells = new java.util.HashMap<>();
            try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                    java.nio.file.Files.newInputStream(xlsx))) {
                for (org.apache.poi.ss.usermodel.Row row : wb.getSheet("Data flows")) {
                    if (row.getCell(0) != null && row.getCell(1) != null
                            && row.getCell(0).getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                            && row.getCell(1).getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC) {
                        cells.put(row.getCell(0).getStringCellValue(), row.getCell(1).getNumericCellValue());
                    }
                }
            }
            assertThat(cells).containsEntry("Reporting rate, type ACT — Activity (n = 2 obs., 4 expected)", 0.75)
                    .containsEntry("On-time rate, type ACT — Activity (n = 2 expected)", 0.5)
                    .containsEntry("Reporting rate, type VAC — Immunisation (n = 1 obs., 1 expected)", 1.0)
                    .containsEntry("On-time rate, type VAC — Immunisation (n = 1 expected)", 1.0);
        }
    }
}
