package ma.essp.diag.reporting.export.pdf;

import ma.essp.diag.database.code.Vocabulary;
import java.util.Comparator;
import ma.essp.diag.reporting.export.ReportData;
import ma.essp.diag.reporting.export.ReportLabels;
import ma.essp.diag.reporting.readiness.AggregateRow;

/** The summary opening the report: the synthetic-data warning, the key figures and the main findings. */
final class SummarySection {

    private final PdfContent out;
    private final ReportData data;
    private final ReportLabels l;

    SummarySection(PdfContent out) {
        this.out = out;
        this.data = out.data();
        this.l = out.labels();
    }

    void write() {
        out.h1(l.get("summary.title"));
        if (data.synthetic()) {
            out.add(PdfBlock.paragraph(l.get("readme.synthetic"), "warning"));
        }
        out.p(l.format("summary.intro", data.scopeName(), l.date(data.asOf())));
        out.h2(l.get("summary.key_figures"));
        AggregateRow t = data.scopeTotal();
        ReportData.HrRow hr = data.hr().total();
        long expected = data.flows().stream().mapToLong(ReportData.FlowRow::expected).sum();
        long received = data.flows().stream().mapToLong(ReportData.FlowRow::received).sum();
        PdfTable kpi = new PdfTable("KV").header(l.get("col.indicator"), l.get("col.value"))
                .row(l.get("kpi.essps"), out.n0(t.registered()))
                .row(l.get("kpi.assessed"), out.n0(t.assessed()))
                .row(l.get("kpi.general_index"), out.n(t.general().value()) + " (" + l.word("weighting", t.weighting().code()) + ")")
                .row(l.get("kpi.core_density"), out.n(hr.density()))
                .row(l.format("kpi.ack_in_time", String.valueOf(data.complaints().deadlines().acknowledgeDays())),
                        out.pct(data.complaints().total().acknowledgedInTime()))
                .row(l.format("kpi.answered_in_time", String.valueOf(data.complaints().deadlines().responseDays())),
                        out.pct(data.complaints().total().answeredInTime()))
                .row(l.get("kpi.complaints_late"), out.pct(data.complaints().total().shareLate()))
                .row(l.get("kpi.flow_completeness"), out.pct(expected == 0 ? null : (double) received / expected))
                .row(l.get("kpi.sites"), out.n0(data.perpetratorCare().sites().size()))
                .row(l.get("kpi.trainees"), out.n0(data.cohorts().stream().mapToInt(ReportData.CohortRow::participants).sum()))
                .row(l.get("kpi.budget"), out.n0(data.cohorts().stream().mapToDouble(ReportData.CohortRow::plannedBudget).sum()));
        out.table(kpi);
        if (!data.findings().isEmpty()) {
            out.h2(l.get("summary.top_findings"));
            PdfTable top = new PdfTable("T5").header(l.get("col.axis"), l.get("col.territory"), l.get("col.title"),
                    l.get("col.finding_kind"), l.get("col.priority"));
            data.findings().stream().sorted(Comparator.comparingInt(f -> priorityRank(f.priority()))).limit(8)
                    .forEach(f -> top.row(Integer.toString(f.axis()), f.territory(), f.title(), f.kind(), f.priority()));
            out.table(top);
        }
    }

    private int priorityRank(String label) {
        return label.equals(l.code(Vocabulary.PRIORITY, "high")) ? 0 : label.equals(l.code(Vocabulary.PRIORITY, "medium")) ? 1 : 2;
    }
}
