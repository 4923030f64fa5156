package ma.essp.diag.reporting.export.pdf;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.TextLayout;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * A horizontal bar chart drawn with Java2D (no charting library): one row per category, one bar per series, values
 * printed at the bar end, an optional reference line (the WHO threshold), mirrored for right-to-left languages.
 * Rendered at twice the size it is printed, to stay sharp in the PDF.
 */
final class BarChart {

    /** One row of the chart; values may be null (no data: nothing drawn, "–" printed). */
    record Bar(String label, List<Double> values) {
    }

    static final Color[] SERIES = {new Color(0x2E, 0x6F, 0xA7), new Color(0xE0, 0x8A, 0x2C), new Color(0x5B, 0xA0, 0x5B)};
    private static final int SCALE = 2;

    private final String title;
    private final List<String> seriesNames;
    private final List<Bar> bars = new ArrayList<>();
    private double max = 100;
    private Double reference;
    private String referenceLabel;
    private boolean ragColours;
    private String unit = "";
    private int decimals = 1;
    private boolean rtl;

    BarChart(String title, List<String> seriesNames) {
        this.title = title;
        this.seriesNames = seriesNames;
    }

    BarChart bar(String label, Double... values) {
        bars.add(new Bar(label, java.util.Arrays.asList(values)));
        return this;
    }

    BarChart max(double value) {
        max = value;
        return this;
    }

    /** Colours single-series bars red/amber/green by value (0–100 scores). */
    BarChart ragColours() {
        ragColours = true;
        return this;
    }

    BarChart reference(double value, String label) {
        reference = value;
        referenceLabel = label;
        return this;
    }

    BarChart unit(String value, int decimalPlaces) {
        unit = value;
        decimals = decimalPlaces;
        return this;
    }

    BarChart rightToLeft(boolean value) {
        rtl = value;
        return this;
    }

    int size() {
        return bars.size();
    }

    /** Bars drawn: categories × series (what the height has to make room for). */
    int rows() {
        return bars.size() * Math.max(1, seriesNames.size());
    }

    static Color rag(double score) {
        return score < 50 ? new Color(0xD9, 0x53, 0x4F) : score < 75 ? new Color(0xF0, 0xAD, 0x4E) : new Color(0x5C, 0xB8, 0x5C);
    }

