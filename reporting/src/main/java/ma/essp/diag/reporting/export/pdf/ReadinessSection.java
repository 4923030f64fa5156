package ma.essp.diag.reporting.export.pdf;

import java.util.ArrayList;
import java.util.List;
import ma.essp.diag.database.repository.ReadinessData;
import ma.essp.diag.reporting.export.ReportData;
import ma.essp.diag.reporting.export.ReportLabels;
import ma.essp.diag.reporting.export.ReportSection;
import ma.essp.diag.reporting.readiness.AggregateRow;
import ma.essp.diag.reporting.readiness.Figure;
import ma.essp.diag.reporting.readiness.GapAnalyzer;
import net.sf.jasperreports.renderers.SimpleDataRenderer;

/**
 * Chapter 5, readiness (and gaps): the general index per unit, the map, the domain profile, the services and the
 * most frequent needs.
 */
final class ReadinessSection {

    private final PdfContent out;
    private final ReportData data;
    private final ReportLabels l;

    ReadinessSection(PdfContent out) {
        this.out = out;
        this.data = out.data();
        this.l = out.labels();
    }

    void write() {
        out.h1("5. " + l.get("axis.5"));
        data.readinessNotes().forEach(out::note);
        BarChart byUnit = new BarChart(l.get("chart.readiness_by_unit"), List.of()).ragColours();
        data.units().forEach(u -> byUnit.bar(u.name(), u.readiness().general().value()));
        out.chart(byUnit);
        if (!data.mapAreas().isEmpty()) {
            out.h2(l.get("map.title"));
            String heading = out.takeHeading();
            out.append(PdfBlock.map(SimpleDataRenderer.getInstance(out.map(515, 440)), heading, out.anchor()));
        }
        out.h2(l.get("chart.domain_profile"));
        BarChart profile = new BarChart(l.get("chart.domain_profile") + " — " + data.scopeName(), List.of()).ragColours();
        for (ReadinessData.Domain d : data.generalDomains()) {
            profile.bar(out.domainLabel(d), data.scopeTotal().generalDomains().getOrDefault(d.code(), Figure.EMPTY).value());
        }
        out.chart(profile);
        List<String> header = new ArrayList<>(List.of(l.get("col.unit"), l.get("col.assessed"), l.get("col.general_index")));
        data.generalDomains().stream().limit(5).forEach(d -> header.add(out.domainLabel(d)));
        PdfTable t = new PdfTable("A").header(header.toArray(String[]::new));
        for (ReportData.UnitRow u : data.units()) {
            t.row(unitRow(u.name(), u.assessed() + " / " + u.essps(), u.readiness()));
        }
        AggregateRow tot = data.scopeTotal();
        t.total(unitRow(l.get("common.total"), tot.assessed() + " / " + tot.registered(), tot));
        out.table(t);
        if (!tot.services().isEmpty()) {
            out.h2(l.get("pdf.services"));
            PdfTable s = new PdfTable("A").header(l.get("col.programme"), "n", l.get("col.score"), l.get("col.completeness"));
            for (ReportData.ServiceColumn c : data.serviceColumns()) {
                Figure f = tot.services().get(c.code());
                if (f != null) {
                    s.row(c.label(), out.n0(f.n()), out.n(f.value()), out.pct(f.completeness()));
                }
            }
            out.table(s);
        }
        if (data.request().includes(ReportSection.GAPS)) {
            out.h2(l.get("chart.top_gaps"));
            BarChart gaps = new BarChart(l.get("chart.top_gaps"), List.of()).unit(" %", 0);
            PdfTable needs = new PdfTable("A").header(l.get("col.need"), l.get("col.essps_lacking"), l.get("col.essps_answered"),
                    l.get("col.share_lacking"));
            data.needs().stream().limit(15).forEach(nd -> {
                double share = nd.answered() == 0 ? 0 : (double) nd.lacking() / nd.answered();
                gaps.bar(needLabel(nd), share * 100);
                needs.row(needLabel(nd), out.n0(nd.lacking()), out.n0(nd.answered()), out.pct(share));
            });
            out.chart(gaps);
            out.table(needs);
        }
    }

    private String[] unitRow(String name, String assessed, AggregateRow r) {
        List<String> row = new ArrayList<>(List.of(name, assessed, out.n(r.general().value())));
        data.generalDomains().stream().limit(5).forEach(d -> row.add(out.n(r.generalDomains().getOrDefault(d.code(), Figure.EMPTY).value())));
        return row.toArray(String[]::new);
    }

    private String needLabel(GapAnalyzer.Need n) {
        return n.label(l.language().code());
    }
}
