package ma.essp.diag.reporting.export.pdf;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.ImageIO;
import ma.essp.diag.database.geo.MapOutlines;
import ma.essp.diag.database.geo.MapShape;

/**
 * Draws the map of a scope coloured by readiness, from the TopoJSON shipped in resources (ODbL, credited on the
 * image). Regions for a national report, the provinces of the region otherwise, optionally the ESSPs as dots.
 * TopoJSON is decoded here (quantized, delta-encoded arcs) — a few dozen lines instead of a GIS library.
 */
final class MapRenderer {

    /** An area to colour: ISO code of the geometry, value 0–100 or null (no data), inScope false = greyed. */
    record Area(String isoCode, Double value, boolean inScope) {
    }

    /** An ESSP dot. */
    record Point(double longitude, double latitude, Double value) {
    }

    private static final Map<String, Map<String, Path2D>> CACHE = new ConcurrentHashMap<>();
    private static final int SCALE = 2;

    private MapRenderer() {
    }

    /** Geometries of {@code regions} or {@code provinces}, in lon/lat, by ISO code. */
    static Map<String, Path2D> geometries(String layer) {
        return CACHE.computeIfAbsent(layer, MapRenderer::load);
    }

    /** The outlines shipped with the application (one decoder, {@link MapOutlines}), as even-odd paths. */
    private static Map<String, Path2D> load(String layer) {
        MapOutlines outlines = MapOutlines.shipped();
        List<MapShape> source = switch (layer) {
            case "regions" -> outlines.regions();
            case "provinces" -> outlines.provinces();
            default -> throw new IllegalStateException("map layer " + layer + " missing");
        };
        Map<String, Path2D> shapes = new HashMap<>();
        for (MapShape shape : source) {
            Path2D path = new Path2D.Double(Path2D.WIND_EVEN_ODD);
            for (double[] ring : shape.rings()) {
                path.moveTo(ring[0], ring[1]);
                for (int i = 2; i < ring.length; i += 2) {
                    path.lineTo(ring[i], ring[i + 1]);
                }
                path.closePath();
            }
            shapes.put(shape.isoCode(), path);
        }
        return shapes;
    }

    /** Colour of a 0–100 value on the red–amber–green scale of the workbook's conditional formatting. */
    static Color colour(double value) {
        Color red = new Color(0xF8, 0x69, 0x6B);
        Color amber = new Color(0xFF, 0xEB, 0x84);
        Color green = new Color(0x63, 0xBE, 0x7B);
        double v = Math.max(0, Math.min(100, value));
        return v < 50 ? mix(red, amber, v / 50) : mix(amber, green, (v - 50) / 50);
    }

    private static Color mix(Color a, Color b, double t) {
        return new Color((int) Math.round(a.getRed() + (b.getRed() - a.getRed()) * t),
                (int) Math.round(a.getGreen() + (b.getGreen() - a.getGreen()) * t),
                (int) Math.round(a.getBlue() + (b.getBlue() - a.getBlue()) * t));
    }

