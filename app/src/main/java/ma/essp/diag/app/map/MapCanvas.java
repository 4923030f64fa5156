package ma.essp.diag.app.map;

import ma.essp.diag.app.map.model.ColourScale;
import ma.essp.diag.app.map.model.Rgb;
import ma.essp.diag.database.geo.MapShape;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.FillRule;

/**
 * The map itself: province fills, region borders, ESSP points, drawn on one canvas (thousands of points would be
 * thousands of nodes otherwise). Projection: equirectangular with longitudes shrunk by cos(28°), Morocco's mid
 * latitude, which keeps shapes right at this scale. Clicking a province reports its ISO code.
 */
public final class MapCanvas extends Region {

    private static final double MID_LAT_COS = Math.cos(Math.toRadians(28));
    private static final double MARGIN = 12;

    private final Canvas canvas = new Canvas();
    private List<MapShape> provinces = List.of();
    private List<MapShape> regions = List.of();
    private Map<String, Color> fills = Map.of();
    private double[] points = new double[0];
    private Color[] pointColours = new Color[0];
    private String selected;
    private Consumer<String> onProvinceClicked = iso -> { };

    private double minLon = -17.3;
    private double maxLon = -0.9;
    private double minLat = 20.5;
    private double maxLat = 36.0;
    private double scale;
    private double offsetX;
    private double offsetY;

    public MapCanvas() {
        getChildren().add(canvas);
        getStyleClass().add("essp-map");
        canvas.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> provinceAt(e.getX(), e.getY()).ifPresent(onProvinceClicked));
        setMinSize(200, 200);
        setPrefSize(700, 700);
    }

    public void setOutlines(List<MapShape> provinces, List<MapShape> regions) {
        this.provinces = List.copyOf(provinces);
        this.regions = List.copyOf(regions);
        if (!provinces.isEmpty()) {
            minLon = provinces.stream().mapToDouble(MapShape::minLon).min().orElse(minLon);
            maxLon = provinces.stream().mapToDouble(MapShape::maxLon).max().orElse(maxLon);
            minLat = provinces.stream().mapToDouble(MapShape::minLat).min().orElse(minLat);
            maxLat = provinces.stream().mapToDouble(MapShape::maxLat).max().orElse(maxLat);
        }
        redraw();
    }

    private static final Color NO_DATA = fx(ColourScale.NO_DATA);

    /** The JavaFX colour of a map colour. */
    static Color fx(Rgb c) {
        return Color.rgb(c.red(), c.green(), c.blue());
    }

    public void setFills(Map<String, Rgb> fills) {
        Map<String, Color> fx = new java.util.HashMap<>();
        fills.forEach((iso, c) -> fx.put(iso, fx(c)));
        this.fills = Map.copyOf(fx);
        redraw();
    }

    /** Points as {@code [lon0, lat0, lon1, lat1...]} with one colour each. */
    public void setPoints(double[] lonLat, Rgb[] colours) {
        this.points = lonLat.clone();
        this.pointColours = java.util.Arrays.stream(colours).map(MapCanvas::fx).toArray(Color[]::new);
        redraw();
    }

    public void setSelected(String isoCode) {
        this.selected = isoCode;
        redraw();
    }

    public void setOnProvinceClicked(Consumer<String> action) {
        this.onProvinceClicked = action;
    }

    /** The province under a point of the canvas, if any. */
    public Optional<String> provinceAt(double x, double y) {
        if (scale <= 0) {
            return Optional.empty();
        }
        double lon = minLon + (x - offsetX) / (scale * MID_LAT_COS);
        double lat = maxLat - (y - offsetY) / scale;
        return provinces.stream().filter(s -> s.contains(lon, lat)).map(MapShape::isoCode).findFirst();
    }

    /** Canvas coordinates of a longitude/latitude (for tests and tooltips). */
    public double[] toCanvas(double lon, double lat) {
        return new double[] {offsetX + (lon - minLon) * MID_LAT_COS * scale, offsetY + (maxLat - lat) * scale};
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            redraw();
        }
    }

    private void redraw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.web("#f4f8fb"));
        g.fillRect(0, 0, w, h);
        if (w <= 2 * MARGIN || h <= 2 * MARGIN) {
            return;
        }
        double spanX = (maxLon - minLon) * MID_LAT_COS;
        double spanY = maxLat - minLat;
        scale = Math.min((w - 2 * MARGIN) / spanX, (h - 2 * MARGIN) / spanY);
        offsetX = (w - spanX * scale) / 2;
        offsetY = (h - spanY * scale) / 2;
        g.setFillRule(FillRule.EVEN_ODD);
        for (MapShape p : provinces) {
            g.setFill(fills.getOrDefault(p.isoCode(), NO_DATA));
            path(g, p);
            g.fill();
            g.setStroke(Color.web("#8a8a8a"));
            g.setLineWidth(0.5);
            g.stroke();
        }
        g.setStroke(Color.web("#333333"));
        g.setLineWidth(1.4);
        for (MapShape r : regions) {
            path(g, r);
            g.stroke();
        }
        if (selected != null) {
            provinces.stream().filter(p -> p.isoCode().equals(selected)).findFirst().ifPresent(p -> {
                g.setStroke(Color.web("#0b5394"));
                g.setLineWidth(3);
                path(g, p);
                g.stroke();
            });
        }
        double radius = Math.max(1.5, Math.min(3.5, scale / 60));
        for (int i = 0; i + 1 < points.length; i += 2) {
            double x = offsetX + (points[i] - minLon) * MID_LAT_COS * scale;
            double y = offsetY + (maxLat - points[i + 1]) * scale;
            g.setFill(pointColours.length > i / 2 ? pointColours[i / 2] : Color.BLACK);
            g.fillOval(x - radius, y - radius, 2 * radius, 2 * radius);
        }
    }

    private void path(GraphicsContext g, MapShape shape) {
        g.beginPath();
        for (double[] ring : shape.rings()) {
            for (int i = 0; i < ring.length; i += 2) {
                double x = offsetX + (ring[i] - minLon) * MID_LAT_COS * scale;
                double y = offsetY + (maxLat - ring[i + 1]) * scale;
                if (i == 0) {
                    g.moveTo(x, y);
                } else {
                    g.lineTo(x, y);
                }
            }
            g.closePath();
        }
    }
}
