package ma.essp.diag.reporting.export.excel;

import java.io.OutputStream;
import java.util.ArrayList;
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
import ma.essp.diag.reporting.export.ReportSection;
import ma.essp.diag.reporting.export.excel.SheetWriter.Col;
import ma.essp.diag.reporting.export.excel.SheetWriter.Pct;
import ma.essp.diag.reporting.export.excel.SheetWriter.Score;
import ma.essp.diag.reporting.readiness.AggregateRow;
import ma.essp.diag.reporting.readiness.DomainScore;
import ma.essp.diag.reporting.readiness.EsspReadiness;
import ma.essp.diag.reporting.readiness.GapAnalyzer;
import ma.essp.diag.reporting.readiness.ServiceReadiness;
import org.apache.poi.ss.usermodel.ConditionalFormattingThreshold.RangeType;
import org.apache.poi.ss.usermodel.ExtendedColor;
import org.apache.poi.ss.usermodel.SheetConditionalFormatting;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFColorScaleFormatting;
import org.apache.poi.xssf.usermodel.XSSFConditionalFormattingRule;

/**
 * The diagnostic workbook: one sheet per section, in the report's language (sheet names too), right to left in
 * Arabic. Streams with SXSSF (a window of rows in memory, the rest in compressed temporary files), so the national
 * workbook does not hold its 450,000 cells in the heap.
 */
public final class ExcelReportWriter {

    /** Rows kept in memory per sheet before SXSSF flushes them to its temporary file. */
    private static final int WINDOW = 200;

    private final ReportData data;
    private final ReportLabels l;
    private final ExportProgress progress;
    private SXSSFWorkbook wb;
    private ExcelStyles styles;
    private SheetWriter.RowListener listener;
    private LongTextCutter cutter;
    private long rowsDone;
    private long rowsTotal;

    public ExcelReportWriter(ReportData data, ExportProgress progress) {
        this.data = data;
        this.l = data.labels();
        this.progress = progress;
    }

    /** The table rows of every sheet, as written (values unwrapped): what the bare-SXSSF baseline writes again. */
    public static java.util.Map<String, List<Object[]>> tableRows(ReportData data) throws Exception {
        java.util.Map<String, List<Object[]>> rows = new java.util.LinkedHashMap<>();
        ExcelReportWriter writer = new ExcelReportWriter(data, ExportProgress.NONE);
        writer.listener = (sheet, values) -> rows.computeIfAbsent(sheet, k -> new ArrayList<>()).add(values);
        writer.write(java.io.OutputStream.nullOutputStream());
        return rows;
    }

    /** Writes the workbook to {@code out} (not closed). Checks for cancellation between rows. */
    public void write(OutputStream out) throws Exception {
        rowsTotal = estimateRows();
        // inline strings, not the shared-strings table: the table would keep every distinct string of the national
        // workbook in the heap (and costs more time than the rows themselves); Excel and LibreOffice read both
        wb = new SXSSFWorkbook(null, WINDOW, true, false);
        try {
            styles = new ExcelStyles(wb, l.language().rightToLeft());
            cutter = new LongTextCutter(l);
            summary();
            if (data.request().includes(ReportSection.REGISTRY)) {
                registry();
            }
            if (data.request().includes(ReportSection.TERRITORY)) {
                territory();
                attributions();
            }
            if (data.request().includes(ReportSection.HR)) {
                hr();
                hrMatrix();
            }
            if (data.request().includes(ReportSection.READINESS)) {
                readiness();
            }
            if (data.request().includes(ReportSection.GAPS)) {
                gaps();
                needs();
            }
            if (data.request().includes(ReportSection.DATA_FLOWS)) {
                flows();
            }
            if (data.request().includes(ReportSection.COMPLAINTS)) {
                complaints();
                complaintSamples();
            }
            if (data.request().includes(ReportSection.PERPETRATOR_CARE)) {
                perpetratorCare();
                perpetratorRollout();
            }
            if (data.request().includes(ReportSection.TRAINING)) {
                training();
                sessions();
                trainingEvaluation();
                trainingProjects();
                trainingExperts();
                trainingScenario();
            }
            if (data.request().includes(ReportSection.FINDINGS)) {
                findings();
                recommendations();
            }
            readMe();
            ExportCancelledException.checkCancelled();
            progress.update(ExportProgress.SAVING, rowsTotal, rowsTotal);
            wb.write(out);
        } finally {
            wb.close(); // also deletes the temporary files
        }
    }

    private long estimateRows() {
        long n = data.units().size() * 2L + data.essps().size() * 3L + data.circonscriptions().size() + data.attributions().size()
                + data.flows().size() + data.complaints().samples().size()
                + data.perpetratorCare().sites().size() + data.perpetratorCare().regions().size() + data.cohorts().size()
                + data.sessions().size() + data.trainingExperts().size() + data.trainingEvaluations().size() + data.trainingProjects().size() + data.findings().size() + data.recommendations().size() + data.needs().size();
        for (EsspEntry e : data.essps()) {
            n += e.missing().size();
        }
        return n;
    }

