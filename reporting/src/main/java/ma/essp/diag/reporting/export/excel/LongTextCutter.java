package ma.essp.diag.reporting.export.excel;

import java.util.ArrayList;
import java.util.List;
import ma.essp.diag.reporting.export.ReportLabels;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.util.CellReference;

/**
 * Fits text into an Excel cell, which holds at most {@value #MAX} characters (POI refuses more, Excel would
 * cut it): a longer text is cut and ends with a visible marker in the report's language ("… [texte tronqué :
 * 40 000 caractères]"), never dropped and never failing the export. Every cut is kept so the read-me sheet can list
 * it (sheet, cell, original length).
 */
final class LongTextCutter {

    static final int MAX = SpreadsheetVersion.EXCEL2007.getMaxTextLength();

    /** One cut cell: sheet name, 0-based row and column, the original length in characters. */
    record Cut(String sheet, int row, int column, int length) {
        String cell() {
            return new CellReference(row, column).formatAsString();
        }
    }

    private final ReportLabels labels;
    private final List<Cut> cuts = new ArrayList<>();

    LongTextCutter(ReportLabels labels) {
        this.labels = labels;
    }

    /** The text as it fits in the cell; a cut is recorded. */
    String fit(String sheet, int row, int column, String text) {
        if (text.length() <= MAX) {
            return text;
        }
        String marker = labels.format("cell.truncated", text.length());
        int keep = MAX - marker.length();
        if (Character.isHighSurrogate(text.charAt(keep - 1))) {
            keep--; // never split a character outside the basic plane
        }
        cuts.add(new Cut(sheet, row, column, text.length()));
        return text.substring(0, keep) + marker;
    }

    List<Cut> cuts() {
        return List.copyOf(cuts);
    }
}
