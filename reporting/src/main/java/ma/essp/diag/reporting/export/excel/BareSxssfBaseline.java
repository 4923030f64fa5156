package ma.essp.diag.reporting.export.excel;

import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Benchmark baseline: the same cells as the report workbook ({@link ExcelReportWriter#tableRows}) written by bare
 * SXSSF code — no styles, widths, frozen panes, filters or conditional formatting. The ratio of the two times is
 * what our layer costs.
 */
public final class BareSxssfBaseline {

    private BareSxssfBaseline() {
    }

    public static void write(Map<String, List<Object[]>> sheets, OutputStream out) throws Exception {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(null, 200, true, true)) {
            for (Map.Entry<String, List<Object[]>> e : sheets.entrySet()) {
                SXSSFSheet sheet = wb.createSheet(e.getKey());
                int r = 0;
                for (Object[] values : e.getValue()) {
                    Row row = sheet.createRow(r++);
                    for (int i = 0; i < values.length; i++) {
                        Object v = values[i];
                        if (v == null) {
                            continue;
                        }
                        Cell cell = row.createCell(i);
                        switch (v) {
                            case Number n -> cell.setCellValue(n.doubleValue());
                            case LocalDate d -> cell.setCellValue(d);
                            default -> cell.setCellValue(v.toString());
                        }
                    }
                }
            }
            wb.write(out);
        }
    }
}