    private SheetWriter sheet(String key) {
        String name = org.apache.poi.ss.util.WorkbookUtil.createSafeSheetName(l.get("sheet." + key));
        return new SheetWriter(wb.createSheet(name), styles, l.language().rightToLeft(), cutter, () -> {
            if ((++rowsDone & 511) == 0) {
                progress.update(ExportProgress.ROWS, rowsDone, rowsTotal);
            }
        }).listener(listener);
    }

    private static Col col(ReportLabels l, String key, int width) {
        return new Col(l.get("col." + key), width);
    }

    private void summary() throws ExportCancelledException {
        SheetWriter s = sheet("summary");
        s.line(l.get("report.title"), styles.title);
        s.line(data.mission().name(), styles.bold);
        if (data.synthetic()) {
            s.line(l.get("readme.synthetic"), styles.warning);
        }
        s.label(l.get("cover.scope"), data.scopeName());
        s.label(l.get("cover.asof"), data.asOf());
        s.label(l.get("cover.author"), data.request().author() == null ? "" : data.request().author());
        s.label(l.get("cover.version"), data.request().version() == null ? "" : data.request().version());
        AggregateRow t = data.scopeTotal();
        s.label(l.get("kpi.essps"), t.registered());
        s.label(l.get("kpi.assessed"), t.assessed());
        s.label(l.get("kpi.general_index"), t.general().value());
        s.label(l.get("kpi.weighting"), l.word("weighting", t.weighting().code()));
        s.blank();
        List<Col> cols = new ArrayList<>(List.of(col(l, "unit", 34), col(l, "code", 10), col(l, "population", 13),
                col(l, "essps", 9), col(l, "assessed", 9), col(l, "general_index", 11), col(l, "completeness", 12)));
        for (ReadinessData.Domain d : data.generalDomains()) {
            cols.add(new Col(domainLabel(d), 14));
        }
        cols.addAll(List.of(col(l, "pms_coverage", 13), col(l, "core_staff", 11), col(l, "core_density", 12),
                col(l, "complaints_sampled", 12), col(l, "ack_in_time", 12)));
        s.header(cols);
        int first = s.nextRow();
        for (ReportData.UnitRow u : data.units()) {
            List<Object> row = new ArrayList<>(List.of(u.name(), u.code()));
            row.add(u.population());
            row.add(u.essps());
            row.add(u.assessed());
            row.add(new Score(u.readiness().general().value()));
            row.add(new Pct(u.readiness().general().completeness()));
            for (ReadinessData.Domain d : data.generalDomains()) {
                row.add(new Score(u.readiness().generalDomains().getOrDefault(d.code(), ma.essp.diag.reporting.readiness.Figure.EMPTY).value()));
            }
            row.add(new Score(u.readiness().pmsCoverage().value()));
            row.add(u.staffCore());
            row.add(u.coreDensity());
            row.add(u.complaintsSampled());
            row.add(new Pct(u.acknowledgedInTime()));
            s.row(row.toArray());
        }
        colourScale(s, first, s.nextRow() - 1, 5, 5);
        colourScale(s, first, s.nextRow() - 1, 7, 7 + data.generalDomains().size());
        s.endTable();
    }

    private String domainLabel(ReadinessData.Domain d) {
        return switch (l.language()) {
            case AR -> d.labelAr();
            case EN -> d.labelEn();
            default -> d.labelFr();
        };
    }

    private void registry() throws ExportCancelledException {
        SheetWriter s = sheet("registry");
        s.header(List.of(col(l, "code", 10), col(l, "name", 34), col(l, "name_ar", 28), col(l, "category", 10),
                col(l, "milieu", 9), col(l, "functionality", 14), col(l, "circonscription", 26), col(l, "province", 22),
                col(l, "region", 24), col(l, "population_served", 12), col(l, "latitude", 10), col(l, "longitude", 10),
                col(l, "staff_in_post", 10), col(l, "core_fte", 10), col(l, "assessed_on", 12), col(l, "general_index", 11)));
        for (EsspEntry e : data.essps()) {
            EsspReadiness r = e.readiness();
            s.row(e.essp().code(), e.essp().nameFr(), e.essp().nameAr(), e.category(), e.milieu(), e.functionality(),
                    e.circonscription(), e.province(), e.region(), e.essp().populationServed(), e.essp().latitude(),
                    e.essp().longitude(), e.staffInPost(), e.coreFte(),
                    r != null && r.assessed() ? r.assessment().assessedOn() : null,
                    new Score(r == null ? null : r.generalIndex()));
        }
        s.endTable();
    }

