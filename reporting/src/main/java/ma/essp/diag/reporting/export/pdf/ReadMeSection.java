package ma.essp.diag.reporting.export.pdf;

import ma.essp.diag.reporting.export.ReportCredits;
import ma.essp.diag.reporting.export.ReportData;
import ma.essp.diag.reporting.export.ReportLabels;

/** The "read me": the synthetic-data warning, method, sources and credits (the workbook's read-me lines). */
final class ReadMeSection {

    private final PdfContent out;
    private final ReportData data;
    private final ReportLabels l;

    ReadMeSection(PdfContent out) {
        this.out = out;
        this.data = out.data();
        this.l = out.labels();
    }

    void write() {
        out.h1(l.get("readme.title"));
        if (data.synthetic()) {
            out.add(PdfBlock.paragraph(l.get("readme.synthetic"), "warning"));
        }
        for (String line : ReportCredits.readMeLines(l, data.readinessRules(), data.complaints().deadlines())) {
            if (!line.isEmpty() && !line.equals(l.get("readme.sheets"))) {
                out.p(line);
            }
        }
    }
}
