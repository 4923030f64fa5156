package ma.essp.diag.reporting.export.pdf;

import java.util.List;
import java.util.Map;
import ma.essp.diag.reporting.export.ReportData;
import ma.essp.diag.reporting.export.ReportLabels;

/** Chapter 6, perpetrator care: the sites by roll-out stage and their activity. */
final class PerpetratorCareSection {

    private final PdfContent out;
    private final ReportData data;
    private final ReportLabels l;

    PerpetratorCareSection(PdfContent out) {
        this.out = out;
        this.data = out.data();
        this.l = out.labels();
    }

    void write() {
        out.h1("6. " + l.get("axis.6"));
        BarChart stages = new BarChart(l.get("chart.rollout_stages"), List.of()).unit("", 0);
        int max = 1;
        for (Map.Entry<String, Integer> e : data.sitesByStage().entrySet()) {
            stages.bar(e.getKey(), (double) e.getValue());
            max = Math.max(max, e.getValue());
        }
        out.chart(stages.max(Math.max(4, Math.ceil(max * 1.15))));
        PdfTable t = new PdfTable("A").header(l.get("col.site"), l.get("col.stage"), l.get("col.stage_since"),
                l.get("col.staff_trained"), l.get("col.patients_followed"), l.get("col.new_patients"), l.get("col.referrals"));
        for (ReportData.SiteRow s : data.sites()) {
            long referrals = s.referrals().values().stream().mapToLong(Long::longValue).sum();
            t.row(s.name() + " (" + s.province() + ")", s.stage(), l.date(s.stageSince()), out.n0(s.staffTrained()),
                    out.n0(s.patientsFollowed()), out.n0(s.newPatients()), out.n0(referrals));
        }
        out.table(t);
    }
}