    /** PNG bytes, {@code width} × height points (height grows with the number of bars, up to 226). */
    byte[] png(int width, int height) {
        BufferedImage image = new BufferedImage(width * SCALE, height * SCALE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.scale(SCALE, SCALE);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            draw(g, width, height);
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

    private void draw(Graphics2D g, int width, int height) {
        Font titleFont = ChartFonts.bold(10f);
        Font labelFont = ChartFonts.regular(bars.size() > 14 ? 6.5f : 8f);
        g.setColor(new Color(0x1F, 0x3A, 0x5F));
        text(g, title, titleFont, width / 2f, 13, 0);
        int top = 22;
        int legend = seriesNames.size() > 1 || reference != null ? 14 : 0;
        int bottom = height - 12 - legend;
        int labelWidth = Math.min(190, width / 3);
        int plotLeft = rtl ? 36 : labelWidth + 6;
        int plotRight = rtl ? width - labelWidth - 6 : width - 36;
        if (bars.isEmpty()) {
            return;
        }
        double rowHeight = (bottom - top) / (double) bars.size();
        double barHeight = Math.min(16, rowHeight * 0.75) / Math.max(1, seriesNames.size());
        // values printed at the bar ends must not run into the next bar's
        Font valueFont = ChartFonts.regular((float) Math.max(5, Math.min(bars.size() > 14 ? 6 : 7, barHeight + 0.5)));
        // grid
        g.setStroke(new BasicStroke(0.4f));
        for (int i = 0; i <= 4; i++) {
            double v = max * i / 4;
            float x = (float) xOf(v, plotLeft, plotRight);
            g.setColor(new Color(0xDD, 0xDD, 0xDD));
            g.draw(new Line2D.Float(x, top, x, bottom));
            g.setColor(Color.GRAY);
            text(g, format(v, max >= 10 ? 0 : 1), ChartFonts.regular(6f), x, bottom + 8, 0);
        }
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double y = top + i * rowHeight;
            double centre = y + rowHeight / 2;
            g.setColor(Color.DARK_GRAY);
            String label = fit(g, bar.label(), labelFont, labelWidth);
            if (rtl) {
                text(g, label, labelFont, plotRight + 6, (float) centre + 3, -1);
            } else {
                text(g, label, labelFont, plotLeft - 6, (float) centre + 3, 1);
            }
            double seriesTop = centre - barHeight * bar.values().size() / 2;
            for (int s = 0; s < bar.values().size(); s++) {
                Double v = bar.values().get(s);
                double by = seriesTop + s * barHeight;
                if (v == null) {
                    g.setColor(Color.GRAY);
                    text(g, "–", valueFont, (float) xOf(0, plotLeft, plotRight) + (rtl ? -6 : 6), (float) (by + barHeight - 2), 0);
                    continue;
                }
                double x0 = xOf(0, plotLeft, plotRight);
                double x1 = xOf(Math.min(v, max), plotLeft, plotRight);
                g.setColor(ragColours && seriesNames.size() <= 1 ? rag(v) : SERIES[s % SERIES.length]);
                g.fill(new Rectangle2D.Double(Math.min(x0, x1), by + 0.5, Math.abs(x1 - x0), barHeight - 1));
                g.setColor(Color.DARK_GRAY);
                String value = format(v, decimals) + unit;
                if (rtl) {
                    text(g, value, valueFont, (float) x1 - 3, (float) (by + barHeight - 2), 1);
                } else {
                    text(g, value, valueFont, (float) x1 + 3, (float) (by + barHeight - 2), -1);
                }
            }
        }
        if (reference != null) {
            float x = (float) xOf(reference, plotLeft, plotRight);
            g.setColor(new Color(0xA0, 0x00, 0x00));
            g.setStroke(new BasicStroke(1.2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 3f}, 0f));
            g.draw(new Line2D.Float(x, top - 2, x, bottom));
        }
        // legend
        if (legend > 0) {
            float lx = rtl ? width - 10 : 10;
            float ly = height - 6;
            Font f = ChartFonts.regular(7f);
            List<String> names = new ArrayList<>(seriesNames.size() > 1 ? seriesNames : List.of());
            for (int s = 0; s < names.size(); s++) {
                g.setColor(SERIES[s % SERIES.length]);
                g.fill(new Rectangle2D.Float(rtl ? lx - 8 : lx, ly - 7, 8, 8));
                g.setColor(Color.DARK_GRAY);
                float w = advance(g, names.get(s), f);
                text(g, names.get(s), f, rtl ? lx - 11 : lx + 11, ly, rtl ? 1 : -1);
                lx += (rtl ? -1 : 1) * (w + 26);
            }
            if (reference != null) {
                g.setColor(new Color(0xA0, 0x00, 0x00));
                g.draw(new Line2D.Float(rtl ? lx - 10 : lx, ly - 3, rtl ? lx : lx + 10, ly - 3));
                text(g, referenceLabel + " (" + format(reference, 0) + ")", f, rtl ? lx - 13 : lx + 13, ly, rtl ? 1 : -1);
            }
        }
    }

    private double xOf(double v, int left, int right) {
        double share = max <= 0 ? 0 : v / max;
        return rtl ? right - share * (right - left) : left + share * (right - left);
    }

    private static String format(double v, int decimals) {
        // grouped by plain spaces (budgets in MAD), decimal comma as in the tables
        return String.format(Locale.ROOT, "%,." + decimals + "f", v).replace(',', ' ').replace('.', ',');
    }

    static float advance(Graphics2D g, String s, Font f) {
        return s.isEmpty() ? 0 : new TextLayout(s, f, g.getFontRenderContext()).getAdvance();
    }

    private static String fit(Graphics2D g, String s, Font f, int width) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        if (advance(g, s, f) <= width) {
            return s;
        }
        String t = s;
        while (t.length() > 3 && advance(g, t + "…", f) > width) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "…";
    }

    /**
     * Draws text with TextLayout (which shapes Arabic and applies the bidi algorithm).
     *
     * @param anchor -1 starts at x, 0 centres on x, 1 ends at x
     */
    static void text(Graphics2D g, String s, Font f, float x, float y, int anchor) {
        if (s == null || s.isEmpty()) {
            return;
        }
        TextLayout layout = new TextLayout(s, f, g.getFontRenderContext());
        float w = layout.getAdvance();
        float start = anchor < 0 ? x : anchor == 0 ? x - w / 2 : x - w;
        layout.draw(g, start, y);
    }
}
