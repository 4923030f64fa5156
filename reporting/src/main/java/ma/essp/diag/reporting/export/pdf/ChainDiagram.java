package ma.essp.diag.reporting.export.pdf;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import ma.essp.diag.database.code.Vocabulary;
import ma.essp.diag.reporting.export.ReportData;

/**
 * The reporting chains of the scope drawn with Java2D, as the data-flow screen draws them: the levels used as columns
 * (ESSP → central, left to right in every language), one row per report type, each link an arrow coloured by its
 * on-time rate (green ≥ 80 %, orange ≥ 50 %, red below, grey when not recorded), dashed when the receiving level
 * re-keys the data, its tool written under it; the row's re-keying steps at its start. Rendered at twice its size.
 */
final class ChainDiagram {

    static final Color GOOD = new Color(0x2E, 0x7D, 0x32);
    static final Color MEDIUM = new Color(0xEF, 0x6C, 0x00);
    static final Color POOR = new Color(0xC6, 0x28, 0x28);
    static final Color UNKNOWN = Color.GRAY;
    static final int WIDTH = 515;
    static final int ROW = 30;
    private static final int TOP = 18;
    private static final int LEGEND = 18;
    private static final int NAME = 130;
    private static final int SCALE = 2;

    private final List<ReportData.ChainRow> chains;
    private final String rekeyingLabel;
    private final String incompleteLabel;
    private final List<String> legend;
    private final List<String> columns = new ArrayList<>();
    private final List<String> columnLabels = new ArrayList<>();

    /**
     * @param legend the legend's five texts: on time ≥ 80 %, 50–80 %, below 50 %, not recorded, dashed = re-keyed
     */
    ChainDiagram(List<ReportData.ChainRow> chains, String rekeyingLabel, String incompleteLabel, List<String> legend) {
        this.chains = chains;
        this.rekeyingLabel = rekeyingLabel;
        this.incompleteLabel = incompleteLabel;
        this.legend = legend;
        Set<String> used = new LinkedHashSet<>();
        for (String level : Vocabulary.FLOW_LEVEL.codes()) {
            for (ReportData.ChainRow c : chains) {
                for (ReportData.ChainLink link : c.links()) {
                    if (link.fromLevel().equals(level) || link.toLevel().equals(level)) {
                        if (used.add(level)) {
                            columns.add(level);
                            columnLabels.add(link.fromLevel().equals(level) ? link.fromLabel() : link.toLabel());
                        }
                    }
                }
            }
        }
    }

    /** The height in points: a row per chain, the column heads and the legend. */
    int height() {
        return TOP + chains.size() * ROW + LEGEND;
    }

    static Color colour(Double onTime) {
        if (onTime == null) {
            return UNKNOWN;
        }
        return onTime >= 0.8 ? GOOD : onTime >= 0.5 ? MEDIUM : POOR;
    }

