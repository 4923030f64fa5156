package ma.essp.diag.reporting.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.reporting.export.job.ReportExporter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Text longer than an Excel cell holds (32,767 characters) is cut with a marker and listed in the read-me. */
class LongTextExportTest {

    private static final int LIMIT = 32_767;

    @TempDir
    Path dir;

    @Test
    void aFortyThousandCharacterFindingAndHrNoteAreCutWithAMarkerAndListedInTheReadMe() throws Exception {
        Path file = ReportFixture.small(dir);
        String description = "Constat détaillé. ".repeat(2_223).substring(0, 40_000);
        String note = "ملاحظة ".repeat(6_000).substring(0, 40_000);
        Path out = dir.resolve("long.xlsx");
        try (MissionFile mission = MissionFile.open(file, dir.resolve("backups"))) {
            mission.dsl().execute("UPDATE finding SET description = ? WHERE id = (SELECT min(id) FROM finding)", description);
            mission.dsl().execute("UPDATE hr_relation SET notes = ? WHERE id = (SELECT min(id) FROM hr_relation)", note);
            ReportExporter.export(mission.dsl(), ReportRequest.of(ReportScope.NATIONAL, ReportLanguage.FR), ReportFormat.XLSX, out,
                    ExportProgress.NONE);
        }
        String marker = new ReportLabels(ReportLanguage.FR).format("cell.truncated", 40_000);
        assertThat(marker).startsWith("… [texte tronqué : 40").endsWith("000 caractères]");

        try (InputStream in = Files.newInputStream(out); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Cell finding = find(wb.getSheet("Constats"), description.substring(0, 100));
            assertThat(finding.getCellType()).isEqualTo(CellType.STRING);
            String cut = finding.getStringCellValue();
            assertThat(cut).hasSize(LIMIT).endsWith(marker);
            assertThat(description).startsWith(cut.substring(0, LIMIT - marker.length()));

            Cell hrNote = find(wb.getSheet("Matrice RH ESSP-GST"), note.substring(0, 100));
            assertThat(hrNote.getStringCellValue()).hasSize(LIMIT).endsWith(marker);

            List<String> readMe = new ArrayList<>();
            wb.getSheet("Lisez-moi").forEach(r -> readMe.add(r.getCell(0) == null ? "" : r.getCell(0).getStringCellValue()));
            assertThat(readMe).anySatisfy(line -> assertThat(line).startsWith("Textes tronqués : 2 cellule(s)"));
            assertThat(readMe).contains(
                    "• Feuille « Constats », ligne " + (finding.getRowIndex() + 1) + ", colonne F (cellule F" + (finding.getRowIndex() + 1)
                            + ") : 40\u202F000 caractères à l'origine",
                    "• Feuille « Matrice RH ESSP-GST », ligne " + (hrNote.getRowIndex() + 1) + ", colonne F (cellule F"
                            + (hrNote.getRowIndex() + 1) + ") : 40\u202F000 caractères à l'origine");
        }
    }

    @Test
    void aWorkbookWithoutLongTextSaysNothingAboutCuts() throws Exception {
        Path file = ReportFixture.small(dir);
        Path out = dir.resolve("short.xlsx");
        try (MissionFile mission = MissionFile.open(file, dir.resolve("backups"))) {
            ReportExporter.export(mission.dsl(), ReportRequest.of(ReportScope.NATIONAL, ReportLanguage.EN), ReportFormat.XLSX, out,
                    ExportProgress.NONE);
        }
        try (InputStream in = Files.newInputStream(out); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            for (Row r : wb.getSheet("Read me")) {
                assertThat(r.getCell(0).getStringCellValue()).doesNotContain("truncated");
            }
        }
    }

    @Test
    void textThatLooksLikeAFormulaStaysAPlainStringCellWithoutAQuote() throws Exception {
        Path file = ReportFixture.small(dir);
        Path out = dir.resolve("formula.xlsx");
        List<String> titles = List.of("=1+1", "+33 6 12", "-2+3", "@SUM(A1)", "\tTab");
        try (MissionFile mission = MissionFile.open(file, dir.resolve("backups"))) {
            for (String title : titles) {
                mission.dsl().execute("INSERT INTO finding (axis, scope_level, kind, title, uuid, updated_at, updated_by)"
                        + " VALUES (2, 'national', 'threat', ?, ?, '2026-01-01T00:00:00Z', 'test')", title, "u-" + title.hashCode());
            }
            ReportExporter.export(mission.dsl(), ReportRequest.of(ReportScope.NATIONAL, ReportLanguage.FR), ReportFormat.XLSX, out,
                    ExportProgress.NONE);
        }
        try (InputStream in = Files.newInputStream(out); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            for (String title : titles) {
                Cell cell = find(wb.getSheet("Constats"), title);
                assertThat(cell.getCellType()).as(title).isEqualTo(CellType.STRING);
                assertThat(cell.getStringCellValue()).isEqualTo(title); // the workbook needs no CSV-style quote
            }
        }
    }

    private static Cell find(Sheet sheet, String prefix) {
        assertThat(sheet).isNotNull();
        for (Row row : sheet) {
            for (Cell cell : row) {
                if (cell.getCellType() == CellType.STRING && cell.getStringCellValue().startsWith(prefix)) {
                    return cell;
                }
            }
        }
        throw new AssertionError("no cell starting with " + prefix.substring(0, 20) + " in " + sheet.getSheetName());
    }
}
