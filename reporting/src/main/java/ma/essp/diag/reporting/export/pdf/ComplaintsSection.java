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
        ReportData.ComplaintSummary c = data.complaints();
        out.note(l.format("complaints.rule", String.valueOf(c.deadlines().acknowledgeDays()), String.valueOf(c.deadlines().responseDays()),
                l.date(data.asOf())));
        PdfTable systems = new PdfTable("KV").header(l.get("col.indicator"), l.get("col.value"))
                .row(l.get("complaints.systems"), out.n0(c.systems()))
                .row(l.get("complaints.maturity"), out.n(c.maturity()));
        c.systemShares().forEach((k, v) -> systems.row(l.word("system", k), out.pct(v)));
        out.table(systems);
        out.note(l.get("complaints.rubric"));
        levelSystems(c);
        out.h2(l.get("chart.complaint_deadlines"));
        BarChart chart = new BarChart(l.get("chart.complaint_deadlines"), List.of(l.get("col.ack_in_time"),
                l.get("col.answered_in_time"))).unit(" %", 0);
        for (ReportData.CategoryRow r : c.byCategory()) {
            chart.bar(r.category(), r.acknowledgedInTime() == null ? null : r.acknowledgedInTime() * 100,
                    r.answeredInTime() == null ? null : r.answeredInTime() * 100);
        }
        out.table(table(l.get("col.complaint_category"), c.byCategory(), c.total()));
        out.chart(chart);
        out.h2(l.get("complaints.by_kind"));
        out.table(table(l.get("col.kind"), c.byKind(), null));
        out.h2(l.get("complaints.by_channel"));
        out.table(table(l.get("col.channel"), c.byChannel(), null));
    }

    /** The délégations' and GSTs' own systems in the scope (V23), scored with the same rubric as the ESSPs'. */
    private void levelSystems(ReportData.ComplaintSummary c) {
        out.h2(l.get("complaints.level_systems"));
        if (c.levelSystems().isEmpty()) {
            out.p(l.get("complaints.level_systems_none"));
            return;
        }
        PdfTable t = new PdfTable("A").header(l.get("complaints.col.unit"), l.get("complaints.col.maturity"),
                l.get("complaints.col.accessibility"), l.get("complaints.col.logging"), l.get("complaints.col.handling"),
                l.get("complaints.col.monitoring"));
        for (ReportData.LevelSystemRow r : c.levelSystems()) {
            t.row(r.level() + " — " + r.unit(), out.n0(r.maturity()), out.n0(r.accessibility()), out.n0(r.logging()),
                    out.n0(r.handling()), out.n0(r.monitoring()));
        }
        out.table(t);
    }

    /** The PDF's table template takes a label and seven figures: the median days to acknowledge are in the workbook. */
    private PdfTable table(String first, List<ReportData.CategoryRow> rows, ReportData.CategoryRow total) {
        PdfTable t = new PdfTable("A").header(first, l.get("col.samples"), l.get("col.ack_in_time"), l.get("col.ack_due"),
                l.get("col.answered_in_time"), l.get("col.answer_due"), l.get("col.median_days_close"),
                l.get("col.late_share"));
        for (ReportData.CategoryRow r : rows) {
            t.row(cells(r));
        }
        if (total != null) {
            t.total(cells(total));
        }
        return t;
    }

    private String[] cells(ReportData.CategoryRow r) {
        return new String[] {r.category(), out.n0(r.samples()), out.pct(r.acknowledgedInTime()), out.n0(r.acknowledgeDue()),
                out.pct(r.answeredInTime()), out.n0(r.answerDue()), out.n(r.medianDaysToClose()), out.pct(r.shareLate())};
    }
}
