package ma.essp.diag.reporting.export.pdf;

/**
 * One record of the body report: a heading (H1 chapter, H2 section; {@code toc} entries go to the table of
 * contents), a paragraph (style normal, note or warning), a table, a chart or the map.
 */
record PdfBlock(String kind, String text, String style, String anchor, boolean newPage, boolean toc, int level,
                Object image, PdfTable table) {

    static PdfBlock h1(String text, String anchor, boolean newPage) {
        return new PdfBlock("H1", text, null, anchor, newPage, true, 1, null, null);
    }

    static PdfBlock h2(String text, String anchor, boolean toc, boolean newPage) {
        return new PdfBlock("H2", text, null, anchor, newPage, toc, 2, null, null);
    }

    static PdfBlock paragraph(String text, String style) {
        return new PdfBlock("P", text, style, null, false, false, 0, null, null);
    }

    /** A table, chart or map; {@code heading} (may be null) is printed above it, kept on the same page. */
    static PdfBlock table(PdfTable table, String heading, String anchor) {
        return new PdfBlock("TABLE", heading, null, anchor, false, heading != null && anchor != null, 2, null, table);
    }

    static PdfBlock chart(Object image, String heading, String anchor) {
        return new PdfBlock("CHART", heading, null, anchor, false, heading != null && anchor != null, 2, image, null);
    }

    static PdfBlock map(Object image, String heading, String anchor) {
        return new PdfBlock("MAP", heading, null, anchor, false, heading != null && anchor != null, 2, image, null);
    }
}
