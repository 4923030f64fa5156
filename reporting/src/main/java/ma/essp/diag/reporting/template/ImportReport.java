package ma.essp.diag.reporting.template;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import ma.essp.diag.database.files.AtomicOutput;
import ma.essp.diag.database.files.OutputTarget;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The row-level report of a field template import as a workbook: one line per problem (sheet, row, column, value,
 * problem in the user's language), after a summary line. Written atomically, streamed (a national file may hold many
 * problems).
 */
public final class ImportReport {

    private ImportReport() {
    }

    /** The default place of the report: next to the input, {@code NAME-report.xlsx}. */
    public static Path besides(Path input) {
        String name = input.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return input.resolveSibling((dot > 0 ? name.substring(0, dot) : name) + "-report.xlsx");
    }

    /** The summary line: rows read, rows with a problem, problems; warnings (likely duplicates) to review. */
    public static String summary(FieldImport.Check check, TemplateWords words) {
        int warnings = check.warnings().size();
        String summary = check.valid() ? words.format("report.summary.valid", check.dataRows())
                : words.format("report.summary.problems", check.dataRows(), check.invalidRows(), check.problems().size() - warnings);
        return warnings == 0 ? summary : summary + " " + words.format("report.summary.warnings", warnings);
    }

    public static void write(FieldImport.Check check, TemplateWords words, Path out) throws IOException {
        AtomicOutput.write(out, OutputTarget.Policy.OUTPUT, part -> {
            try (SXSSFWorkbook wb = new SXSSFWorkbook(200); OutputStream stream = Files.newOutputStream(part)) {
                SXSSFSheet sheet = wb.createSheet(words.get("report.sheet"));
                if (words.language().rightToLeft()) {
                    sheet.setRightToLeft(true);
                }
                CellStyle bold = wb.createCellStyle();
                Font font = wb.createFont();
                font.setBold(true);
                bold.setFont(font);
                sheet.createRow(0).createCell(0).setCellValue(summary(check, words));
                sheet.getRow(0).getCell(0).setCellStyle(bold);
                List<String> headers = List.of(words.get("report.column.sheet"), words.get("report.column.row"),
                        words.get("report.column.column"), words.get("report.column.value"), words.get("report.column.problem"));
                Row header = sheet.createRow(2);
                for (int c = 0; c < headers.size(); c++) {
                    header.createCell(c).setCellValue(headers.get(c));
                    header.getCell(c).setCellStyle(bold);
                }
                int r = 3;
                for (ImportProblem p : check.problems()) {
                    Row row = sheet.createRow(r++);
                    row.createCell(0).setCellValue(p.sheet() == null ? "" : p.sheet());
                    if (p.row() != null) {
                        row.createCell(1).setCellValue(p.row());
                    }
                    row.createCell(2).setCellValue(p.column() == null ? "" : p.column());
                    row.createCell(3).setCellValue(p.value() == null ? "" : p.value());
                    row.createCell(4).setCellValue(words.problem(p));
                }
                sheet.setColumnWidth(0, 14 * 256);
                sheet.setColumnWidth(1, 8 * 256);
                sheet.setColumnWidth(2, 20 * 256);
                sheet.setColumnWidth(3, 24 * 256);
                sheet.setColumnWidth(4, 90 * 256);
                sheet.createFreezePane(0, 3);
                wb.write(stream);
            }
        });
    }
}
