package ma.essp.diag.reporting.export.pdf;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ma.essp.diag.reporting.export.ReportData;
import ma.essp.diag.reporting.export.ReportLabels;

/** Chapter 2, data flows: completeness, timeliness and delay per report and link, and completeness per report. */
final class DataFlowsSection {

    private final PdfContent out;
    private final ReportData data;
    private final ReportLabels l;

    DataFlowsSection(PdfContent out) {
        this.out = out;
        this.data = out.data();
        this.l = out.labels();
    }

    void write() {
        out.h1("2. " + l.get("axis.2"));
        out.note(l.get("readme.method.flows"));
        PdfTable t = new PdfTable("F").header(l.get("col.report"), l.get("col.from") + " → " + l.get("col.to"),
                l.get("col.channel"), l.get("col.reports_expected"), l.get("col.reports_received"), l.get("col.completeness"),
                l.get("col.timeliness"), l.get("col.mean_delay"));
        // the chart sums the links of each report: one bar per report, readable at any scope
        // one line per report and link: the same link in several regions is summed (the workbook has each one)
        Map<String, double[]> links = new java.util.LinkedHashMap<>();
        Map<String, String[]> linkLabels = new HashMap<>();
        Map<String, long[]> byReport = new java.util.LinkedHashMap<>();
        for (ReportData.FlowRow f : data.flows()) {
            String key = f.report() + "|" + f.from() + "|" + f.to() + "|" + f.channel();
            linkLabels.putIfAbsent(key, new String[] {f.report(), f.from() + " → " + f.to(), f.channel()});
            double[] sums = links.computeIfAbsent(key, k -> new double[6]);
            sums[0] += f.expected();
            sums[1] += f.received();
            sums[2] += f.onTime();
            sums[3] += f.onTimeKnown();
            sums[4] += f.delaySum();
            sums[5] += f.delayCount();
            long[] report = byReport.computeIfAbsent(f.report(), k -> new long[2]);
            report[0] += f.expected();
            report[1] += f.received();
        }
        links.forEach((key, v) -> {
            String[] label = linkLabels.get(key);
            t.row(label[0], label[1], label[2], out.n0(v[0]), out.n0(v[1]), out.pct(v[0] == 0 ? null : v[1] / v[0]),
                    out.pct(v[3] == 0 ? null : v[2] / v[3]), out.n(v[5] == 0 ? null : v[4] / v[5]));
        });
        out.table(t);
        BarChart chart = new BarChart(l.get("chart.flow_completeness"), List.of()).ragColours().unit(" %", 0);
        byReport.forEach((report, sums) -> chart.bar(report, sums[0] == 0 ? null : sums[1] * 100.0 / sums[0]));
        out.chart(chart);
        quality();
    }

    /** The scope's rates by sending level, verification factor and re-keying steps (reporting.dataflow). */
    private void quality() {
        ReportData.FlowQuality q = data.flowQuality();
        out.h2(l.get("flows.quality"));
        PdfTable t = new PdfTable("A").header(l.get("flows.level"), l.get("col.observations"), l.get("col.reports_expected"),
                l.get("col.reports_received"), l.get("col.completeness"), l.get("col.timeliness"));
        BarChart chart = new BarChart(l.get("flows.chart_levels"), List.of()).ragColours().unit(" %", 0);
        for (ReportData.LevelRate r : q.byLevel()) {
            t.row(r.level(), out.n0(r.figures().observations()), out.n0(r.figures().expected()), out.n0(r.figures().received()),
                    out.pct(r.figures().completeness()), out.pct(r.figures().timeliness()));
            Double c = r.figures().completeness();
            chart.bar(r.level(), c == null ? null : c * 100);
        }
        out.table(t);
        out.chart(chart);
        byType(q);
        String vf = q.verification().factor() == null ? l.get("flows.status.not_computable")
                : java.math.BigDecimal.valueOf(q.verification().factor()).setScale(3, java.math.RoundingMode.HALF_UP).toPlainString();
        out.p(l.format("flows.vf_sentence", vf, l.get("flows.status." + q.vfStatus()), q.verification().compared(),
                q.verification().recounted(), q.verification().reported(), q.bandLow(), q.bandHigh(), q.esspsVerified(), q.esspsOver(),
                q.esspsUnder()));
        StringBuilder reasons = new StringBuilder();
        q.discrepanciesByReason().forEach((reason, n) -> reasons.append(reasons.isEmpty() ? "" : " ; ")
                .append(l.get("flows.reason." + reason)).append(" ").append(n));
        out.p(l.format("flows.discrepancy_sentence", q.verification().discrepancies(), reasons.toString()));
        out.p(l.format("flows.rekeying_sentence", q.rekeyingMax() == null ? "—" : Integer.toString(q.rekeyingMax())));
        out.note(l.get("readme.method.verification"));
        chainDiagram(q);
        checklist();
    }

