package ma.essp.diag.app.ui.map;

import ma.essp.diag.database.geo.MapShape;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.geometry.NodeOrientation;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.FillRule;
import javafx.util.Duration;

/**
 * The map itself: province fills, region borders, ESSP points, drawn on one canvas (thousands of points would be
 * thousands of nodes otherwise). Projection: equirectangular with longitudes shrunk by cos(28°), Morocco's mid
 * latitude, which keeps shapes right at this scale. Clicking a province reports its ISO code; hovering one shows
 * its tooltip.
 *
 * <p>Zoom and pan: the view is a zoom factor (1 = the whole country fits) and the projected point at the centre of
 * the canvas. The wheel zooms around the pointer (the place under it stays under it), a drag pans, and with the
 * focus on the map {@code +}/{@code -} zoom, the arrows pan and {@code 0} shows the whole country. Every drawing,
 * hit test and {@link #toCanvas} goes through the same transform, so a click selects what is drawn under it at any
 * zoom. ESSP points keep their size whatever the zoom.
 */
public final class MapCanvas extends Region {

    private static final double MID_LAT_COS = Math.cos(Math.toRadians(28));
    private static final double MARGIN = 12;
    /** How far one can zoom in: a province of a few km across fills the map. */
    public static final double MAX_ZOOM = 60;
    /** The zoom step of the buttons and the keyboard. */
    public static final double ZOOM_STEP = 1.5;
    /** Share of the canvas an arrow key pans. */
    private static final double ARROW_PAN = 0.15;
    /** Pixels the pointer may move between press and release of a click. */
    private static final double DRAG_SLOP = 3;

    private final Canvas canvas = new Canvas();
    private final Tooltip tooltip = new Tooltip();
    private List<MapShape> provinces = List.of();
    private List<MapShape> regions = List.of();
    private Map<String, Color> fills = Map.of();
    private double[] points = new double[0];
    private Color[] pointColours = new Color[0];
    private String selected;
    private Consumer<String> onProvinceClicked = iso -> { };
    private Function<String, String> describe = iso -> null;

    private double minLon = -17.3;
    private double maxLon = -0.9;
    private double minLat = 20.5;
    private double maxLat = 36.0;

    /** 1 = the whole country fits the canvas. */
    private double zoom = 1;
    /** The projected point (x east, y south, in degrees of latitude) at the centre of the canvas. */
    private double centreX = Double.NaN;
    private double centreY = Double.NaN;
    /** A box to fit once the canvas has a size (asked for before the first layout). */
    private GeoBox pendingFit;

    private double pressX;
    private double pressY;
    /** Whether the button went down and moved more than {@link #DRAG_SLOP} since: a pan, not a click. */
    private boolean dragging;
    private String hovered;

