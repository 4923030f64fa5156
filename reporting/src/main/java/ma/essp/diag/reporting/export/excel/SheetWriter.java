package ma.essp.diag.reporting.export.excel;

import java.time.LocalDate;
import java.util.List;
import ma.essp.diag.reporting.export.ExportCancelledException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;

/**
 * Writes one sheet row by row (streamed: rows flushed to disk by SXSSF): a header row that is frozen and carries the
 * auto-filter, typed cells (numbers as numbers, dates as dates, text always as a plain string — never a formula, so a
 * name starting with {@code =} stays text), column widths given up front (auto-sizing would need every row in
 * memory). Every string reaches its cell through {@link #text}, which cuts what is longer than a cell holds.
 */
final class SheetWriter {

    /** A column: header and width in characters. */
    record Col(String header, int width) {
    }

    /** A share in [0, 1], written as a percentage cell. */
    record Pct(Double value) {
    }

    /** A 0–100 score, written with one decimal (and in the conditional-formatting range). */
    record Score(Double value) {
    }

    /** Sees every table row written (the benchmark records the cells to write them again with bare SXSSF). */
    interface RowListener {
        void row(String sheet, Object[] values);
    }

    private final SXSSFSheet sheet;
    private final ExcelStyles styles;
    private final Runnable onRow;
    private final LongTextCutter cutter;
    private RowListener listener;
    private int next;
    private int headerRow = -1;
    private int columns;

    SheetWriter(SXSSFSheet sheet, ExcelStyles styles, boolean rightToLeft, LongTextCutter cutter, Runnable onRow) {
        this.sheet = sheet;
        this.styles = styles;
        this.cutter = cutter;
        this.onRow = onRow;
        sheet.setRightToLeft(rightToLeft);
        // printed (or converted to PDF): landscape, one page wide, the header row repeated on every page
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setLandscape(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
    }

    SXSSFSheet sheet() {
        return sheet;
    }

    SheetWriter listener(RowListener value) {
        listener = value;
        return this;
    }

    int nextRow() {
        return next;
    }

    /** A line of text above the table (title, notes); {@code style} one of the shared styles. */
    void line(String text, CellStyle style) {
        Row row = sheet.createRow(next++);
        Cell cell = row.createCell(0);
        text(cell, text == null ? "" : text);
        cell.setCellStyle(style);
    }

    void label(String label, Object value) {
        Row row = sheet.createRow(next++);
        Cell cell = row.createCell(0);
        text(cell, label);
        cell.setCellStyle(styles.bold);
        set(row, 1, value);
    }

    void blank() {
        next++;
    }

    /** The header row: frozen (with everything above it) and the top of the auto-filter. */
    void header(List<Col> cols) {
        headerRow = next;
        columns = cols.size();
        Row row = sheet.createRow(next++);
        row.setHeightInPoints(30);
        for (int i = 0; i < cols.size(); i++) {
            Cell cell = row.createCell(i);
            text(cell, cols.get(i).header());
            cell.setCellStyle(styles.header);
            sheet.setColumnWidth(i, Math.min(255, cols.get(i).width()) * 256);
        }
        sheet.createFreezePane(0, headerRow + 1);
        sheet.setRepeatingRows(new CellRangeAddress(headerRow, headerRow, -1, -1));
    }

    void row(Object... values) throws ExportCancelledException {
        if ((next & 255) == 0) {
            ExportCancelledException.checkCancelled();
        }
        Row row = sheet.createRow(next++);
        for (int i = 0; i < values.length; i++) {
            set(row, i, values[i]);
        }
        onRow.run();
        if (listener != null) {
            Object[] plain = new Object[values.length];
            for (int i = 0; i < values.length; i++) {
                plain[i] = values[i] instanceof Pct p ? p.value() : values[i] instanceof Score sc ? sc.value() : values[i];
            }
            listener.row(sheet.getSheetName(), plain);
        }
    }

    private void set(Row row, int column, Object value) {
        if (value == null) {
            return;
        }
        Cell cell = row.createCell(column);
        switch (value) {
            case String s -> {
                text(cell, s); // a string cell: never interpreted as a formula
                cell.setCellStyle(styles.text);
            }
            case Integer n -> {
                cell.setCellValue(n);
                cell.setCellStyle(styles.integer);
            }
            case Long n -> {
                cell.setCellValue(n);
                cell.setCellStyle(styles.integer);
            }
            case Double d -> {
                cell.setCellValue(d);
                cell.setCellStyle(styles.decimal);
            }
            case Score s -> {
                if (s.value() == null) {
                    row.removeCell(cell);
                } else {
                    cell.setCellValue(s.value());
                    cell.setCellStyle(styles.decimal);
                }
            }
            case Pct p -> {
                if (p.value() == null) {
                    row.removeCell(cell);
                } else {
                    cell.setCellValue(p.value());
                    cell.setCellStyle(styles.percent);
                }
            }
            case LocalDate d -> {
                cell.setCellValue(d);
                cell.setCellStyle(styles.date);
            }
            case Boolean b -> {
                cell.setCellValue(b);
            }
            default -> {
                text(cell, value.toString());
                cell.setCellStyle(styles.text);
            }
        }
    }

    /** The one place a string is written into a cell: as a string (never a formula), cut to what a cell holds. */
    private void text(Cell cell, String value) {
        cell.setCellValue(cutter.fit(sheet.getSheetName(), cell.getRowIndex(), cell.getColumnIndex(), value));
    }

    /** Closes the table: auto-filter from the header row to the last row written. */
    void endTable() {
        if (headerRow >= 0 && columns > 0) {
            sheet.setAutoFilter(new CellRangeAddress(headerRow, Math.max(headerRow, next - 1), 0, columns - 1));
        }
    }

    int headerRow() {
        return headerRow;
    }
}