    private void territory() throws ExportCancelledException {
        SheetWriter s = sheet("territory");
        List<Col> cols = new ArrayList<>(List.of(col(l, "code", 12), col(l, "circonscription", 30), col(l, "province", 22),
                col(l, "milieu", 9), col(l, "coverage", 26), col(l, "seat", 16), col(l, "head", 22), col(l, "population", 12),
                col(l, "essps", 8)));
        for (String f : data.circonscriptionFunctions()) {
            cols.add(new Col(l.code(Vocabulary.CIRCONSCRIPTION_FUNCTION, f), 14));
        }
        cols.addAll(List.of(col(l, "supervision_visits", 13), col(l, "essps_visited", 10), col(l, "visits_per_essp", 10)));
        s.line(l.format("supervision.title", data.supervisionFrom(), data.asOf()), styles.bold);
        s.header(cols);
        for (ReportData.CirconscriptionRow c : data.circonscriptions()) {
            List<Object> row = new ArrayList<>(List.of(c.code(), c.name(), c.province(), c.milieu()));
            row.add(c.coverage());
            row.add(c.seat());
            row.add(c.head());
            row.add(c.population());
            row.add(c.essps());
            data.circonscriptionFunctions().forEach(f -> row.add(c.functions().get(f)));
            row.add(c.supervisionVisits());
            row.add(c.esspsVisited());
            row.add(c.visitsPerEssp());
            s.row(row.toArray());
        }
        s.endTable();
    }

    /** One row per circonscription and function: held or not, by whom, with what staff. */
    private void attributions() throws ExportCancelledException {
        SheetWriter s = sheet("attributions");
        s.header(List.of(col(l, "code", 12), col(l, "circonscription", 30), col(l, "function", 26), col(l, "held", 12),
                col(l, "holder", 30), col(l, "staff_fte", 10)));
        for (ReportData.AttributionRow a : data.attributions()) {
            s.row(a.code(), a.circonscription(), a.function(), a.held(), a.holder(), a.staff());
        }
        s.endTable();
    }

    private void hr() throws ExportCancelledException {
        SheetWriter s = sheet("hr");
        s.line(l.get("hr.note"), styles.bold);
        ReportData.HrTable hr = data.hr();
        List<Col> cols = new ArrayList<>(List.of(col(l, "unit", 30), col(l, "population", 13)));
        hr.cadreLabels().forEach(c -> cols.add(new Col(c, 13)));
        cols.addAll(List.of(col(l, "vacant", 9), col(l, "core_fte", 11), col(l, "core_density", 12), col(l, "below_who", 10)));
        s.header(cols);
        List<ReportData.HrRow> rows = new ArrayList<>(hr.rows());
        rows.add(hr.total());
        for (ReportData.HrRow r : rows) {
            List<Object> row = new ArrayList<>();
            row.add(r.name());
            row.add(r.population());
            row.addAll(r.inPost());
            row.add(r.vacant());
            row.add(r.coreFte());
            row.add(r.density());
            row.add(r.density() == null ? null : l.get(r.belowWho() ? "common.yes" : "common.no"));
            s.row(row.toArray());
        }
        s.endTable();
    }

    private void hrMatrix() throws ExportCancelledException {
        SheetWriter s = sheet("hr_matrix");
        s.header(List.of(col(l, "region", 28), col(l, "gst_takeover", 13), col(l, "hr_function", 30), col(l, "holder_today", 18),
                col(l, "holder_under_gst", 18), col(l, "notes", 40)));
        for (ReportData.HrMatrixRow r : data.hrMatrix()) {
            s.row(r.region(), r.gstTakeover(), r.function(), r.holderToday(), r.holderUnderGst(), r.notes());
        }
        s.endTable();
    }

