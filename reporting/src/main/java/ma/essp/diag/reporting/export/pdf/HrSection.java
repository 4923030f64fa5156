package ma.essp.diag.reporting.export.pdf;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ma.essp.diag.reporting.export.ReportData;
import ma.essp.diag.reporting.export.ReportLabels;

/**
 * Chapter 1, human resources: staff and core health worker density per unit against the WHO threshold, and the
 * ESSP-GST matrix of HR functions.
 */
final class HrSection {

    private final PdfContent out;
    private final ReportData data;
    private final ReportLabels l;

    HrSection(PdfContent out) {
        this.out = out;
        this.data = out.data();
        this.l = out.labels();
    }

    void write() {
        out.h1("1. " + l.get("axis.1"));
        out.note(l.get("hr.note"));
        ReportData.HrTable hr = data.hr();
        PdfTable t = new PdfTable("A").header(l.get("col.unit"), l.get("col.population"), l.get("col.staff_in_post"),
                l.get("col.core_fte"), l.get("col.core_density"), l.get("col.vacant"), l.get("col.below_who"));
        List<ReportData.HrRow> rows = new ArrayList<>(hr.rows());
        for (ReportData.HrRow r : rows) {
            t.row(r.name(), r.population() == null ? "–" : out.n0(r.population()), out.n0(r.inPost().stream().mapToInt(Integer::intValue).sum()),
                    out.n(r.coreFte()), out.n(r.density()), out.n0(r.vacant()), r.density() == null ? "–" : l.get(r.belowWho() ? "common.yes" : "common.no"));
        }
        ReportData.HrRow tot = hr.total();
        t.total(tot.name(), tot.population() == null ? "–" : out.n0(tot.population()), out.n0(tot.inPost().stream().mapToInt(Integer::intValue).sum()),
                out.n(tot.coreFte()), out.n(tot.density()), out.n0(tot.vacant()), tot.density() == null ? "–" : l.get(tot.belowWho() ? "common.yes" : "common.no"));
        out.table(t);
        BarChart density = new BarChart(l.get("chart.staff_density"), List.of()).reference(ma.essp.diag.reporting.hr.HrIndicators.WHO_CORE_PER_10K, l.get("chart.who_threshold")).unit("", 1);
        double max = 30;
        for (ReportData.HrRow r : hr.rows()) {
            density.bar(r.name(), r.density());
            if (r.density() != null) {
                max = Math.max(max, r.density() * 1.1);
            }
        }
        out.chart(density.max(max));
        // the ESSP-GST matrix pivoted: one line per region, one column per HR function, "today → under the GST"
        out.h2(l.get("sheet.hr_matrix") + " (" + l.get("col.holder_today") + " → " + l.get("col.holder_under_gst") + ")");
        List<String> functions = new ArrayList<>();
        Map<String, Map<String, String>> byRegion = new java.util.LinkedHashMap<>();
        for (ReportData.HrMatrixRow r : data.hrMatrix()) {
            if (!functions.contains(r.function())) {
                functions.add(r.function());
            }
            // the region with the day its GST takes over
            String region = r.region() + " (" + l.get("col.gst_takeover") + out.colon()
                    + (r.gstTakeover() == null ? l.get("gst.not_set") : l.date(r.gstTakeover())) + ")";
            byRegion.computeIfAbsent(region, k -> new HashMap<>()).put(r.function(), r.holderToday() + " → " + r.holderUnderGst());
        }
        List<String> header = new ArrayList<>(List.of(l.get("col.region")));
        header.addAll(functions.stream().limit(7).toList());
        PdfTable m = new PdfTable(header.size() == 7 ? "M7" : "A").header(header.toArray(String[]::new));
        byRegion.forEach((region, cells) -> {
            List<String> row = new ArrayList<>(List.of(region));
            functions.stream().limit(7).forEach(f -> row.add(cells.getOrDefault(f, "")));
            m.row(row.toArray(String[]::new));
        });
        out.table(m);
    }
}