    byte[] png() {
        int height = height();
        BufferedImage image = new BufferedImage(WIDTH * SCALE, height * SCALE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.scale(SCALE, SCALE);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, height);
            draw(g);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private double columnX(String level) {
        double step = (WIDTH - NAME - 4) / (double) Math.max(1, columns.size());
        return NAME + columns.indexOf(level) * step;
    }

    private double boxWidth() {
        double step = (WIDTH - NAME - 4) / (double) Math.max(1, columns.size());
        return Math.min(70, step * 0.55);
    }

    private void draw(Graphics2D g) {
        Font head = ChartFonts.bold(7f);
        Font name = ChartFonts.regular(6.5f);
        Font small = ChartFonts.regular(5.5f);
        g.setColor(new Color(0x1F, 0x3A, 0x5F));
        for (int c = 0; c < columns.size(); c++) {
            double step = (WIDTH - NAME - 4) / (double) Math.max(1, columns.size());
            BarChart.text(g, fit(g, columnLabels.get(c), head, (int) step - 4), head, (float) (columnX(columns.get(c)) + boxWidth() / 2), 11, 0);
        }
        double box = boxWidth();
        for (int r = 0; r < chains.size(); r++) {
            ReportData.ChainRow chain = chains.get(r);
            double y = TOP + r * ROW;
            if (r % 2 == 1) {
                g.setColor(new Color(0xF5, 0xF7, 0xF9));
                g.fill(new java.awt.geom.Rectangle2D.Double(0, y, WIDTH, ROW));
            }
            g.setColor(Color.BLACK);
            BarChart.text(g, fit(g, chain.report(), name, NAME - 6), name, 2, (float) (y + 11), -1);
            g.setColor(Color.DARK_GRAY);
            BarChart.text(g, rekeyingLabel + " " + chain.rekeying() + (chain.complete() ? "" : " · " + incompleteLabel), small, 2,
                    (float) (y + 21), -1);
            Set<String> levels = new LinkedHashSet<>();
            chain.links().forEach(l -> {
                levels.add(l.fromLevel());
                levels.add(l.toLevel());
            });
            for (ReportData.ChainLink link : chain.links()) {
                String from = link.fromLevel();
                String to = link.toLevel();
                double x1 = columnX(from) + box;
                double x2 = columnX(to);
                double ay = y + 9;
                Color colour = colour(link.onTime());
                g.setColor(colour);
                g.setStroke(link.rekeyed()
                        ? new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {3f, 2f}, 0f)
                        : new BasicStroke(1.6f));
                g.draw(new Line2D.Double(x1 + 1, ay, x2 - 5, ay));
                Path2D.Double arrow = new Path2D.Double();
                arrow.moveTo(x2 - 1, ay);
                arrow.lineTo(x2 - 6, ay - 3);
                arrow.lineTo(x2 - 6, ay + 3);
                arrow.closePath();
                g.fill(arrow);
                g.setStroke(new BasicStroke(1f));
                String tool = link.tool() + (link.onTime() == null ? "" : " · " + Math.round(link.onTime() * 100) + " %");
                BarChart.text(g, fit(g, tool, small, (int) (x2 - x1 - 2)), small, (float) ((x1 + x2) / 2), (float) (ay + 9), 0);
            }
            for (String level : levels) {
                double x = columnX(level);
                RoundRectangle2D.Double rect = new RoundRectangle2D.Double(x, y + 3, box, 12, 4, 4);
                g.setColor(new Color(0xEC, 0xEF, 0xF1));
                g.fill(rect);
                g.setColor(new Color(0x90, 0xA4, 0xAE));
                g.draw(rect);
                g.setColor(Color.BLACK);
                String label = columnLabels.get(columns.indexOf(level));
                BarChart.text(g, fit(g, label, small, (int) box - 4), small, (float) (x + box / 2), (float) (y + 11.5), 0);
            }
        }
        // legend
        float ly = height() - 6;
        float lx = 4;
        Color[] colours = {GOOD, MEDIUM, POOR, UNKNOWN};
        Font f = ChartFonts.regular(6f);
        for (int i = 0; i < legend.size(); i++) {
            g.setColor(i < colours.length ? colours[i] : Color.DARK_GRAY);
            g.setStroke(i < colours.length ? new BasicStroke(2f)
                    : new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {3f, 2f}, 0f));
            g.draw(new Line2D.Float(lx, ly - 2, lx + 12, ly - 2));
            g.setStroke(new BasicStroke(1f));
            g.setColor(Color.DARK_GRAY);
            BarChart.text(g, legend.get(i), f, lx + 15, ly, -1);
            lx += 15 + BarChart.advance(g, legend.get(i), f) + 12;
        }
    }

    private static String fit(Graphics2D g, String s, Font f, int width) {
        if (s == null || s.isEmpty() || BarChart.advance(g, s, f) <= width) {
            return s;
        }
        String t = s;
        while (t.length() > 3 && BarChart.advance(g, t + "…", f) > width) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "…";
    }
}
