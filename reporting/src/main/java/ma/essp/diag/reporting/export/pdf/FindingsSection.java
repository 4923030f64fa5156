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
        // the evidence with its value printed under each finding; a figure changed since is shown with its value now
        PdfTable f = new PdfTable("T5").header(l.get("col.ref"), l.get("col.territory"), l.get("col.finding_evidence"),
                l.get("col.finding_kind"), l.get("col.priority"));
        data.findings().forEach(x -> f.row(x.ref() + " · " + x.axis(), x.territory(),
                (x.description() == null ? x.title() : x.title() + " — " + x.description())
                        + (x.evidence().isEmpty() ? "" : "\n" + l.get("col.evidence") + " : " + x.evidence()),
                x.kind(), x.priority() + (x.review() ? " · " + l.get("findings.review") : "")));
        out.table(f);
        out.h2(l.get("sheet.recommendations"));
        out.note(l.get("findings.recommendations.order"));
        PdfTable r = new PdfTable("T5").header(l.get("col.ref"), l.get("col.findings_answered"), l.get("col.recommendation"),
                l.get("col.horizon"), l.get("col.cost_mad"));
        int n = 0;
        for (var x : data.recommendations()) {
            n++;
            r.row(l.get("findings.rec_ref") + n, x.findingRefs(),
                    x.text() + (x.responsible() == null ? "" : "\n" + l.get("col.responsible") + " : " + x.responsible())
                            + (x.indicator().isEmpty() ? "" : "\n" + l.get("col.indicator") + " : " + x.indicator()),
                    x.priority() + " / " + x.horizon(), x.costMad() == null ? "–" : l.number(x.costMad(), 0));
        }
        out.table(r);
    }
}