    private void readiness() throws ExportCancelledException {
        SheetWriter s = sheet("readiness");
        List<Col> cols = new ArrayList<>(List.of(col(l, "region", 20), col(l, "province", 20), col(l, "circonscription", 24),
                col(l, "code", 10), col(l, "name", 30), col(l, "category", 9), col(l, "assessed_on", 12),
                col(l, "general_index", 11)));
        for (ReadinessData.Domain d : data.generalDomains()) {
            cols.add(new Col(domainLabel(d), 14));
        }
        cols.add(col(l, "completeness", 12));
        cols.add(col(l, "pms_coverage", 13));
        data.serviceColumns().forEach(c -> cols.add(new Col(c.label(), 14)));
        s.header(cols);
        int first = s.nextRow();
        for (EsspEntry e : data.essps()) {
            EsspReadiness r = e.readiness();
            List<Object> row = new ArrayList<>(List.of(e.region(), e.province(), e.circonscription(), e.essp().code(),
                    e.essp().nameFr(), e.category()));
            boolean assessed = r != null && r.assessed();
            row.add(assessed ? r.assessment().assessedOn() : null);
            row.add(new Score(assessed ? r.generalIndex() : null));
            for (ReadinessData.Domain d : data.generalDomains()) {
                DomainScore ds = assessed ? r.generalDomains().get(d.code()) : null;
                row.add(new Score(ds == null ? null : ds.score()));
            }
            row.add(new Pct(assessed ? r.generalCompleteness() : null));
            row.add(new Score(assessed ? r.pmsCoverage() : null));
            for (ReportData.ServiceColumn c : data.serviceColumns()) {
                ServiceReadiness sr = assessed ? r.services().get(c.code()) : null;
                row.add(new Score(sr == null ? null : sr.index()));
            }
            s.row(row.toArray());
        }
        int last = Math.max(first, s.nextRow() - 1);
        colourScale(s, first, last, 7, 7 + data.generalDomains().size());
        colourScale(s, first, last, 9 + data.generalDomains().size(), 9 + data.generalDomains().size() + data.serviceColumns().size());
        s.endTable();
    }

    /** Red–amber–green colour scale over 0–100 scores in columns [from, to]. */
    private void colourScale(SheetWriter s, int firstRow, int lastRow, int fromCol, int toCol) {
        if (lastRow < firstRow) {
            return;
        }
        SheetConditionalFormatting cf = s.sheet().getSheetConditionalFormatting();
        XSSFConditionalFormattingRule rule = (XSSFConditionalFormattingRule) cf.createConditionalFormattingColorScaleRule();
        XSSFColorScaleFormatting scale = rule.getColorScaleFormatting();
        scale.getThresholds()[0].setRangeType(RangeType.NUMBER);
        scale.getThresholds()[0].setValue(0d);
        scale.getThresholds()[1].setRangeType(RangeType.NUMBER);
        scale.getThresholds()[1].setValue(50d);
        scale.getThresholds()[2].setRangeType(RangeType.NUMBER);
        scale.getThresholds()[2].setValue(100d);
        scale.setColors(new ExtendedColor[] {rgb(0xF8, 0x69, 0x6B), rgb(0xFF, 0xEB, 0x84), rgb(0x63, 0xBE, 0x7B)});
        cf.addConditionalFormatting(new CellRangeAddress[] {new CellRangeAddress(firstRow, lastRow, fromCol, toCol)}, rule);
    }

    private static XSSFColor rgb(int r, int g, int b) {
        return new XSSFColor(new byte[] {(byte) r, (byte) g, (byte) b}, null);
    }

    private void gaps() throws ExportCancelledException {
        SheetWriter s = sheet("gaps");
        s.header(List.of(col(l, "code", 10), col(l, "name", 30), col(l, "category", 9), col(l, "province", 20),
                col(l, "need", 40), col(l, "items", 16), col(l, "general_item", 10), col(l, "blocked_count", 10),
                col(l, "blocked_services", 40)));
        for (EsspEntry e : data.essps()) {
            for (GapAnalyzer.MissingItem m : e.missing()) {
                s.row(e.essp().code(), e.essp().nameFr(), e.category(), e.province(), m.label(l.language().code()),
                        String.join(", ", m.itemCodes()), l.get(m.general() ? "common.yes" : "common.no"),
                        m.blockedServices().size(), String.join(", ", m.blockedServices()));
            }
        }
        s.endTable();
    }

    private void needs() throws ExportCancelledException {
        SheetWriter s = sheet("needs");
        s.header(List.of(col(l, "rank", 7), col(l, "need", 44), col(l, "essps_lacking", 12), col(l, "essps_answered", 12),
                col(l, "share_lacking", 12), col(l, "items", 20)));
        int rank = 0;
        for (GapAnalyzer.Need n : data.needs()) {
            s.row(++rank, needLabel(n), n.lacking(), n.answered(), new Pct(n.answered() == 0 ? null : (double) n.lacking() / n.answered()),
                    String.join(", ", n.itemCodes()));
        }
        s.endTable();
    }

    private String needLabel(GapAnalyzer.Need n) {
        return n.label(l.language().code());
    }

