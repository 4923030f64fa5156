package ma.essp.diag.reporting.export.pdf;

import java.util.ArrayList;
import java.util.List;
import ma.essp.diag.reporting.export.ReportData;
import ma.essp.diag.reporting.export.ReportLabels;
import ma.essp.diag.reporting.perpetrator.PerpetratorCareFigures;

/**
 * Chapter 6, perpetrator care, from {@code PerpetratorCareFigures} (the Violence (auteurs) screen's figures): sites per
 * EPIS phase and region (planned on the report date and actual), the funnel and retention per region, the referral
 * mix, the trained staff still in post, and the sites.
 */
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
        ReportData.PerpetratorCare care = data.perpetratorCare();
        out.note(l.format("perpetrator.stages.rule", l.date(data.asOf())));

        // sites per phase over the scope: the total row when several regions, else the one region's
        ReportData.RegionRow scope = care.regions().isEmpty() ? null : care.regions().getLast();
        BarChart chart = new BarChart(l.get("chart.rollout_stages"), List.of(l.get("perpetrator.planned"),
                l.get("perpetrator.actual"))).unit("", 0);
        int max = 1;
        if (scope != null) {
            for (int i = 0; i < care.phases().size(); i++) {
                chart.bar(care.phases().get(i), (double) scope.planned().get(i), (double) scope.actual().get(i));
                max = Math.max(max, Math.max(scope.planned().get(i), scope.actual().get(i)));
            }
        }
        out.chart(chart.max(Math.max(4, Math.ceil(max * 1.15))));

        out.h2(l.get("perpetrator.stages"));
        List<String> header = new ArrayList<>(List.of(l.get("col.region"), l.get("col.sites")));
        header.addAll(care.phases());
        header.add(l.get("col.not_planned"));
        header.add(l.get("col.suspended"));
        PdfTable stages = new PdfTable("E8").header(header.toArray(String[]::new));
        for (ReportData.RegionRow r : care.regions()) {
            List<String> cells = new ArrayList<>(List.of(r.region(), out.n0(r.sites())));
            for (int i = 0; i < care.phases().size(); i++) {
                cells.add(out.n0(r.planned().get(i)) + " / " + out.n0(r.actual().get(i)));
            }
            cells.add(out.n0(r.notPlanned()));
            cells.add(out.n0(r.suspended()));
            if (r.total()) {
                stages.total(cells.toArray(String[]::new));
            } else {
                stages.row(cells.toArray(String[]::new));
            }
        }
        out.table(stages);

        out.h2(l.get("perpetrator.funnel"));
        PdfTable funnel = new PdfTable("A").header(l.get("col.region"), l.get("col.targeted"), l.get("col.trained_sites"),
                l.get("col.delivering"), l.get("col.sustained"), l.get("col.patients_followed_dropouts"),
                l.get("col.dropouts"), l.get("col.retention"));
        for (ReportData.RegionRow r : care.regions()) {
            PerpetratorCareFigures.Funnel f = r.funnel();
            PerpetratorCareFigures.Retention ret = r.retention();
            String[] cells = {r.region(), out.n0(f.targeted()), out.n0(f.trained()), out.n0(f.delivering()),
                    out.n0(f.sustained()), out.n0(ret.patientsFollowed()), out.n0(ret.dropouts()), out.pct(ret.rate())};
            if (r.total()) {
                funnel.total(cells);
            } else {
                funnel.row(cells);
            }
        }
        out.table(funnel);
        out.note(l.get("perpetrator.funnel.rule"));

        out.h2(l.get("perpetrator.referrals"));
        PdfTable referrals = new PdfTable("A").header(l.get("col.source"), l.get("col.referrals_count"), l.get("col.share"));
        long total = 0;
        for (ReportData.ReferralRow r : care.referrals()) {
            referrals.row(r.source(), out.n0(r.referrals()), out.pct(r.share()));
            total += r.referrals();
        }
        referrals.total(l.get("common.total"), out.n0(total), "");
        out.table(referrals);

        out.h2(l.get("perpetrator.in_post"));
        PdfTable inPost = new PdfTable("A").header(l.get("col.region"), l.get("col.staff_trained"), l.get("col.linked"),
                l.get("col.in_post"), l.get("col.share"));
        for (ReportData.RegionRow r : care.regions()) {
            PerpetratorCareFigures.StillInPost p = r.inPost();
            String[] cells = {r.region(), out.n0(p.trained()), out.n0(p.linked()), out.n0(p.inPost()), out.pct(p.share())};
            if (r.total()) {
                inPost.total(cells);
            } else {
                inPost.row(cells);
            }
        }
        out.table(inPost);
        out.note(l.get("perpetrator.in_post.rule"));

        out.h2(l.get("perpetrator.sites"));
        PdfTable t = new PdfTable("A").header(l.get("col.site"), l.get("col.stage"), l.get("col.stage_since"),
                l.get("col.planned_stage"), l.get("col.staff_trained"), l.get("col.in_post"), l.get("col.patients_followed"),
                l.get("col.referrals_count"));
        for (ReportData.SiteRow s : care.sites()) {
            t.row(s.name() + " (" + s.province() + ", " + s.kind() + ")", s.stage(), l.date(s.stageSince()), s.plannedStage(),
                    out.n0(s.staffTrained()), out.n0(s.staffInPost()), out.n0(s.patientsFollowed()), out.n0(s.referrals()));
        }
        out.table(t);
    }
}
