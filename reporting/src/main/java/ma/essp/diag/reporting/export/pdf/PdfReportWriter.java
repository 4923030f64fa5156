package ma.essp.diag.reporting.export.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ma.essp.diag.database.code.Vocabulary;
import ma.essp.diag.database.repository.ReadinessData;
import ma.essp.diag.reporting.export.ExportCancelledException;
import ma.essp.diag.reporting.export.ExportProgress;
import ma.essp.diag.reporting.export.ReportCredits;
import ma.essp.diag.reporting.export.ReportData;
import ma.essp.diag.reporting.export.ReportData.EsspEntry;
import ma.essp.diag.reporting.export.ReportLabels;
import ma.essp.diag.reporting.export.ReportScope;
import ma.essp.diag.reporting.export.ReportSection;
import ma.essp.diag.reporting.readiness.AggregateRow;
import ma.essp.diag.reporting.readiness.DomainScore;
import ma.essp.diag.reporting.readiness.Figure;
import ma.essp.diag.reporting.readiness.GapAnalyzer;
import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.JREmptyDataSource;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JRField;
import net.sf.jasperreports.engine.JRPrintAnchorIndex;
import net.sf.jasperreports.engine.JRRuntimeException;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.JasperReport;
import net.sf.jasperreports.engine.util.JRLoader;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;
import net.sf.jasperreports.pdf.SimplePdfReportConfiguration;
import net.sf.jasperreports.renderers.SimpleDataRenderer;

/**
 * The PDF report with JasperReports: the content is built here as a list of blocks (one chapter per axis of the
 * terms of reference, with tables and Java2D charts), filled into the precompiled {@code body.jasper}; the table of
 * contents is filled afterwards from the page of each heading's anchor, the cover separately, and the three are
 * exported as one PDF (DejaVu fonts embedded, Arabic shaped by the PDF backend).
 */
public final class PdfReportWriter {

    private static final String TEMPLATES = "/ma/essp/diag/reporting/export/pdf/";
    private static final int TOC_ROWS_PER_PAGE = 38;
    /** Missing items listed on a fact sheet (the workbook's gaps sheet has them all): one page per ESSP. */
    private static final int MISSING_PER_SHEET = 15;

    private final ReportData data;
    private final ReportLabels l;
    private final ExportProgress progress;
    private final boolean rtl;
    private final List<PdfBlock> blocks = new ArrayList<>();
    private int anchors;
    private String pendingHeading;
    private int pages;

    public PdfReportWriter(ReportData data, ExportProgress progress) {
        this.data = data;
        this.l = data.labels();
        this.progress = progress;
        this.rtl = l.language().rightToLeft();
    }

    /** Pages of the last PDF written (for the benchmark and the progress). */
    public int pages() {
        return pages;
    }

    static JasperReport template(String name) {
        try (InputStream in = PdfReportWriter.class.getResourceAsStream(TEMPLATES + name + ".jasper")) {
            if (in == null) {
                throw new IllegalStateException(name + ".jasper missing: the templates are compiled at build time (mvn process-classes)");
            }
            return (JasperReport) JRLoader.loadObject(in);
        } catch (IOException | JRException e) {
            throw new IllegalStateException("cannot load " + name + ".jasper", e);
        }
    }

    /** The text rows of the report (headings, paragraphs, table cells), for the bare-Jasper benchmark baseline. */
    public List<String[]> rows() {
        if (blocks.isEmpty()) {
            buildBlocks();
        }
        List<String[]> rows = new ArrayList<>();
        for (PdfBlock b : blocks) {
            if (b.text() != null) {
                rows.add(new String[] {b.text()});
            }
            if (b.table() != null) {
                rows.addAll(b.table().cells());
            }
        }
        return rows;
    }

