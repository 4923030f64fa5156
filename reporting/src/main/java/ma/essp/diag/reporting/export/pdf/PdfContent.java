package ma.essp.diag.reporting.export.pdf;

import java.util.ArrayList;
import java.util.List;
import ma.essp.diag.database.repository.ReadinessData;
import ma.essp.diag.reporting.export.ReportCredits;
import ma.essp.diag.reporting.export.ReportData;
import ma.essp.diag.reporting.export.ReportLabels;
import ma.essp.diag.reporting.export.ReportLanguage;
import ma.essp.diag.reporting.export.ReportScope;
import net.sf.jasperreports.renderers.SimpleDataRenderer;

/**
 * The body of the PDF under construction, shared by the sections in turn: the report's data and labels, the blocks
 * written so far, the anchors they are numbered with and the section heading waiting for its table, chart or map;
 * with the formatting every section uses.
 */
final class PdfContent {

    private final ReportData data;
    private final ReportLabels l;
    private final boolean rtl;
    private final List<PdfBlock> blocks = new ArrayList<>();
    private int anchors;
    private String pendingHeading;

    PdfContent(ReportData data) {
        this.data = data;
        this.l = data.labels();
        this.rtl = l.language().rightToLeft();
    }

    ReportData data() {
        return data;
    }

    ReportLabels labels() {
        return l;
    }

    boolean rtl() {
        return rtl;
    }

    /** The blocks written so far, in order. */
    List<PdfBlock> blocks() {
        return blocks;
    }

    // ------------------------------------------------------------------ blocks

    /** The next anchor ("s1", "s2", ...): a heading's target in the table of contents. */
    String anchor() {
        return "s" + (++anchors);
    }

    /** A chapter heading, on a new page but for the first one. */
    void h1(String text) {
        flushHeading();
        blocks.add(PdfBlock.h1(text, anchor(), !blocks.isEmpty()));
    }

    /** A section heading: printed with the next table, chart or map (never alone at the foot of a page). */
    void h2(String text) {
        flushHeading();
        pendingHeading = text;
    }

    /** Prints the waiting section heading on its own (something other than a table, chart or map follows). */
    void flushHeading() {
        if (pendingHeading != null) {
            blocks.add(PdfBlock.h2(pendingHeading, anchor(), true, false));
            pendingHeading = null;
        }
    }

    /** The waiting section heading, for the table, chart or map about to be added (null if none). */
    String takeHeading() {
        String h = pendingHeading;
        pendingHeading = null;
        return h;
    }

    /** Adds a block; a paragraph or a heading prints the waiting section heading first. */
    void add(PdfBlock block) {
        if (block.kind().equals("P") || block.kind().startsWith("H")) {
            flushHeading();
        }
        blocks.add(block);
    }

    /** Adds a block as it is, leaving any waiting heading waiting. */
    void append(PdfBlock block) {
        blocks.add(block);
    }

    void p(String text) {
        add(PdfBlock.paragraph(text, "normal"));
    }

    void note(String text) {
        add(PdfBlock.paragraph(text, "note"));
    }

    /** The table under the waiting heading, or "no data" when it has a header only. */
    void table(PdfTable t) {
        if (t.size() > 1) {
            String heading = takeHeading();
            blocks.add(PdfBlock.table(t, heading, heading == null ? null : anchor()));
        } else {
            note(l.get("section.empty"));
        }
    }

    /** The chart under the waiting heading, its height from its rows; nothing when it has no bar. */
    void chart(BarChart chart) {
        if (chart.size() == 0) {
            return;
        }
        int rows = chart.rows();
        int height = Math.min(chart.rows() > chart.size() ? 300 : 226, 40 + rows * (rows > 14 ? 11 : 16));
        String heading = takeHeading();
        blocks.add(PdfBlock.chart(SimpleDataRenderer.getInstance(chart.rightToLeft(rtl).png(515, height)), heading,
                heading == null ? null : anchor()));
    }

    /** A drawing under the waiting heading: in a chart's frame when it fits (226 points high), else in the map's (440). */
    void diagram(byte[] png, int height) {
        String heading = takeHeading();
        Object image = SimpleDataRenderer.getInstance(png);
        blocks.add(height <= 226 ? PdfBlock.chart(image, heading, heading == null ? null : anchor())
                : PdfBlock.map(image, heading, heading == null ? null : anchor()));
    }

    // ------------------------------------------------------------------ formatting

    String n(Double v) {
        return l.number(v, 1);
    }

    String n0(double v) {
        return l.number(v, 0);
    }

    String pct(Double share) {
        return l.percent(share);
    }

    String domainLabel(ReadinessData.Domain d) {
        return switch (l.language()) {
            case AR -> d.labelAr();
            case EN -> d.labelEn();
            default -> d.labelFr();
        };
    }

    /** French puts a space before the colon, English and Arabic do not. */
    String colon() {
        return l.language() == ReportLanguage.FR ? " : " : ": ";
    }

    /** The readiness map of the scope (regions, or provinces with their ESSPs), as a PNG. */
    byte[] map(int width, int height) {
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
}