    private void flows() throws ExportCancelledException {
        SheetWriter s = sheet("data_flows");
        // the scope's figures of reporting.dataflow, as on the screen and in essp-diag figures
        ReportData.FlowQuality q = data.flowQuality();
        s.line(l.get("flows.quality"), styles.bold);
        s.label(l.get("col.reports_expected"), q.rates().expected());
        s.label(l.get("col.completeness"), new Pct(q.rates().completeness()));
        s.label(l.get("col.timeliness"), new Pct(q.rates().timeliness()));
        for (ReportData.LevelRate r : q.byLevel()) {
            s.label(l.format("flows.level_rate", r.level(), r.figures().expected()), new Pct(r.figures().completeness()));
        }
        for (ReportData.LevelRate r : q.byType()) {
            s.label(l.format("flows.type_rate", r.level(), r.figures().observations(), r.figures().expected()),
                    new Pct(r.figures().completeness()));
            s.label(l.format("flows.type_on_time", r.level(), r.figures().onTimeKnown()), new Pct(r.figures().timeliness()));
        }
        s.label(l.get("flows.vf"), q.verification().factor());
        s.label(l.get("flows.vf_n"), q.verification().compared());
        s.label(l.get("flows.vf_status"), l.get("flows.status." + q.vfStatus()));
        s.label(l.get("flows.vf_band"), l.format("flows.band", q.bandLow(), q.bandHigh()));
        s.label(l.get("flows.essps_verified"), q.esspsVerified());
        s.label(l.get("flows.essps_over"), q.esspsOver());
        s.label(l.get("flows.essps_under"), q.esspsUnder());
        for (Map.Entry<String, Integer> e : q.discrepanciesByReason().entrySet()) {
            s.label(l.format("flows.discrepancies", l.get("flows.reason." + e.getKey())), e.getValue());
        }
        s.label(l.get("flows.rekeying"), q.rekeyingMax());
        s.blank();
        s.line(l.get("flows.checklist"), styles.bold);
        for (ReportData.LevelChecklist r : q.checklistByLevel()) {
            s.label(l.format("flows.checklist_level", r.level(), r.figures().checklists(), r.figures().observed()),
                    new Pct(r.figures().score()));
        }
        s.label(l.format("flows.checklist_level", l.get("flows.checklist_total"), q.checklist().checklists(), q.checklist().observed()),
                new Pct(q.checklist().score()));
        s.label(l.get("flows.checklist_rating"), l.get("flows.rating." + q.checklist().rating().code()));
        for (int i = 0; i < ma.essp.diag.database.repository.DataFlowData.Checklist.ITEMS.size(); i++) {
            s.label(l.get("flows.checklist.item." + ma.essp.diag.database.repository.DataFlowData.Checklist.ITEMS.get(i)),
                    new Pct(q.checklist().itemShare(i)));
        }
        s.line(l.get("readme.method.checklist"), styles.text);
        s.blank();
        s.header(List.of(col(l, "report", 30), col(l, "programme", 10), col(l, "tool", 12), col(l, "from", 14),
                col(l, "to", 14), col(l, "channel", 12), col(l, "periodicity", 12), col(l, "expected_delay", 10),
                col(l, "territory", 20), col(l, "observations", 10), col(l, "reports_expected", 10),
                col(l, "reports_received", 10), col(l, "completeness", 12), col(l, "timeliness", 12), col(l, "mean_delay", 10)));
        for (ReportData.FlowRow f : data.flows()) {
            s.row(f.report(), f.programme(), f.tool(), f.from(), f.to(), f.channel(), f.periodicity(), f.expectedDelayDays(),
                    f.territory(), f.observations(), f.expected(), f.received(), new Pct(f.completeness()),
                    new Pct(f.timeliness()), f.meanDelay());
        }
        s.endTable();
    }

    private void complaints() throws ExportCancelledException {
        SheetWriter s = sheet("complaints");
        ReportData.ComplaintSummary c = data.complaints();
        s.line(l.format("complaints.rule", String.valueOf(c.deadlines().acknowledgeDays()), String.valueOf(c.deadlines().responseDays()),
                l.date(data.asOf())), styles.bold);
        s.label(l.get("complaints.systems"), c.systems());
        s.label(l.get("complaints.maturity"), c.maturity());
        for (Map.Entry<String, Double> e : c.systemShares().entrySet()) {
            s.label(l.word("system", e.getKey()), new Pct(e.getValue()));
        }
        s.line(l.get("complaints.rubric"), styles.text);
        s.blank();
        // the délégations' and GSTs' own systems (V23), same rubric
        s.line(l.get("complaints.level_systems"), styles.bold);
        if (c.levelSystems().isEmpty()) {
            s.line(l.get("complaints.level_systems_none"), styles.text);
        } else {
            s.header(List.of(new SheetWriter.Col(l.get("complaints.col.level"), 14), new SheetWriter.Col(l.get("complaints.col.unit"), 30),
                    new SheetWriter.Col(l.get("complaints.col.maturity"), 12), new SheetWriter.Col(l.get("complaints.col.accessibility"), 12),
                    new SheetWriter.Col(l.get("complaints.col.logging"), 12), new SheetWriter.Col(l.get("complaints.col.handling"), 12),
                    new SheetWriter.Col(l.get("complaints.col.monitoring"), 12), new SheetWriter.Col(l.get("complaints.col.channels"), 40)));
            for (ReportData.LevelSystemRow r : c.levelSystems()) {
                s.row(r.level(), r.unit(), r.maturity(), r.accessibility(), r.logging(), r.handling(), r.monitoring(), r.channels());
            }
            s.endTable();
        }
        s.blank();
        List<ReportData.CategoryRow> rows = new ArrayList<>(c.byCategory());
        rows.add(c.total());
        complaintTable(s, col(l, "complaint_category", 26), rows);
        s.blank();
        s.line(l.get("complaints.by_kind"), styles.bold);
        complaintTable(s, col(l, "kind", 26), c.byKind());
        s.blank();
        s.line(l.get("complaints.by_channel"), styles.bold);
        complaintTable(s, col(l, "channel", 26), c.byChannel());
    }

