package ma.essp.diag.reporting.export;

import java.util.Locale;

/** The two report files: the Excel workbook (annexes) and the PDF report. */
public enum ReportFormat {
    XLSX("xlsx"), PDF("pdf");

    private final String extension;

    ReportFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    public static ReportFormat fromCode(String code) {
        try {
            return valueOf(code.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown format '" + code + "' (expected xlsx or pdf)", e);
        }
    }
}
