package ma.essp.diag.reporting.export.pdf;

import ma.essp.diag.reporting.export.ReportData;
import ma.essp.diag.reporting.export.ReportLabels;

/** Findings and recommendations. */
final class FindingsSection {

    private final PdfContent out;
    private final ReportData data;
    private final ReportLabels l;

    FindingsSection(PdfContent out) {
        this.out = out;
        this.data = out.data();
        this.l = out.labels();
    }

    void write() {
        out.h1(l.get("findings.title"));
        if (data.findings().isEmpty() && data.recommendations().isEmpty()) {
            out.note(l.get("findings.none"));
            return;
        }
        out.h2(l.get("sheet.findings"));
        PdfTable f = new PdfTable("T5").header(l.get("col.axis"), l.get("col.territory"), l.get("col.title"),
                l.get("col.finding_kind"), l.get("col.priority"));
        data.findings().forEach(x -> f.row(Integer.toString(x.axis()), x.territory(),
                x.description() == null ? x.title() : x.title() + " — " + x.description(), x.kind(), x.priority()));
        out.table(f);
        out.h2(l.get("sheet.recommendations"));
        PdfTable r = new PdfTable("T5").header(l.get("col.axis"), l.get("col.territory"), l.get("col.recommendation"),
                l.get("col.responsible"), l.get("col.horizon"));
        data.recommendations().forEach(x -> r.row(Integer.toString(x.axis()), x.territory(), x.text(),
                x.responsible() == null ? "" : x.responsible(), x.horizon() + " / " + x.priority()));
        out.table(r);
    }
}
