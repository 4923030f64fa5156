package ma.essp.diag.reporting.export.excel;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;

/** The few cell styles of the workbook, created once (a workbook has a limit on styles). */
final class ExcelStyles {

    final CellStyle header;
    final CellStyle text;
    final CellStyle integer;
    final CellStyle decimal;
    final CellStyle percent;
    final CellStyle date;
    final CellStyle title;
    final CellStyle bold;
    final CellStyle warning;
    final CellStyle wrap;

    /**
     * @param rightToLeft an Arabic workbook: text is aligned right explicitly, because a text that starts with digits or
     *                    Latin letters (a code, a French name) would otherwise sit on the left of its cell, against the
     *                    figures of the next column, and long lines would overflow off the sheet's right edge
     */
    ExcelStyles(Workbook wb, boolean rightToLeft) {
        Font boldFont = wb.createFont();
        boldFont.setBold(true);
        Font titleFont = wb.createFont();
        titleFont.setBold(true);
        titleFont.setFontHeightInPoints((short) 14);
        Font warningFont = wb.createFont();
        warningFont.setBold(true);
        warningFont.setColor(IndexedColors.DARK_RED.getIndex());

        header = wb.createCellStyle();
        header.setFont(boldFont);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        header.setWrapText(true);
        header.setVerticalAlignment(VerticalAlignment.CENTER);
        header.setBorderBottom(BorderStyle.THIN);

        text = wb.createCellStyle();
        text.setDataFormat(wb.createDataFormat().getFormat("@"));
        wrap = wb.createCellStyle();
        wrap.setWrapText(true);
        wrap.setVerticalAlignment(VerticalAlignment.TOP);
        integer = wb.createCellStyle();
        integer.setDataFormat(wb.createDataFormat().getFormat("#,##0"));
        decimal = wb.createCellStyle();
        decimal.setDataFormat(wb.createDataFormat().getFormat("0.0"));
        percent = wb.createCellStyle();
        percent.setDataFormat(wb.createDataFormat().getFormat("0.0%"));
        date = wb.createCellStyle();
        date.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
        title = wb.createCellStyle();
        title.setFont(titleFont);
        bold = wb.createCellStyle();
        bold.setFont(boldFont);
        warning = wb.createCellStyle();
        warning.setFont(warningFont);
        if (rightToLeft) {
            for (CellStyle style : new CellStyle[] {text, wrap, title, bold, warning}) {
                style.setAlignment(HorizontalAlignment.RIGHT);
            }
        }
    }
}
