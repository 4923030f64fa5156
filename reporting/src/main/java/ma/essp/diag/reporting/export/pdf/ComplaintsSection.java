package ma.essp.diag.reporting.export.pdf;

import java.util.List;
import ma.essp.diag.reporting.export.ReportData;
import ma.essp.diag.reporting.export.ReportLabels;

/** Chapter 3, complaints: the complaint systems of the ESSPs and the deadlines met per category. */
final class ComplaintsSection {

    private final PdfContent out;
    private final ReportData data;
    private final ReportLabels l;

    ComplaintsSection(PdfContent out) {
        this.out = out;
        this.data = out.data();
        this.l = out.labels();
    }

    void write() {
        out.h1("3. " + l.get("axis.3"));
        out.note(l.get("complaints.rule"));
        ReportData.ComplaintSummary c = data.complaints();
        PdfTable systems = new PdfTable("KV").header(l.get("col.indicator"), l.get("col.value"))
                .row(l.get("complaints.systems"), out.n0(c.systems()));
        c.systemShares().forEach((k, v) -> systems.row(l.word("system", k), out.pct(v)));
        out.table(systems);
        out.h2(l.get("chart.complaint_deadlines"));
        PdfTable t = new PdfTable("A").header(l.get("col.complaint_category"), l.get("col.samples"), l.get("col.ack15"),
                l.get("col.processed_2m"), l.get("col.mean_days_close"));
        BarChart chart = new BarChart(l.get("chart.complaint_deadlines"), List.of(l.get("col.ack15"), l.get("col.processed_2m"))).unit(" %", 0);
        for (ReportData.CategoryRow r : c.byCategory()) {
            t.row(r.category(), out.n0(r.samples()), out.pct(r.acknowledgedIn15Days()), out.pct(r.processedIn2Months()), out.n(r.meanDaysToClose()));
            chart.bar(r.category(), r.acknowledgedIn15Days() == null ? null : r.acknowledgedIn15Days() * 100,
                    r.processedIn2Months() == null ? null : r.processedIn2Months() * 100);
        }
        ReportData.CategoryRow tot = c.total();
        t.total(tot.category(), out.n0(tot.samples()), out.pct(tot.acknowledgedIn15Days()), out.pct(tot.processedIn2Months()), out.n(tot.meanDaysToClose()));
        out.table(t);
        out.chart(chart);
    }
}
