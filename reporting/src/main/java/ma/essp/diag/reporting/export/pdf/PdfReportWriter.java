package ma.essp.diag.reporting.export.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ma.essp.diag.reporting.export.ExportCancelledException;
import ma.essp.diag.reporting.export.ExportProgress;
import ma.essp.diag.reporting.export.ReportData;
import ma.essp.diag.reporting.export.ReportLabels;
import ma.essp.diag.reporting.export.ReportSection;
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

/**
 * The PDF report with JasperReports: the content is built as a list of blocks ({@link PdfContent}) by one class per
 * section, in the order this writer calls them (the summary, one chapter per axis of the terms of reference, with
 * tables and Java2D charts, the read-me, the ESSP fact sheets), filled into the precompiled {@code body.jasper}; the
 * table of contents is filled afterwards from the page of each heading's anchor, the cover ({@link CoverSection})
 * separately, and the three are exported as one PDF (DejaVu fonts embedded, Arabic shaped by the PDF backend).
 */
public final class PdfReportWriter {

    private static final String TEMPLATES = "/ma/essp/diag/reporting/export/pdf/";
    private static final int TOC_ROWS_PER_PAGE = 38;

    private final ReportData data;
    private final ReportLabels l;
    private final ExportProgress progress;
    private final boolean rtl;
    /** The body's blocks and anchors, built on first use. */
    private PdfContent content;
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
        List<String[]> rows = new ArrayList<>();
        for (PdfBlock b : content().blocks()) {
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
        List<PdfBlock> blocks = content().blocks();
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
        JasperPrint coverPrint = JasperFillManager.fillReport(cover, new CoverSection(content).params(), new JREmptyDataSource(1));

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

    /** The body: the summary, the chapters the request includes, the read-me, the annex, each section in turn. */
    private PdfContent content() {
        if (content != null) {
            return content;
        }
        content = new PdfContent(data);
        new SummarySection(content).write();
        if (data.request().includes(ReportSection.HR)) {
            new HrSection(content).write();
        }
        if (data.request().includes(ReportSection.DATA_FLOWS)) {
            new DataFlowsSection(content).write();
        }
        if (data.request().includes(ReportSection.COMPLAINTS)) {
            new ComplaintsSection(content).write();
        }
        if (data.request().includes(ReportSection.TERRITORY)) {
            new TerritorySection(content).write();
        }
        if (data.request().includes(ReportSection.READINESS) || data.request().includes(ReportSection.GAPS)) {
            new ReadinessSection(content).write();
        }
        if (data.request().includes(ReportSection.PERPETRATOR_CARE)) {
            new PerpetratorCareSection(content).write();
        }
        if (data.request().includes(ReportSection.TRAINING)) {
            new TrainingSection(content).write();
        }
        if (data.request().includes(ReportSection.FINDINGS)) {
            new FindingsSection(content).write();
        }
        new ReadMeSection(content).write();
        if (data.request().includes(ReportSection.ESSP_SHEETS)) {
            new EsspSheetsSection(content).write();
        }
        content.flushHeading();
        return content;
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