    private void complaintTable(SheetWriter s, Col first, List<ReportData.CategoryRow> rows) throws ExportCancelledException {
        s.header(List.of(first, col(l, "samples", 10), col(l, "ack_in_time", 14), col(l, "ack_due", 10),
                col(l, "answered_in_time", 14), col(l, "answer_due", 10), col(l, "median_days_ack", 12),
                col(l, "median_days_close", 12), col(l, "late", 10), col(l, "late_share", 12)));
        for (ReportData.CategoryRow r : rows) {
            s.row(r.category(), r.samples(), new Pct(r.acknowledgedInTime()), r.acknowledgeDue(), new Pct(r.answeredInTime()),
                    r.answerDue(), r.medianDaysToAcknowledge(), r.medianDaysToClose(), r.late(), new Pct(r.shareLate()));
        }
        s.endTable();
    }

    private void complaintSamples() throws ExportCancelledException {
        SheetWriter s = sheet("complaint_samples");
        s.header(List.of(col(l, "code", 10), col(l, "name", 28), col(l, "received_on", 12), col(l, "channel", 14),
                col(l, "kind", 12), col(l, "complaint_category", 18), col(l, "acknowledged_on", 12), col(l, "closed_on", 12),
                col(l, "outcome", 12), col(l, "days_to_ack", 9), col(l, "days_to_close", 9), col(l, "ack_in_time", 10),
                col(l, "answered_in_time", 10), col(l, "status", 16), col(l, "notes", 30)));
        String yes = l.get("common.yes");
        String no = l.get("common.no");
        for (ReportData.SampleRow r : data.complaints().samples()) {
            s.row(r.esspCode(), r.esspName(), r.receivedOn(), r.channel(), r.kind(), r.category(), r.acknowledgedOn(),
                    r.closedOn(), r.outcome(), r.daysToAcknowledge(), r.daysToClose(),
                    r.acknowledgedInTime() == null ? "" : r.acknowledgedInTime() ? yes : no,
                    r.answeredInTime() == null ? "" : r.answeredInTime() ? yes : no, r.status(), r.notes());
        }
        s.endTable();
    }

    /** The sites with their kind, from {@code PerpetratorCareFigures} like the chapter and the Violence (auteurs) screen. */
    private void perpetratorCare() throws ExportCancelledException {
        SheetWriter s = sheet("perpetrator_care");
        s.header(List.of(col(l, "site", 30), col(l, "province", 20), col(l, "kind", 18), col(l, "essp", 24), col(l, "stage", 16),
                col(l, "epis_phase", 14), col(l, "stage_since", 12), col(l, "planned_stage", 16), col(l, "staff_trained", 10),
                col(l, "in_post", 10), col(l, "delivering", 10), col(l, "sustained", 12), col(l, "patients_followed", 10),
                col(l, "new_patients", 10), col(l, "referrals_count", 10)));
        String yes = l.get("common.yes");
        String no = l.get("common.no");
        for (ReportData.SiteRow r : data.perpetratorCare().sites()) {
            s.row(r.name(), r.province(), r.kind(), r.essp(), r.stage(), r.phase(), r.stageSince(), r.plannedStage(), r.staffTrained(),
                    r.staffInPost(), r.delivering() ? yes : no, r.sustained() ? yes : no, r.patientsFollowed(),
                    r.newPatients(), r.referrals());
        }
        s.endTable();
    }

