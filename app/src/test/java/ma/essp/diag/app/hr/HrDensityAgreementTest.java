package ma.essp.diag.app.hr;

import static ma.essp.diag.database.jooq.Tables.ESSP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.task.CurrentThreadTaskExecutor;
import ma.essp.diag.database.testing.FixtureMission;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.repository.StaffRepository;
import ma.essp.diag.database.repository.StaffRepository.PositionDraft;
import ma.essp.diag.reporting.export.ExportProgress;
import ma.essp.diag.reporting.export.ReportFormat;
import ma.essp.diag.reporting.export.ReportLanguage;
import ma.essp.diag.reporting.export.ReportRequest;
import ma.essp.diag.reporting.export.ReportScope;
import ma.essp.diag.reporting.export.job.ReportExporter;
import ma.essp.diag.reporting.hr.HrFactsLoader;
import ma.essp.diag.reporting.hr.HrIndicators;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One HR density: the HR screen's figure for a region (its view model's value) and the workbook's cell for the same
 * region are the same number, and that number is the hand-worked one.
 */
class HrDensityAgreementTest {

    /** Tanger-Tétouan-Al Hoceima, 2024 census. */
    static final long REGION_01_CENSUS = 4_030_222L;

    @TempDir
    Path dir;

    @Test
    void theHrScreenAndTheWorkbookShowTheSameDensityForARegion() throws Exception {
        try (MissionFile mission = FixtureMission.create(dir.resolve("hr.essp"))) {
            var dsl = mission.dsl();
            int e001 = dsl.select(ESSP.ID).from(ESSP).where(ESSP.CODE.eq("E001")).fetchOne(ESSP.ID);
            int e002 = dsl.select(ESSP.ID).from(ESSP).where(ESSP.CODE.eq("E002")).fetchOne(ESSP.ID);
            // region 01: E001 doctor filled 1 + nurse contract 1 (in post); midwife on leave and nurse seconded (not in
            // post); a support agent (not core); E002 nurse filled 0.5 -> 2.5 core FTE
            new StaffRepository(dsl, EditContext.system("test")).createAll(List.of(
                    pos(e001, "doctor_gp", "filled", 1), pos(e001, "nurse", "contract", 1), pos(e001, "midwife", "on_leave", 1),
                    pos(e001, "nurse", "seconded", 1), pos(e001, "support_staff", "filled", 1), pos(e002, "nurse", "filled", 0.5)));

            var screen = new HrIndicatorsViewModel(new HrFactsLoader(dsl), new CurrentThreadTaskExecutor(), new I18n(Locale.FRENCH));
            screen.load();
            assertThat(screen.levelProperty().get().value()).isEqualTo("REGION");
            HrIndicators.Figures region = screen.rows().stream().filter(f -> f.code().equals("01")).findFirst().orElseThrow();
            double expected = 2.5 * 10_000 / REGION_01_CENSUS;
            assertThat(region.coreFte()).isCloseTo(2.5, within(1e-12));
            assertThat(region.corePer10k()).isCloseTo(expected, within(1e-15));

            Path xlsx = dir.resolve("national.xlsx");
            ReportExporter.export(dsl, new ReportRequest(ReportScope.parse("national"), ReportLanguage.FR, null, null, "Test", "v1"),
                    ReportFormat.XLSX, xlsx, ExportProgress.NONE);
            try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(xlsx))) {
                Sheet hr = wb.getSheet("RH");
                Row header = null;
                Row tanger = null;
                for (Row row : hr) {
                    Cell first = row.getCell(0);
                    String text = first == null || first.getCellType() != CellType.STRING ? "" : first.getStringCellValue();
                    if (text.equals("Unité territoriale")) {
                        header = row;
                    } else if (text.equals("Tanger-Tétouan-Al Hoceima")) {
                        tanger = row;
                    }
                }
                assertThat(header).isNotNull();
                assertThat(tanger).isNotNull();
                int density = -1;
                int population = -1;
                for (Cell c : header) {
                    if (c.getStringCellValue().equals("Densité / 10 000")) {
                        density = c.getColumnIndex();
                    } else if (c.getStringCellValue().startsWith("Population")) {
                        population = c.getColumnIndex();
                    }
                }
                assertThat(tanger.getCell(density).getNumericCellValue()).isEqualTo(region.corePer10k());
                assertThat((long) tanger.getCell(population).getNumericCellValue()).isEqualTo(REGION_01_CENSUS);
            }
        }
    }

    private static PositionDraft pos(int essp, String cadre, String status, double fte) {
        return new PositionDraft(essp, null, cadre, "ministry", status, fte, null, null, null, null);
    }
}