    public void write(OutputStream out) throws Exception {
        if (blocks.isEmpty()) {
            buildBlocks();
        }
        ExportCancelledException.checkCancelled();
        JasperReport body = template("body");
        JasperReport table = template("table");
        JasperReport toc = template("toc");
        JasperReport cover = template("cover");

        List<PdfBlock> tocBlocks = blocks.stream().filter(PdfBlock::toc).toList();
        int tocPages = Math.max(1, (tocBlocks.size() + TOC_ROWS_PER_PAGE - 1) / TOC_ROWS_PER_PAGE);
        JasperPrint bodyPrint = null;
        JasperPrint tocPrint = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            Map<String, Object> params = new HashMap<>();
            params.put("MISSION", data.mission().name());
            params.put("SCOPE", data.scopeName());
            params.put("PAGE_OFFSET", 1 + tocPages);
            params.put("TABLE_REPORT", table);
            params.put("RTL", rtl);
            params.put("SYNTHETIC", data.synthetic() ? l.get("readme.synthetic") : null);
            params.put(net.sf.jasperreports.engine.JRParameter.REPORT_LOCALE, l.language().locale());
            bodyPrint = JasperFillManager.fillReport(body, params, new BlockDataSource(blocks));
            Map<String, JRPrintAnchorIndex> index = bodyPrint.getAnchorIndexes();
            List<Map<String, Object>> entries = new ArrayList<>();
            for (PdfBlock b : tocBlocks) {
                JRPrintAnchorIndex a = index.get(b.anchor());
                entries.add(Map.of("title", b.text(), "level", b.level(), "anchor", b.anchor(),
                        "page", a == null ? 0 : a.getPageIndex() + 2 + tocPages));
            }
            Map<String, Object> tocParams = new HashMap<>();
            tocParams.put("TITLE", l.get("toc.title"));
            tocParams.put("RTL", rtl);
            tocPrint = JasperFillManager.fillReport(toc, tocParams, new MapsDataSource(entries));
            if (tocPrint.getPages().size() == tocPages) {
                break;
            }
            tocPages = tocPrint.getPages().size(); // rare: the contents took another page; number again
        }
        ExportCancelledException.checkCancelled();
        JasperPrint coverPrint = JasperFillManager.fillReport(cover, coverParams(), new JREmptyDataSource(1));