    /**
     * The roll-out per region (then the scope's total): sites per EPIS phase planned and actual, the funnel,
     * retention, referrals per source and trained staff still in post, from {@code PerpetratorCareFigures}.
     */
    private void perpetratorRollout() throws ExportCancelledException {
        ReportData.PerpetratorCare care = data.perpetratorCare();
        SheetWriter s = sheet("perpetrator_rollout");
        List<Col> cols = new ArrayList<>(List.of(col(l, "region", 24), col(l, "sites", 8)));
        for (String phase : care.phases()) {
            cols.add(new Col(phase + " — " + l.get("perpetrator.planned"), 12));
            cols.add(new Col(phase + " — " + l.get("perpetrator.actual"), 12));
        }
        cols.addAll(List.of(col(l, "not_planned", 10), col(l, "suspended", 10), col(l, "targeted", 9),
                col(l, "trained_sites", 9), col(l, "delivering", 10), col(l, "sustained", 12),
                col(l, "patients_followed_dropouts", 14), col(l, "dropouts", 10), col(l, "retention", 10)));
        for (String source : care.referralSources()) {
            cols.add(new Col(l.get("col.referrals_count") + " — " + source, 12));
        }
        cols.addAll(List.of(col(l, "staff_trained", 10), col(l, "linked", 10), col(l, "in_post", 10), col(l, "share", 9)));
        s.header(cols);
        for (ReportData.RegionRow r : care.regions()) {
            List<Object> row = new ArrayList<>(List.of(r.region(), r.sites()));
            for (int i = 0; i < care.phases().size(); i++) {
                row.add(r.planned().get(i));
                row.add(r.actual().get(i));
            }
            row.addAll(List.of(r.notPlanned(), r.suspended(), r.funnel().targeted(), r.funnel().trained(),
                    r.funnel().delivering(), r.funnel().sustained(), r.retention().patientsFollowed(), r.retention().dropouts(),
                    new Pct(r.retention().rate())));
            row.addAll(r.referrals());
            row.addAll(List.of(r.inPost().trained(), r.inPost().linked(), r.inPost().inPost(),
                    new Pct(r.inPost().share())));
            s.row(row.toArray());
        }
        s.endTable();
    }

    private void training() throws ExportCancelledException {
        SheetWriter s = sheet("training");
        s.header(List.of(col(l, "programme", 30), col(l, "programme_kind", 12), col(l, "cohort", 20), col(l, "region", 20),
                col(l, "starts_on", 12), col(l, "ends_on", 12), col(l, "place", 16), col(l, "status", 12), col(l, "seats", 8),
                col(l, "participants", 10), col(l, "women", 8), col(l, "graduated", 9), col(l, "dropped_out", 9),
                col(l, "sessions", 8), col(l, "hours", 8), col(l, "budget_planned", 14), col(l, "budget_actual", 14),
                col(l, "projects", 8)));
        for (ReportData.CohortRow c : data.cohorts()) {
            s.row(c.programme(), c.kind(), c.name(), c.region(), c.startsOn(), c.endsOn(), c.place(), c.status(), c.seats(),
                    c.participants(), c.women(), c.graduated(), c.droppedOut(), c.sessions(), c.hours(), c.plannedBudget(),
                    c.actualBudget(), c.projects());
        }
        s.endTable();
    }

    private void sessions() throws ExportCancelledException {
        SheetWriter s = sheet("sessions");
        s.header(List.of(col(l, "cohort", 20), col(l, "session", 30), col(l, "starts_on", 12), col(l, "ends_on", 12),
                col(l, "hours", 8), col(l, "place", 16), col(l, "present", 9)));
        for (ReportData.SessionRow r : data.sessions()) {
            s.row(r.cohort(), r.title(), r.startsOn(), r.endsOn(), r.hours(), r.place(), r.present());
        }
        s.endTable();
    }

    /** The Kirkpatrick figures per evaluated session and per cohort (session column "All sessions"). */
    private void trainingEvaluation() throws ExportCancelledException {
        SheetWriter s = sheet("training_evaluation");
        s.header(List.of(col(l, "cohort", 20), col(l, "session", 30), col(l, "paired", 10), col(l, "mean_pre", 12),
                col(l, "mean_post", 12), col(l, "mean_gain", 12), col(l, "reactions", 10), col(l, "mean_reaction", 12),
                col(l, "level3_judged", 12), col(l, "level3_held", 12)));
        for (ReportData.EvaluationRow r : data.trainingEvaluations()) {
            s.row(r.cohort(), r.session() == null ? l.get("training.evaluation.all_sessions") : r.session(), r.paired(),
                    r.meanPre(), r.meanPost(), r.meanGain(), r.reactions(), r.meanReaction(), r.level3Judged(), r.level3Held());
        }
        s.endTable();
    }

    private void trainingProjects() throws ExportCancelledException {
        SheetWriter s = sheet("training_projects");
        s.header(List.of(col(l, "cohort", 20), col(l, "project", 40), col(l, "team", 40), col(l, "theme", 30),
                col(l, "supervisor", 18), col(l, "defended_on", 12), col(l, "result", 12)));
        for (ReportData.ProjectRow r : data.trainingProjects()) {
            s.row(r.cohort(), r.title(), r.team(), r.theme(), r.supervisor(), r.defendedOn(), r.result());
        }
        s.endTable();
    }