    public MapCanvas() {
        getChildren().add(canvas);
        getStyleClass().add("essp-map");
        // geography is not mirrored in Arabic: east stays right
        setNodeOrientation(NodeOrientation.LEFT_TO_RIGHT);
        setFocusTraversable(true);
        tooltip.setShowDelay(Duration.millis(250));
        addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
            pressX = e.getX();
            pressY = e.getY();
            dragging = false;
            tooltip.hide(); // a press starts a click or a drag: the tooltip would only be in the way
            requestFocus();
        });
        addEventHandler(MouseEvent.MOUSE_DRAGGED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && (dragging || Math.hypot(e.getX() - pressX, e.getY() - pressY) > DRAG_SLOP)) {
                dragging = true;
                setCursor(Cursor.MOVE);
                panBy(e.getX() - pressX, e.getY() - pressY);
                pressX = e.getX();
                pressY = e.getY();
            }
        });
        addEventHandler(MouseEvent.MOUSE_RELEASED, e -> setCursor(Cursor.DEFAULT));
        // a click selects; the end of a drag does not
        addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && !dragging) {
                provinceAt(e.getX(), e.getY()).ifPresent(onProvinceClicked);
            }
        });
        addEventHandler(MouseEvent.MOUSE_MOVED, e -> hover(provinceAt(e.getX(), e.getY()).orElse(null)));
        addEventHandler(MouseEvent.MOUSE_EXITED, e -> hover(null));
        addEventHandler(ScrollEvent.SCROLL, e -> {
            if (e.getDeltaY() != 0) {
                zoomAt(Math.exp(e.getDeltaY() * 0.005), e.getX(), e.getY());
            }
            e.consume();
        });
        addEventHandler(KeyEvent.KEY_TYPED, e -> {
            switch (e.getCharacter()) {
                case "+", "=" -> zoomIn();
                case "-", "\u2212" -> zoomOut();
                case "0" -> showAll();
                default -> {
                    return;
                }
            }
            e.consume();
        });
        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            double dx = getWidth() * ARROW_PAN;
            double dy = getHeight() * ARROW_PAN;
            KeyCode code = e.getCode();
            // an arrow shows more of the map in its direction
            switch (code) {
                case LEFT -> panBy(dx, 0);
                case RIGHT -> panBy(-dx, 0);
                case UP -> panBy(0, dy);
                case DOWN -> panBy(0, -dy);
                default -> {
                    return;
                }
            }
            e.consume();
        });
        setMinSize(200, 200);
        setPrefSize(700, 700);
        showAll();
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
        showAll();
    }

    private static final Color NO_DATA = fx(ColourScale.NO_DATA);

    /** The JavaFX colour of a map colour. */
    public static Color fx(Rgb c) {
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
        this.onProvinceClicked = Objects.requireNonNull(action);
    }

    /** The tooltip text of a province (its name and value), null for none. */
    public void setDescription(Function<String, String> describe) {
        this.describe = Objects.requireNonNull(describe);
    }

    private void hover(String iso) {
        if (Objects.equals(iso, hovered)) {
            return;
        }
        hovered = iso;
        String text = iso == null ? null : describe.apply(iso);
        if (text == null) {
            Tooltip.uninstall(this, tooltip);
        } else {
            tooltip.setText(text);
            Tooltip.install(this, tooltip);
        }
    }

    /** The tooltip's text now (for tests): the hovered province's, or null. */
    public String tooltipText() {
        return hovered == null ? null : tooltip.getText();
    }

    // ---- the view: zoom and centre ----

    private double spanX() {
        return (maxLon - minLon) * MID_LAT_COS;
    }

    private double spanY() {
        return maxLat - minLat;
    }

    /** Pixels per projected degree when the whole country fits. */
    private double baseScale() {
        double w = getWidth() - 2 * MARGIN;
        double h = getHeight() - 2 * MARGIN;
        return w <= 0 || h <= 0 ? 0 : Math.min(w / spanX(), h / spanY());
    }

    private double scale() {
        return baseScale() * zoom;
    }

    /** The zoom factor: 1 when the whole country fits. */
    public double zoom() {
        return zoom;
    }

    /** Shows the whole country (key {@code 0}). */
    public void showAll() {
        pendingFit = null;
        zoom = 1;
        centreX = spanX() / 2;
        centreY = spanY() / 2;
        redraw();
    }

    public void zoomIn() {
        zoomAt(ZOOM_STEP, getWidth() / 2, getHeight() / 2);
    }

    public void zoomOut() {
        zoomAt(1 / ZOOM_STEP, getWidth() / 2, getHeight() / 2);
    }

    /** Zooms by {@code factor} keeping the place under the canvas point (x, y) where it is. */
    public void zoomAt(double factor, double x, double y) {
        double scale = scale();
        if (scale <= 0) {
            return;
        }
        double px = centreX + (x - getWidth() / 2) / scale;
        double py = centreY + (y - getHeight() / 2) / scale;
        zoom = clamp(zoom * factor, 1, MAX_ZOOM);
        double now = scale();
        centreX = px - (x - getWidth() / 2) / now;
        centreY = py - (y - getHeight() / 2) / now;
        keepCentreOnTheMap();
        redraw();
    }

    /** Moves the map by (dx, dy) pixels, as a drag does. */
    public void panBy(double dx, double dy) {
        double scale = scale();
        if (scale <= 0) {
            return;
        }
        centreX -= dx / scale;
        centreY -= dy / scale;
        keepCentreOnTheMap();
        redraw();
    }

    /** Fits {@code box} (with a margin); asked for before the first layout, it is fitted once the canvas has a size. */
    public void fit(GeoBox box) {
        if (box == null) {
            return;
        }
        double base = baseScale();
        if (base <= 0) {
            pendingFit = box;
            return;
        }
        pendingFit = null;
        double bx = Math.max((box.maxLon() - box.minLon()) * MID_LAT_COS, 0.05);
        double by = Math.max(box.maxLat() - box.minLat(), 0.05);
        double fitScale = Math.min((getWidth() - 2 * MARGIN) / bx, (getHeight() - 2 * MARGIN) / by);
        zoom = clamp(fitScale / base, 1, MAX_ZOOM);
        centreX = ((box.minLon() + box.maxLon()) / 2 - minLon) * MID_LAT_COS;
        centreY = maxLat - (box.minLat() + box.maxLat()) / 2;
        keepCentreOnTheMap();
        redraw();
    }

    private void keepCentreOnTheMap() {
        centreX = clamp(centreX, 0, spanX());
        centreY = clamp(centreY, 0, spanY());
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(max, v));
    }

    /** The province under a point of the canvas, if any. */
    public Optional<String> provinceAt(double x, double y) {
        double scale = scale();
        if (scale <= 0) {
            return Optional.empty();
        }
        double lon = minLon + (centreX + (x - getWidth() / 2) / scale) / MID_LAT_COS;
        double lat = maxLat - (centreY + (y - getHeight() / 2) / scale);
        return provinces.stream().filter(s -> s.contains(lon, lat)).map(MapShape::isoCode).findFirst();
    }

    /** Canvas coordinates of a longitude/latitude (for tests). */
    public double[] toCanvas(double lon, double lat) {
        return new double[] {x(lon), y(lat)};
    }

    private double x(double lon) {
        return getWidth() / 2 + ((lon - minLon) * MID_LAT_COS - centreX) * scale();
    }

    private double y(double lat) {
        return getHeight() / 2 + (maxLat - lat - centreY) * scale();
    }

    /** What the map shows now, as a picture of the canvas's size (for an export). */
    public javafx.scene.image.WritableImage picture() {
        return canvas.snapshot(null, null);
    }

    /** The radius of an ESSP point: from the whole-country scale, so that zooming does not change it. */
    public double pointRadius() {
        return Math.max(1.5, Math.min(3.5, baseScale() / 60));
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            if (pendingFit != null && baseScale() > 0) {
                fit(pendingFit);
            } else {
                redraw();
            }
        }
    }

    private void redraw() {
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(Color.web("#f4f8fb"));
        g.fillRect(0, 0, w, h);
        if (w <= 2 * MARGIN || h <= 2 * MARGIN || Double.isNaN(centreX)) {
            return;
        }
        g.setFillRule(FillRule.EVEN_ODD);
        for (MapShape p : provinces) {
            if (!visible(p)) {
                continue;
            }
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
            if (visible(r)) {
                path(g, r);
                g.stroke();
            }
        }
        if (selected != null) {
            provinces.stream().filter(p -> p.isoCode().equals(selected)).findFirst().ifPresent(p -> {
                g.setStroke(Color.web("#0b5394"));
                g.setLineWidth(3);
                path(g, p);
                g.stroke();
            });
        }
        double radius = pointRadius();
        for (int i = 0; i + 1 < points.length; i += 2) {
            double x = x(points[i]);
            double y = y(points[i + 1]);
            if (x < -radius || y < -radius || x > w + radius || y > h + radius) {
                continue;
            }
            g.setFill(pointColours.length > i / 2 ? pointColours[i / 2] : Color.BLACK);
            g.fillOval(x - radius, y - radius, 2 * radius, 2 * radius);
        }
    }

    /** Whether any of the shape's bounding box is on the canvas (the others need no drawing). */
    private boolean visible(MapShape s) {
        return x(s.maxLon()) >= 0 && x(s.minLon()) <= canvas.getWidth() && y(s.minLat()) >= 0 && y(s.maxLat()) <= canvas.getHeight();
    }

    private void path(GraphicsContext g, MapShape shape) {
        g.beginPath();
        for (double[] ring : shape.rings()) {
            for (int i = 0; i < ring.length; i += 2) {
                double x = x(ring[i]);
                double y = y(ring[i + 1]);
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