        List<JasperPrint> prints = List.of(coverPrint, tocPrint, bodyPrint);
        pages = prints.stream().mapToInt(p -> p.getPages().size()).sum();
        JRPdfExporter exporter = new JRPdfExporter();
        exporter.setExporterInput(SimpleExporterInput.getInstance(prints));
        exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
        SimplePdfExporterConfiguration configuration = new SimplePdfExporterConfiguration();
        configuration.setMetadataTitle(l.get("report.title") + " — " + data.scopeName());
        configuration.setMetadataAuthor(data.request().author() == null ? data.mission().name() : data.request().author());
        configuration.setMetadataSubject(data.mission().name());
        configuration.setDisplayMetadataTitle(true);
        configuration.setCreatingBatchModeBookmarks(false);
        exporter.setConfiguration(configuration);
        SimplePdfReportConfiguration reportConfiguration = new SimplePdfReportConfiguration();
        int[] done = {0};
        int total = pages;
        reportConfiguration.setProgressMonitor(() -> {
            if (Thread.currentThread().isInterrupted()) {
                throw new JRRuntimeException("export cancelled");
            }
            if ((++done[0] & 7) == 0) {
                progress.update(ExportProgress.PAGES, done[0], total);
            }
        });
        exporter.setConfiguration(reportConfiguration);
        exporter.exportReport();
        progress.update(ExportProgress.PAGES, total, total);
    }

    /** French puts a space before the colon, English and Arabic do not. */
    private String colon() {
        return l.language() == ma.essp.diag.reporting.export.ReportLanguage.FR ? " : " : ": ";
    }

    private Map<String, Object> coverParams() {
        Map<String, Object> p = new HashMap<>();
        p.put("TITLE", l.get("report.title"));
        p.put("SUBTITLE", l.get("report.subtitle"));
        p.put("SCOPE", data.scopeName());
        String colon = colon();
        StringBuilder details = new StringBuilder();
        details.append(l.get("cover.mission")).append(colon).append(data.mission().name()).append('\n');
        details.append(l.get("cover.asof")).append(colon).append(l.date(data.asOf())).append('\n');
        if (data.request().author() != null) {
            details.append(l.get("cover.author")).append(colon).append(data.request().author()).append('\n');
        }
        if (data.request().version() != null) {
            details.append(l.get("cover.version")).append(colon).append(data.request().version()).append('\n');
        }
        if (data.mission().beneficiary() != null) {
            details.append(l.get("cover.beneficiary")).append(colon).append(data.mission().beneficiary()).append('\n');
        }
        if (data.mission().funder() != null) {
            details.append(l.get("cover.funder")).append(colon).append(data.mission().funder());
        }
        p.put("DETAILS", details.toString());
        p.put("SYNTHETIC", data.synthetic() ? l.get("readme.synthetic") : null);
        p.put("IMAGE", data.mapAreas().isEmpty() ? null : SimpleDataRenderer.getInstance(map(400, 330)));
        p.put("CREDITS", ReportCredits.HCP_CREDIT + " — " + ReportCredits.OSM_CREDIT);
        p.put("ALIGN_RIGHT", rtl);
        return p;
    }

    // ------------------------------------------------------------------ content

    private String anchor() {
        return "s" + (++anchors);
    }

    private void h1(String text) {
        flushHeading();
        blocks.add(PdfBlock.h1(text, anchor(), !blocks.isEmpty()));
    }

    /** A section heading: printed with the next table, chart or map (never alone at the foot of a page). */
    private void h2(String text) {
        flushHeading();
        pendingHeading = text;
    }

    private void flushHeading() {
        if (pendingHeading != null) {
            blocks.add(PdfBlock.h2(pendingHeading, anchor(), true, false));
            pendingHeading = null;
        }
    }

    private String takeHeading() {
        String h = pendingHeading;
        pendingHeading = null;
        return h;
    }

    private void add(PdfBlock block) {
        if (block.kind().equals("P") || block.kind().startsWith("H")) {
            flushHeading();
        }
        blocks.add(block);
    }

    private void p(String text) {
        add(PdfBlock.paragraph(text, "normal"));
    }

    private void note(String text) {
        add(PdfBlock.paragraph(text, "note"));
    }

    private void table(PdfTable t) {
        if (t.size() > 1) {
            String heading = takeHeading();
            blocks.add(PdfBlock.table(t, heading, heading == null ? null : anchor()));
        } else {
            note(l.get("section.empty"));
        }
    }

    private void chart(BarChart chart) {
        if (chart.size() == 0) {
            return;
        }
        int rows = chart.rows();
        int height = Math.min(chart.rows() > chart.size() ? 300 : 226, 40 + rows * (rows > 14 ? 11 : 16));
        String heading = takeHeading();
        blocks.add(PdfBlock.chart(SimpleDataRenderer.getInstance(chart.rightToLeft(rtl).png(515, height)), heading,
                heading == null ? null : anchor()));
    }

    private String n(Double v) {
        return l.number(v, 1);
    }

    private String n0(double v) {
        return l.number(v, 0);
    }

    private String pct(Double share) {
        return l.percent(share);
    }

    private String domainLabel(ReadinessData.Domain d) {
        return switch (l.language()) {
            case AR -> d.labelAr();
            case EN -> d.labelEn();
            default -> d.labelFr();
        };
    }

    private void buildBlocks() {
        summary();
        if (data.request().includes(ReportSection.HR)) {
            axis1();
        }
        if (data.request().includes(ReportSection.DATA_FLOWS)) {
            axis2();
        }
        if (data.request().includes(ReportSection.COMPLAINTS)) {
            axis3();
        }
        if (data.request().includes(ReportSection.TERRITORY)) {
            axis4();
        }
        if (data.request().includes(ReportSection.READINESS) || data.request().includes(ReportSection.GAPS)) {
            axis5();
        }
        if (data.request().includes(ReportSection.PERPETRATOR_CARE)) {
            axis6();
        }
        if (data.request().includes(ReportSection.TRAINING)) {
            axis7();
        }
        if (data.request().includes(ReportSection.FINDINGS)) {
            findings();
        }
        readMe();
        if (data.request().includes(ReportSection.ESSP_SHEETS)) {
            annex();
        }
        flushHeading();
    }

    private void summary() {
        h1(l.get("summary.title"));
        if (data.synthetic()) {
            add(PdfBlock.paragraph(l.get("readme.synthetic"), "warning"));
        }
        p(l.format("summary.intro", data.scopeName(), l.date(data.asOf())));
        h2(l.get("summary.key_figures"));
        AggregateRow t = data.scopeTotal();
        ReportData.HrRow hr = data.hr().total();
        long expected = data.flows().stream().mapToLong(ReportData.FlowRow::expected).sum();
        long received = data.flows().stream().mapToLong(ReportData.FlowRow::received).sum();
        PdfTable kpi = new PdfTable("KV").header(l.get("col.indicator"), l.get("col.value"))
                .row(l.get("kpi.essps"), n0(t.registered()))
                .row(l.get("kpi.assessed"), n0(t.assessed()))
                .row(l.get("kpi.general_index"), n(t.general().value()) + " (" + l.word("weighting", t.weighting().code()) + ")")
                .row(l.get("kpi.core_density"), n(hr.density()))
                .row(l.get("kpi.ack15"), pct(data.complaints().total().acknowledgedIn15Days()))
                .row(l.get("kpi.processed2m"), pct(data.complaints().total().processedIn2Months()))
                .row(l.get("kpi.flow_completeness"), pct(expected == 0 ? null : (double) received / expected))
                .row(l.get("kpi.sites"), n0(data.sites().size()))
                .row(l.get("kpi.trainees"), n0(data.cohorts().stream().mapToInt(ReportData.CohortRow::participants).sum()))
                .row(l.get("kpi.budget"), n0(data.cohorts().stream().mapToDouble(ReportData.CohortRow::plannedBudget).sum()));
        table(kpi);
        if (!data.findings().isEmpty()) {
            h2(l.get("summary.top_findings"));
            PdfTable top = new PdfTable("T5").header(l.get("col.axis"), l.get("col.territory"), l.get("col.title"),
                    l.get("col.finding_kind"), l.get("col.priority"));
            data.findings().stream().sorted(Comparator.comparingInt(f -> priorityRank(f.priority()))).limit(8)
                    .forEach(f -> top.row(Integer.toString(f.axis()), f.territory(), f.title(), f.kind(), f.priority()));
            table(top);
        }
    }

    private int priorityRank(String label) {
        return label.equals(l.code(Vocabulary.PRIORITY, "high")) ? 0 : label.equals(l.code(Vocabulary.PRIORITY, "medium")) ? 1 : 2;
    }

    private void axis1() {
        h1("1. " + l.get("axis.1"));
        note(l.get("hr.note"));
        ReportData.HrTable hr = data.hr();
        PdfTable t = new PdfTable("A").header(l.get("col.unit"), l.get("col.population"), l.get("col.staff_in_post"),
                l.get("col.core_fte"), l.get("col.core_density"), l.get("col.vacant"), l.get("col.below_who"));
        List<ReportData.HrRow> rows = new ArrayList<>(hr.rows());
        for (ReportData.HrRow r : rows) {
            t.row(r.name(), r.population() == null ? "–" : n0(r.population()), n0(r.inPost().stream().mapToInt(Integer::intValue).sum()),
                    n(r.coreFte()), n(r.density()), n0(r.vacant()), r.density() == null ? "–" : l.get(r.belowWho() ? "common.yes" : "common.no"));
        }
        ReportData.HrRow tot = hr.total();
        t.total(tot.name(), tot.population() == null ? "–" : n0(tot.population()), n0(tot.inPost().stream().mapToInt(Integer::intValue).sum()),
                n(tot.coreFte()), n(tot.density()), n0(tot.vacant()), tot.density() == null ? "–" : l.get(tot.belowWho() ? "common.yes" : "common.no"));
        table(t);
        BarChart density = new BarChart(l.get("chart.staff_density"), List.of()).reference(ma.essp.diag.reporting.hr.HrIndicators.WHO_CORE_PER_10K, l.get("chart.who_threshold")).unit("", 1);
        double max = 30;
        for (ReportData.HrRow r : hr.rows()) {
            density.bar(r.name(), r.density());
            if (r.density() != null) {
                max = Math.max(max, r.density() * 1.1);
            }
        }
        chart(density.max(max));
        // the ESSP-GST matrix pivoted: one line per region, one column per HR function, "today → under the GST"
        h2(l.get("sheet.hr_matrix") + " (" + l.get("col.holder_today") + " → " + l.get("col.holder_under_gst") + ")");
        List<String> functions = new ArrayList<>();
        Map<String, Map<String, String>> byRegion = new java.util.LinkedHashMap<>();
        for (ReportData.HrMatrixRow r : data.hrMatrix()) {
            if (!functions.contains(r.function())) {
                functions.add(r.function());
            }
            // the region with the day its GST takes over
            String region = r.region() + " (" + l.get("col.gst_takeover") + colon()
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
        table(m);
    }

    private void axis2() {
        h1("2. " + l.get("axis.2"));
        note(l.get("readme.method.flows"));
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
            t.row(label[0], label[1], label[2], n0(v[0]), n0(v[1]), pct(v[0] == 0 ? null : v[1] / v[0]),
                    pct(v[3] == 0 ? null : v[2] / v[3]), n(v[5] == 0 ? null : v[4] / v[5]));
        });
        table(t);
        BarChart chart = new BarChart(l.get("chart.flow_completeness"), List.of()).ragColours().unit(" %", 0);
        byReport.forEach((report, sums) -> chart.bar(report, sums[0] == 0 ? null : sums[1] * 100.0 / sums[0]));
        chart(chart);
    }

    private void axis3() {
        h1("3. " + l.get("axis.3"));
        note(l.get("complaints.rule"));
        ReportData.ComplaintSummary c = data.complaints();
        PdfTable systems = new PdfTable("KV").header(l.get("col.indicator"), l.get("col.value"))
                .row(l.get("complaints.systems"), n0(c.systems()));
        c.systemShares().forEach((k, v) -> systems.row(l.word("system", k), pct(v)));
        table(systems);
        h2(l.get("chart.complaint_deadlines"));
        PdfTable t = new PdfTable("A").header(l.get("col.complaint_category"), l.get("col.samples"), l.get("col.ack15"),
                l.get("col.processed_2m"), l.get("col.mean_days_close"));
        BarChart chart = new BarChart(l.get("chart.complaint_deadlines"), List.of(l.get("col.ack15"), l.get("col.processed_2m"))).unit(" %", 0);
        for (ReportData.CategoryRow r : c.byCategory()) {
            t.row(r.category(), n0(r.samples()), pct(r.acknowledgedIn15Days()), pct(r.processedIn2Months()), n(r.meanDaysToClose()));
            chart.bar(r.category(), r.acknowledgedIn15Days() == null ? null : r.acknowledgedIn15Days() * 100,
                    r.processedIn2Months() == null ? null : r.processedIn2Months() * 100);
        }
        ReportData.CategoryRow tot = c.total();
        t.total(tot.category(), n0(tot.samples()), pct(tot.acknowledgedIn15Days()), pct(tot.processedIn2Months()), n(tot.meanDaysToClose()));
        table(t);
        chart(chart);
    }

    private void axis4() {
        h1("4. " + l.get("axis.4"));
        List<String> functions = data.circonscriptionFunctions();
        PdfTable share = new PdfTable("A").header(l.get("col.function"), l.code(Vocabulary.HELD, "held"), l.code(Vocabulary.HELD, "partial"),
                l.code(Vocabulary.HELD, "not_held"));
        for (String f : functions) {
            long held = data.circonscriptions().stream().filter(c -> l.code(Vocabulary.HELD, "held").equals(c.functions().get(f))).count();
            long partial = data.circonscriptions().stream().filter(c -> l.code(Vocabulary.HELD, "partial").equals(c.functions().get(f))).count();
            long notHeld = data.circonscriptions().stream().filter(c -> l.code(Vocabulary.HELD, "not_held").equals(c.functions().get(f))).count();
            share.row(l.code(Vocabulary.CIRCONSCRIPTION_FUNCTION, f), n0(held), n0(partial), n0(notHeld));
        }
        share.total(l.get("common.total") + " (" + l.get("scope.circonscription") + ")", n0(data.circonscriptions().size()), "", "");
        table(share);
        h2(l.format("supervision.title", l.date(data.supervisionFrom()), l.date(data.asOf())));
        int visits = data.circonscriptions().stream().mapToInt(ReportData.CirconscriptionRow::supervisionVisits).sum();
        int visited = data.circonscriptions().stream().mapToInt(ReportData.CirconscriptionRow::esspsVisited).sum();
        int essps = data.circonscriptions().stream().mapToInt(ReportData.CirconscriptionRow::essps).sum();
        table(new PdfTable("KV").header(l.get("col.indicator"), l.get("col.value"))
                .row(l.get("kpi.supervision_visits"), n0(visits))
                .row(l.get("kpi.essps_visited"), n0(visited) + " / " + n0(essps) + " (" + pct(essps == 0 ? null : (double) visited / essps) + ")")
                .row(l.get("kpi.visits_per_essp"), n(essps == 0 ? null : (double) visits / essps)));
        if (data.request().scope().level() != ReportScope.Level.NATIONAL) {
            h2(l.get("sheet.territory"));
            PdfTable t = new PdfTable("A").header(l.get("col.circonscription"), l.get("col.milieu"), l.get("col.population"),
                    l.get("col.essps"), l.code(Vocabulary.CIRCONSCRIPTION_FUNCTION, functions.get(0)), l.code(Vocabulary.CIRCONSCRIPTION_FUNCTION, functions.get(1)),
                    l.code(Vocabulary.CIRCONSCRIPTION_FUNCTION, functions.get(2)), l.code(Vocabulary.CIRCONSCRIPTION_FUNCTION, functions.get(3)));
            for (ReportData.CirconscriptionRow c : data.circonscriptions()) {
                t.row(c.name(), c.milieu(), c.population() == null ? "–" : n0(c.population()), n0(c.essps()),
                        c.functions().get(functions.get(0)), c.functions().get(functions.get(1)),
                        c.functions().get(functions.get(2)), c.functions().get(functions.get(3)));
            }
            table(t);
        }
    }

    private void axis5() {
        h1("5. " + l.get("axis.5"));
        data.readinessNotes().forEach(this::note);
        BarChart byUnit = new BarChart(l.get("chart.readiness_by_unit"), List.of()).ragColours();
        data.units().forEach(u -> byUnit.bar(u.name(), u.readiness().general().value()));
        chart(byUnit);
        if (!data.mapAreas().isEmpty()) {
            h2(l.get("map.title"));
            String heading = takeHeading();
            blocks.add(PdfBlock.map(SimpleDataRenderer.getInstance(map(515, 440)), heading, anchor()));
        }
        h2(l.get("chart.domain_profile"));
        BarChart profile = new BarChart(l.get("chart.domain_profile") + " — " + data.scopeName(), List.of()).ragColours();
        for (ReadinessData.Domain d : data.generalDomains()) {
            profile.bar(domainLabel(d), data.scopeTotal().generalDomains().getOrDefault(d.code(), Figure.EMPTY).value());
        }
        chart(profile);
        List<String> header = new ArrayList<>(List.of(l.get("col.unit"), l.get("col.assessed"), l.get("col.general_index")));
        data.generalDomains().stream().limit(5).forEach(d -> header.add(domainLabel(d)));
        PdfTable t = new PdfTable("A").header(header.toArray(String[]::new));
        for (ReportData.UnitRow u : data.units()) {
            t.row(unitRow(u.name(), u.assessed() + " / " + u.essps(), u.readiness()));
        }
        AggregateRow tot = data.scopeTotal();
        t.total(unitRow(l.get("common.total"), tot.assessed() + " / " + tot.registered(), tot));
        table(t);
        if (!tot.services().isEmpty()) {
            h2(l.get("pdf.services"));
            PdfTable s = new PdfTable("A").header(l.get("col.programme"), "n", l.get("col.score"), l.get("col.completeness"));
            for (ReportData.ServiceColumn c : data.serviceColumns()) {
                Figure f = tot.services().get(c.code());
                if (f != null) {
                    s.row(c.label(), n0(f.n()), n(f.value()), pct(f.completeness()));
                }
            }
            table(s);
        }
        if (data.request().includes(ReportSection.GAPS)) {
            h2(l.get("chart.top_gaps"));
            BarChart gaps = new BarChart(l.get("chart.top_gaps"), List.of()).unit(" %", 0);
            PdfTable needs = new PdfTable("A").header(l.get("col.need"), l.get("col.essps_lacking"), l.get("col.essps_answered"),
                    l.get("col.share_lacking"));
            data.needs().stream().limit(15).forEach(nd -> {
                double share = nd.answered() == 0 ? 0 : (double) nd.lacking() / nd.answered();
                gaps.bar(needLabel(nd), share * 100);
                needs.row(needLabel(nd), n0(nd.lacking()), n0(nd.answered()), pct(share));
            });
            chart(gaps);
            table(needs);
        }
    }

    private String[] unitRow(String name, String assessed, AggregateRow r) {
        List<String> row = new ArrayList<>(List.of(name, assessed, n(r.general().value())));
        data.generalDomains().stream().limit(5).forEach(d -> row.add(n(r.generalDomains().getOrDefault(d.code(), Figure.EMPTY).value())));
        return row.toArray(String[]::new);
    }

    private String needLabel(GapAnalyzer.Need n) {
        return n.label(l.language().code());
    }

    private void axis6() {
        h1("6. " + l.get("axis.6"));
        BarChart stages = new BarChart(l.get("chart.rollout_stages"), List.of()).unit("", 0);
        int max = 1;
        for (Map.Entry<String, Integer> e : data.sitesByStage().entrySet()) {
            stages.bar(e.getKey(), (double) e.getValue());
            max = Math.max(max, e.getValue());
        }
        chart(stages.max(Math.max(4, Math.ceil(max * 1.15))));
        PdfTable t = new PdfTable("A").header(l.get("col.site"), l.get("col.stage"), l.get("col.stage_since"),
                l.get("col.staff_trained"), l.get("col.patients_followed"), l.get("col.new_patients"), l.get("col.referrals"));
        for (ReportData.SiteRow s : data.sites()) {
            long referrals = s.referrals().values().stream().mapToLong(Long::longValue).sum();
            t.row(s.name() + " (" + s.province() + ")", s.stage(), l.date(s.stageSince()), n0(s.staffTrained()),
                    n0(s.patientsFollowed()), n0(s.newPatients()), n0(referrals));
        }
        table(t);
    }

    private void axis7() {
        h1("7. " + l.get("axis.7"));
        PdfTable t = new PdfTable("A").header(l.get("col.cohort"), l.get("col.starts_on"), l.get("col.status"),
                l.get("col.participants"), l.get("col.sessions"), l.get("col.hours"), l.get("col.budget_planned"),
                l.get("col.budget_actual"));
        // the chart sums the cohorts of each programme (one bar per cohort is unreadable nationally), planned and spent
        BarChart budget = new BarChart(l.get("chart.training_budget"), List.of(l.get("col.budget_planned"), l.get("col.budget_actual")))
                .unit("", 0);
        Map<String, double[]> byProgramme = new java.util.LinkedHashMap<>();
        for (ReportData.CohortRow c : data.cohorts()) {
            t.row(c.name(), l.date(c.startsOn()), c.status(), n0(c.participants()), n0(c.sessions()),
                    n0(c.hours()), n0(c.plannedBudget()), n0(c.actualBudget()));
            double[] sums = byProgramme.computeIfAbsent(c.programme(), k -> new double[2]);
            sums[0] += c.plannedBudget();
            sums[1] += c.actualBudget();
        }
        double max = 1;
        for (Map.Entry<String, double[]> e : byProgramme.entrySet()) {
            budget.bar(e.getKey(), e.getValue()[0], e.getValue()[1]);
            max = Math.max(max, Math.max(e.getValue()[0], e.getValue()[1]));
        }
        t.total(l.get("common.total"), "", "", n0(data.cohorts().stream().mapToInt(ReportData.CohortRow::participants).sum()),
                n0(data.cohorts().stream().mapToInt(ReportData.CohortRow::sessions).sum()),
                n0(data.cohorts().stream().mapToDouble(ReportData.CohortRow::hours).sum()),
                n0(data.cohorts().stream().mapToDouble(ReportData.CohortRow::plannedBudget).sum()),
                n0(data.cohorts().stream().mapToDouble(ReportData.CohortRow::actualBudget).sum()));
        table(t);
        chart(budget.max(max * 1.2));
    }

    private void findings() {
        h1(l.get("findings.title"));
        if (data.findings().isEmpty() && data.recommendations().isEmpty()) {
            note(l.get("findings.none"));
            return;
        }
        h2(l.get("sheet.findings"));
        PdfTable f = new PdfTable("T5").header(l.get("col.axis"), l.get("col.territory"), l.get("col.title"),
                l.get("col.finding_kind"), l.get("col.priority"));
        data.findings().forEach(x -> f.row(Integer.toString(x.axis()), x.territory(),
                x.description() == null ? x.title() : x.title() + " — " + x.description(), x.kind(), x.priority()));
        table(f);
        h2(l.get("sheet.recommendations"));
        PdfTable r = new PdfTable("T5").header(l.get("col.axis"), l.get("col.territory"), l.get("col.recommendation"),
                l.get("col.responsible"), l.get("col.horizon"));
        data.recommendations().forEach(x -> r.row(Integer.toString(x.axis()), x.territory(), x.text(),
                x.responsible() == null ? "" : x.responsible(), x.horizon() + " / " + x.priority()));
        table(r);
    }

    private void readMe() {
        h1(l.get("readme.title"));
        if (data.synthetic()) {
            add(PdfBlock.paragraph(l.get("readme.synthetic"), "warning"));
        }
        for (String line : ReportCredits.readMeLines(l, data.readinessRules())) {
            if (!line.isEmpty() && !line.equals(l.get("readme.sheets"))) {
                p(line);
            }
        }
    }

    private void annex() {
        h1(l.get("annex.title"));
        boolean first = true;
        for (EsspEntry e : data.essps()) {
            add(PdfBlock.h2(e.essp().code() + " — " + e.name(), anchor(), false, !first));
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
                    .row(l.get("col.population_served"), e.essp().populationServed() == null ? "–" : n0(e.essp().populationServed()))
                    .row(l.get("col.assessed_on"), assessed ? l.date(r.assessment().assessedOn()) : "–")
                    .row(l.get("col.general_index"), assessed ? n(r.generalIndex()) : "–")
                    .row(l.get("col.completeness"), assessed ? pct(r.generalCompleteness()) : "–");
            blocks.add(PdfBlock.table(id, null, null));
            PdfTable staff = new PdfTable("KV").header(l.get("annex.staff"), n0(e.staffInPost()));
            for (int i = 0; i < data.hr().cadreCodes().size(); i++) {
                Integer count = e.staffByCadre().get(data.hr().cadreCodes().get(i));
                if (count != null && count > 0) {
                    staff.row(data.hr().cadreLabels().get(i), n0(count));
                }
            }
            blocks.add(PdfBlock.table(staff, null, null));
            if (!assessed) {
                note(l.get("annex.not_assessed"));
                first = false;
                continue;
            }
            PdfTable domains = new PdfTable("A").header(l.get("annex.domains"), l.get("col.applicable"), l.get("col.answered"),
                    l.get("col.available"), l.get("col.score"));
            for (ReadinessData.Domain d : data.generalDomains()) {
                DomainScore s = r.generalDomains().get(d.code());
                if (s != null) {
                    domains.row(domainLabel(d), n0(s.applicable()), n0(s.answered()), n0(s.available()), n(s.score()));
                }
            }
            blocks.add(PdfBlock.table(domains, null, null));
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
                blocks.add(PdfBlock.table(missing, null, null));
            } else {
                note(l.get("annex.missing") + colon() + l.get("annex.none"));
            }
            first = false;
        }
    }

    private byte[] map(int width, int height) {
        List<MapRenderer.Area> areas = data.mapAreas().stream()
                .map(a -> new MapRenderer.Area(a.isoCode(), a.generalIndex(),
                        !data.mapOfProvinces() || a.generalIndex() != null || data.request().scope().level() == ReportScope.Level.REGION))
                .toList();
        List<MapRenderer.Point> points = data.mapOfProvinces()
                ? data.essps().stream().filter(e -> e.essp().latitude() != null && e.essp().longitude() != null)
                        .map(e -> new MapRenderer.Point(e.essp().longitude(), e.essp().latitude(),
                                e.readiness() == null ? null : e.readiness().generalIndex())).toList()
                : List.of();
        return MapRenderer.png(data.mapOfProvinces() ? "provinces" : "regions", areas, points, width, height,
                l.get("map.nodata"), data.mapOfProvinces() ? l.get("map.outside") : null, ReportCredits.OSM_CREDIT,
                !data.mapOfProvinces() || data.mapAreas().size() <= 12);
    }

    /** The blocks as the body report's data source; checks for cancellation and reports progress per block. */
    private final class BlockDataSource implements JRDataSource {
        private final List<PdfBlock> list;
        private int index = -1;

        BlockDataSource(List<PdfBlock> list) {
            this.list = list;
        }

        @Override
        public boolean next() throws JRException {
            if (Thread.currentThread().isInterrupted()) {
                throw new JRException("export cancelled");
            }
            index++;
            if ((index & 31) == 0) {
                progress.update(ExportProgress.LAYOUT, index, list.size());
            }
            return index < list.size();
        }

        @Override
        public Object getFieldValue(JRField field) {
            PdfBlock b = list.get(index);
            return switch (field.getName()) {
                case "kind" -> b.kind();
                case "text" -> b.text();
                case "style" -> b.style();
                case "anchor" -> b.anchor();
                case "newPage" -> b.newPage();
                case "image" -> b.image();
                case "table" -> b.table() == null ? null : b.table().dataSource();
                case "layout" -> b.table() == null ? null : b.table().layout();
                default -> null;
            };
        }
    }

    /** Rows given as maps (the table of contents). */
    private static final class MapsDataSource implements JRDataSource {
        private final List<Map<String, Object>> rows;
        private int index = -1;

        MapsDataSource(List<Map<String, Object>> rows) {
            this.rows = rows;
        }

        @Override
        public boolean next() {
            return ++index < rows.size();
        }

        @Override
        public Object getFieldValue(JRField field) {
            return rows.get(index).get(field.getName());
        }
    }
}
