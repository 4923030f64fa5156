package ma.essp.diag.reporting.export.pdf;

import ma.essp.diag.database.code.Vocabulary;
import java.util.List;
import ma.essp.diag.reporting.export.ReportData;
import ma.essp.diag.reporting.export.ReportLabels;
import ma.essp.diag.reporting.export.ReportScope;

/**
 * Chapter 4, the circonscriptions: the functions they hold, supervision, and each circonscription below the national
 * scope.
 */
final class TerritorySection {

    private final PdfContent out;
    private final ReportData data;
    private final ReportLabels l;

    TerritorySection(PdfContent out) {
        this.out = out;
        this.data = out.data();
        this.l = out.labels();
    }

    void write() {
        out.h1("4. " + l.get("axis.4"));
        List<String> functions = data.circonscriptionFunctions();
        PdfTable share = new PdfTable("A").header(l.get("col.function"), l.code(Vocabulary.HELD, "held"), l.code(Vocabulary.HELD, "partial"),
                l.code(Vocabulary.HELD, "not_held"));
        for (String f : functions) {
            long held = data.circonscriptions().stream().filter(c -> l.code(Vocabulary.HELD, "held").equals(c.functions().get(f))).count();
            long partial = data.circonscriptions().stream().filter(c -> l.code(Vocabulary.HELD, "partial").equals(c.functions().get(f))).count();
            long notHeld = data.circonscriptions().stream().filter(c -> l.code(Vocabulary.HELD, "not_held").equals(c.functions().get(f))).count();
            share.row(l.code(Vocabulary.CIRCONSCRIPTION_FUNCTION, f), out.n0(held), out.n0(partial), out.n0(notHeld));
        }
        share.total(l.get("common.total") + " (" + l.get("scope.circonscription") + ")", out.n0(data.circonscriptions().size()), "", "");
        out.table(share);
        out.h2(l.format("supervision.title", l.date(data.supervisionFrom()), l.date(data.asOf())));
        int visits = data.circonscriptions().stream().mapToInt(ReportData.CirconscriptionRow::supervisionVisits).sum();
        int visited = data.circonscriptions().stream().mapToInt(ReportData.CirconscriptionRow::esspsVisited).sum();
        int essps = data.circonscriptions().stream().mapToInt(ReportData.CirconscriptionRow::essps).sum();
        out.table(new PdfTable("KV").header(l.get("col.indicator"), l.get("col.value"))
                .row(l.get("kpi.supervision_visits"), out.n0(visits))
                .row(l.get("kpi.essps_visited"), out.n0(visited) + " / " + out.n0(essps) + " (" + out.pct(essps == 0 ? null : (double) visited / essps) + ")")
                .row(l.get("kpi.visits_per_essp"), out.n(essps == 0 ? null : (double) visits / essps)));
        if (data.request().scope().level() != ReportScope.Level.NATIONAL) {
            out.h2(l.get("sheet.territory"));
            PdfTable t = new PdfTable("A").header(l.get("col.circonscription"), l.get("col.milieu"), l.get("col.population"),
                    l.get("col.essps"), l.code(Vocabulary.CIRCONSCRIPTION_FUNCTION, functions.get(0)), l.code(Vocabulary.CIRCONSCRIPTION_FUNCTION, functions.get(1)),
                    l.code(Vocabulary.CIRCONSCRIPTION_FUNCTION, functions.get(2)), l.code(Vocabulary.CIRCONSCRIPTION_FUNCTION, functions.get(3)));
            for (ReportData.CirconscriptionRow c : data.circonscriptions()) {
                t.row(c.name(), c.milieu(), c.population() == null ? "–" : out.n0(c.population()), out.n0(c.essps()),
                        c.functions().get(functions.get(0)), c.functions().get(functions.get(1)),
                        c.functions().get(functions.get(2)), c.functions().get(functions.get(3)));
            }
            out.table(t);
        }
    }
}
