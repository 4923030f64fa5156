package ma.essp.diag.reporting.export.pdf;

import ma.essp.diag.database.repository.ReadinessData;
import ma.essp.diag.reporting.export.ReportData;
import ma.essp.diag.reporting.export.ReportData.EsspEntry;
import ma.essp.diag.reporting.export.ReportLabels;
import ma.essp.diag.reporting.readiness.DomainScore;

/** The annex: one fact sheet per ESSP (identity, staff, readiness domains, missing items), one page each. */
final class EsspSheetsSection {

    /** Missing items listed on a fact sheet (the workbook's gaps sheet has them all): one page per ESSP. */
    private static final int MISSING_PER_SHEET = 15;

    private final PdfContent out;
    private final ReportData data;
    private final ReportLabels l;

    EsspSheetsSection(PdfContent out) {
        this.out = out;
        this.data = out.data();
        this.l = out.labels();
    }

    void write() {
        out.h1(l.get("annex.title"));
        boolean first = true;
        for (EsspEntry e : data.essps()) {
            out.add(PdfBlock.h2(e.essp().code() + " — " + e.name(), out.anchor(), false, !first));
            var r = e.readiness();
            boolean assessed = r != null && r.assessed();
            PdfTable id = new PdfTable("KV").header(l.get("annex.identity"), "")
                    .row(l.get("col.name"), e.essp().nameFr())
                    .row(l.get("col.name_ar"), e.nameAr() == null || e.nameAr().isBlank() ? "–" : e.nameAr())
                    .row(l.get("col.category"), e.category())
                    .row(l.get("col.milieu"), e.milieu())
                    .row(l.get("col.functionality"), e.functionality())
                    .row(l.get("col.circonscription"), e.circonscription())
                    .row(l.get("col.province") + " / " + l.get("col.region"), e.province() + " / " + e.region())
                    .row(l.get("col.population_served"), e.essp().populationServed() == null ? "–" : out.n0(e.essp().populationServed()))
                    .row(l.get("col.assessed_on"), assessed ? l.date(r.assessment().assessedOn()) : "–")
                    .row(l.get("col.general_index"), assessed ? out.n(r.generalIndex()) : "–")
                    .row(l.get("col.completeness"), assessed ? out.pct(r.generalCompleteness()) : "–");
            out.append(PdfBlock.table(id, null, null));
            PdfTable staff = new PdfTable("KV").header(l.get("annex.staff"), out.n0(e.staffInPost()));
            for (int i = 0; i < data.hr().cadreCodes().size(); i++) {
                Integer count = e.staffByCadre().get(data.hr().cadreCodes().get(i));
                if (count != null && count > 0) {
                    staff.row(data.hr().cadreLabels().get(i), out.n0(count));
                }
            }
            out.append(PdfBlock.table(staff, null, null));
            if (!assessed) {
                out.note(l.get("annex.not_assessed"));
                first = false;
                continue;
            }
            PdfTable domains = new PdfTable("A").header(l.get("annex.domains"), l.get("col.applicable"), l.get("col.answered"),
                    l.get("col.available"), l.get("col.score"));
            for (ReadinessData.Domain d : data.generalDomains()) {
                DomainScore s = r.generalDomains().get(d.code());
                if (s != null) {
                    domains.row(out.domainLabel(d), out.n0(s.applicable()), out.n0(s.answered()), out.n0(s.available()), out.n(s.score()));
                }
            }
            out.append(PdfBlock.table(domains, null, null));
            PdfTable missing = new PdfTable("KV").header(l.get("annex.missing"), l.get("col.blocked_services"));
            // one page per ESSP: fewer missing items when the staff list is long, and on the first sheet (under the
            // annex title); the workbook's gaps sheet lists them all
            int cadres = staff.size() - 1;
            int room = MISSING_PER_SHEET - Math.max(0, cadres - 8) - (first ? 4 : 0);
            int shown = e.missing().size() > room ? room - 1 : e.missing().size();
            e.missing().stream().limit(shown).forEach(m -> missing.row(m.label(l.language().code()), String.join(", ", m.blockedServices())));
            if (e.missing().size() > shown) {
                missing.row("… +" + (e.missing().size() - shown), "");
            }
            if (missing.size() > 1) {
                out.append(PdfBlock.table(missing, null, null));
            } else {
                out.note(l.get("annex.missing") + out.colon() + l.get("annex.none"));
            }
            first = false;
        }
    }
}