    /**
     * The scope's reporting and on-time rates per report type, with their n (observations, reports expected, reports
     * expected where on-time was recorded): {@code DataFlowFigures.byReportType}, as on the dashboard's by-type table and
     * in {@code essp-diag figures --axis dataflows --by report-type}.
     */
    private void byType(ReportData.FlowQuality q) {
        out.h2(l.get("flows.by_type"));
        if (q.byType().isEmpty()) {
            out.p(l.get("flows.by_type_none"));
            return;
        }
        PdfTable t = new PdfTable("A").header(l.get("col.report"), l.get("col.observations"), l.get("col.reports_expected"),
                l.get("col.reports_received"), l.get("col.completeness"), l.get("flows.on_time_known"), l.get("col.timeliness"));
        for (ReportData.LevelRate r : q.byType()) {
            t.row(r.level(), out.n0(r.figures().observations()), out.n0(r.figures().expected()), out.n0(r.figures().received()),
                    out.pct(r.figures().completeness()), out.n0(r.figures().onTimeKnown()), out.pct(r.figures().timeliness()));
        }
        out.table(t);
    }

    /** The chains of the scope's place as a drawing (levels as columns, arrows coloured by on-time rate). */
    private void chainDiagram(ReportData.FlowQuality q) {
        out.h2(l.get("flows.chain"));
        if (q.chains().isEmpty()) {
            out.p(l.get(data.request().scope().level() == ma.essp.diag.reporting.export.ReportScope.Level.NATIONAL
                    ? "flows.chain_national" : "flows.chain_none"));
            return;
        }
        ChainDiagram diagram = new ChainDiagram(q.chains(), l.get("flows.chain_rekeying"), l.get("flows.chain_incomplete"),
                List.of(l.get("flows.chain_legend_good"), l.get("flows.chain_legend_medium"), l.get("flows.chain_legend_poor"),
                        l.get("flows.chain_legend_unknown"), l.get("flows.chain_legend_rekeyed")));
        out.diagram(diagram.png(), diagram.height());
    }

    /** The PRISM system checklist: score by level and in all, then each item's share (reporting.dataflow.SystemChecklist). */
    private void checklist() {
        ReportData.FlowQuality q = data.flowQuality();
        out.h2(l.get("flows.checklist"));
        if (q.checklist().checklists() == 0) {
            out.p(l.get("flows.checklist_none"));
            return;
        }
        PdfTable t = new PdfTable("A").header(l.get("flows.checklist_level_column"), l.get("flows.checklist_count"),
                l.get("flows.checklist_observed"), l.get("flows.checklist_score"), l.get("flows.checklist_rating"));
        BarChart chart = new BarChart(l.get("flows.chart_checklist"), List.of()).ragColours().unit(" %", 0);
        for (ReportData.LevelChecklist r : q.checklistByLevel()) {
            t.row(r.level(), out.n0(r.figures().checklists()), out.n0(r.figures().observed()), out.pct(r.figures().score()),
                    l.get("flows.rating." + r.figures().rating().code()));
            chart.bar(r.level(), r.figures().score() == null ? null : r.figures().score() * 100);
        }
        t.row(l.get("flows.checklist_total"), out.n0(q.checklist().checklists()), out.n0(q.checklist().observed()),
                out.pct(q.checklist().score()), l.get("flows.rating." + q.checklist().rating().code()));
        out.table(t);
        out.chart(chart);
        PdfTable items = new PdfTable("A").header(l.get("flows.checklist_item"), l.get("flows.checklist_item_observed"),
                l.get("flows.checklist_share"));
        for (int i = 0; i < ma.essp.diag.database.repository.DataFlowData.Checklist.ITEMS.size(); i++) {
            items.row(l.get("flows.checklist.item." + ma.essp.diag.database.repository.DataFlowData.Checklist.ITEMS.get(i)),
                    out.n0(q.checklist().itemObserved().get(i)), out.pct(q.checklist().itemShare(i)));
        }
        out.table(items);
        out.note(l.get("readme.method.checklist"));
    }
}