    /** The expert-days by origin per cohort, then the scope's total (cohort column "Total"); no sheet without any. */
    private void trainingExperts() throws ExportCancelledException {
        if (data.trainingExperts().isEmpty()) {
            return;
        }
        SheetWriter s = sheet("training_experts");
        s.header(List.of(col(l, "cohort", 24), col(l, "origin", 20), col(l, "expert_days_planned", 12), col(l, "budget_planned", 14),
                col(l, "expert_days_actual", 12), col(l, "budget_actual", 14)));
        for (ReportData.ExpertRow r : data.trainingExperts()) {
            s.row(r.cohort() == null ? l.get("common.total") : r.cohort(), r.origin(), r.plannedDays(), r.plannedMad(),
                    r.actualDays(), r.actualMad());
        }
        s.endTable();
    }

    /**
     * The next MBA cohort (the PDF's training chapter, the Scénario tab): one row per line for one cohort, then the
     * cohort, per participant, per completed participant and the reference's cost. No sheet without an MBA cohort with
     * a budget in the scope.
     */
    private void trainingScenario() throws ExportCancelledException {
        ReportData.TrainingScenario sc = data.trainingScenario();
        if (sc == null) {
            return;
        }
        SheetWriter s = sheet("training_scenario");
        s.header(List.of(col(l, "cohort", 20), col(l, "scenario_line", 34), col(l, "unit_cost_mad", 14), col(l, "units", 10),
                col(l, "amount_mad", 14)));
        for (ReportData.ScenarioLineRow r : sc.lines()) {
            s.row(sc.reference(), l.get("scenario.line." + r.line()), r.unitCost(), r.units(), r.amount());
        }
        s.row(sc.reference(), l.get("training.scenario.cohort_total"), null, null, sc.cohortTotal());
        s.row(sc.reference(), l.get("training.scenario.per_participant"), null, null, sc.perParticipant());
        s.row(sc.reference(), l.get("training.scenario.per_completed"), null, null, sc.perCompleted());
        s.row(sc.reference(), l.get("training.scenario.reference_cost"), null, null, sc.referenceCost());
        s.endTable();
    }

    private void findings() throws ExportCancelledException {
        SheetWriter s = sheet("findings");
        s.header(List.of(col(l, "axis", 7), col(l, "axis_name", 28), col(l, "territory", 22), col(l, "finding_kind", 12),
                col(l, "title", 40), col(l, "description", 60), col(l, "priority", 10), col(l, "ref", 7),
                col(l, "evidence", 60), col(l, "to_review", 10)));
        for (ReportData.FindingRow f : data.findings()) {
            s.row(f.axis(), l.get("axis." + f.axis()), f.territory(), f.kind(), f.title(), f.description(), f.priority(),
                    f.ref(), f.evidence(), f.review() ? l.get("findings.review") : "");
        }
        s.endTable();
    }

    private void recommendations() throws ExportCancelledException {
        SheetWriter s = sheet("recommendations");
        s.header(List.of(col(l, "axis", 7), col(l, "axis_name", 28), col(l, "territory", 22), col(l, "recommendation", 60),
                col(l, "responsible", 18), col(l, "horizon", 12), col(l, "priority", 10), col(l, "findings_answered", 14),
                col(l, "cost_mad", 12), col(l, "indicator", 40)));
        for (ReportData.RecommendationRow r : data.recommendations()) {
            s.row(r.axis(), l.get("axis." + r.axis()), r.territory(), r.text(), r.responsible(), r.horizon(), r.priority(),
                    r.findingRefs(), r.costMad(), r.indicator());
        }
        s.endTable();
    }

    private void readMe() {
        SheetWriter s = sheet("readme");
        s.sheet().setColumnWidth(0, 120 * 256);
        s.line(l.get("readme.title"), styles.title);
        if (data.synthetic()) {
            s.line(l.get("readme.synthetic"), styles.warning);
        }
        s.line(data.mission().name() + " — " + data.scopeName() + " — " + l.get("cover.asof") + " " + data.asOf(), styles.bold);
        s.blank();
        for (String line : ReportCredits.readMeLines(l, data.readinessRules(), data.complaints().deadlines())) {
            s.line(line, styles.wrap);
        }
        List<LongTextCutter.Cut> cuts = cutter.cuts();
        if (!cuts.isEmpty()) {
            s.blank();
            s.line(l.format("readme.truncated", cuts.size(), LongTextCutter.MAX), styles.warning);
            for (LongTextCutter.Cut c : cuts) {
                s.line("• " + l.format("readme.truncated.cell", c.sheet(), Integer.toString(c.row() + 1), CellReference.convertNumToColString(c.column()),
                        c.cell(), c.length()), styles.wrap);
            }
        }
    }
}