    /**
     * PNG bytes of the map, {@code width} × {@code height} points.
     *
     * @param legendNoData "no data" in the report's language; {@code legendOutside} "outside scope"
     */
    static byte[] png(String layer, List<Area> areas, List<Point> points, int width, int height, String legendNoData,
                      String legendOutside, String credit, boolean labels) {
        Map<String, Path2D> shapes = geometries(layer);
        BufferedImage image = new BufferedImage(width * SCALE, height * SCALE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.scale(SCALE, SCALE);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            int legendHeight = 34;
            Rectangle2D bounds = null;
            for (Area a : areas) {
                Path2D shape = shapes.get(a.isoCode());
                if (shape != null) {
                    bounds = bounds == null ? shape.getBounds2D() : bounds.createUnion(shape.getBounds2D());
                }
            }
            if (bounds != null) {
                double latitude = Math.toRadians(bounds.getCenterY());
                double kx = Math.cos(latitude);
                double mapW = bounds.getWidth() * kx;
                double mapH = bounds.getHeight();
                double avail = height - legendHeight - 12;
                double s = Math.min((width - 20) / mapW, avail / mapH);
                double ox = (width - mapW * s) / 2;
                double oy = 6 + (avail - mapH * s) / 2;
                AffineTransform t = new AffineTransform();
                t.translate(ox, oy + mapH * s);
                t.scale(s * kx, -s);
                t.translate(-bounds.getMinX(), -bounds.getMinY());
                for (Area a : areas) {
                    Path2D shape = shapes.get(a.isoCode());
                    if (shape == null) {
                        continue;
                    }
                    java.awt.Shape projected = t.createTransformedShape(shape);
                    g.setColor(!a.inScope() ? new Color(0xEE, 0xEE, 0xEE) : a.value() == null ? new Color(0xC8, 0xC8, 0xC8) : colour(a.value()));
                    g.fill(projected);
                    g.setColor(new Color(0x55, 0x55, 0x55));
                    g.setStroke(new BasicStroke(0.5f));
                    g.draw(projected);
                }
                for (Point p : points) {
                    double[] xy = {p.longitude(), p.latitude()};
                    t.transform(xy, 0, xy, 0, 1);
                    g.setColor(p.value() == null ? Color.GRAY : colour(p.value()).darker());
                    g.fill(new Ellipse2D.Double(xy[0] - 1.6, xy[1] - 1.6, 3.2, 3.2));
                }
                if (labels) {
                    g.setColor(Color.BLACK);
                    for (Area a : areas) {
                        Path2D shape = shapes.get(a.isoCode());
                        if (shape == null || a.value() == null || !a.inScope()) {
                            continue;
                        }
                        Rectangle2D b = largestPart(shape);
                        double[] xy = {b.getCenterX(), b.getCenterY()};
                        t.transform(xy, 0, xy, 0, 1);
                        BarChart.text(g, String.format(java.util.Locale.FRANCE, "%.0f", a.value()), ChartFonts.bold(8f), (float) xy[0], (float) xy[1] + 3, 0);
                    }
                }
            }
            legend(g, width, height - legendHeight, legendNoData, legendOutside);
            g.setColor(Color.GRAY);
            BarChart.text(g, credit, ChartFonts.regular(6f), width - 4, height - 3, 1);
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

    /** Bounds of the largest ring of a shape: where a label goes (not in the sea between islands). */
    private static Rectangle2D largestPart(Path2D shape) {
        Rectangle2D best = null;
        Path2D.Double current = null;
        double[] c = new double[6];
        for (java.awt.geom.PathIterator it = shape.getPathIterator(null); !it.isDone(); it.next()) {
            int type = it.currentSegment(c);
            if (type == java.awt.geom.PathIterator.SEG_MOVETO) {
                current = new Path2D.Double();
                current.moveTo(c[0], c[1]);
            } else if (type == java.awt.geom.PathIterator.SEG_LINETO && current != null) {
                current.lineTo(c[0], c[1]);
            } else if (type == java.awt.geom.PathIterator.SEG_CLOSE && current != null) {
                Rectangle2D b = current.getBounds2D();
                if (best == null || b.getWidth() * b.getHeight() > best.getWidth() * best.getHeight()) {
                    best = b;
                }
            }
        }
        return best == null ? shape.getBounds2D() : best;
    }

    private static void legend(Graphics2D g, int width, int y, String noData, String outside) {
        int x = 10;
        int w = 160;
        g.setPaint(new GradientPaint(x, 0, colour(0), x + w / 2f, 0, colour(50)));
        g.fill(new Rectangle2D.Double(x, y + 4, w / 2.0, 9));
        g.setPaint(new GradientPaint(x + w / 2f, 0, colour(50), x + w, 0, colour(100)));
        g.fill(new Rectangle2D.Double(x + w / 2.0, y + 4, w / 2.0, 9));
        g.setColor(Color.DARK_GRAY);
        for (int v = 0; v <= 100; v += 25) {
            BarChart.text(g, Integer.toString(v), ChartFonts.regular(6.5f), x + w * v / 100f, y + 21, 0);
        }
        g.setColor(new Color(0xC8, 0xC8, 0xC8));
        g.fill(new Rectangle2D.Double(x + w + 20, y + 4, 12, 9));
        g.setColor(Color.DARK_GRAY);
        BarChart.text(g, noData, ChartFonts.regular(7f), x + w + 36, y + 12, -1);
        if (outside != null) {
            float ox = x + w + 46 + BarChart.advance(g, noData, ChartFonts.regular(7f));
            g.setColor(new Color(0xEE, 0xEE, 0xEE));
            g.fill(new Rectangle2D.Double(ox, y + 4, 12, 9));
            g.setColor(new Color(0x99, 0x99, 0x99));
            g.draw(new Rectangle2D.Double(ox, y + 4, 12, 9));
            g.setColor(Color.DARK_GRAY);
            BarChart.text(g, outside, ChartFonts.regular(7f), ox + 16, y + 12, -1);
        }
    }
}
