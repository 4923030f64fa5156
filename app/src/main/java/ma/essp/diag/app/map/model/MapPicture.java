package ma.essp.diag.app.map.model;

import ma.essp.diag.app.ui.map.ColourScale;
import ma.essp.diag.app.ui.map.GeoBox;
import ma.essp.diag.app.ui.map.Rgb;
import ma.essp.diag.database.geo.MapOutlines;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ma.essp.diag.database.repository.EsspMapRepository.EsspPoint;
import ma.essp.diag.database.repository.EsspMapRepository.MapData;
import org.jooq.DSLContext;

/**
 * Everything the canvas draws for one figure, prepared off the FX thread: the outlines, the fill of each province,
 * the scale for the legend and the ESSP points with their colours (by functionality).
 */
public record MapPicture(MapOutlines outlines, MapData data, MapFigure figure, Map<String, Double> values, ColourScale scale,
                         Map<String, Rgb> fills, double[] points, Rgb[] pointColours, MapFigure.Evaluation evaluation) {

    public static final Rgb FULLY = Rgb.web("#1f4e79");
    public static final Rgb PARTIALLY = Rgb.web("#e69f00");
    public static final Rgb NOT_FUNCTIONING = Rgb.web("#b00020");

    public static MapPicture prepare(MapOutlines outlines, DSLContext dsl, MapData data, MapFigure figure) {
        MapFigure.Evaluation evaluation = figure.evaluate(dsl, data);
        Map<String, Double> values = evaluation.values();
        // one value per province drawn, null for "no data", so that the legend counts every unit
        List<Double> perUnit = new java.util.ArrayList<>();
        outlines.provinces().forEach(shape -> perUnit.add(values.get(shape.isoCode())));
        MapFigure.FixedClasses fixed = figure.fixedClasses();
        ColourScale scale = fixed == null ? ColourScale.of(perUnit, figure.legendDecimals(), figure.higherIsBetter())
                : ColourScale.fixed(perUnit, figure.legendDecimals(), figure.higherIsBetter(), fixed.lowest(), fixed.cuts(), fixed.highest());
        Map<String, Rgb> fills = new HashMap<>();
        values.forEach((iso, v) -> fills.put(iso, scale.colourOf(v)));
        List<EsspPoint> essps = data.essps();
        double[] points = new double[essps.size() * 2];
        Rgb[] colours = new Rgb[essps.size()];
        for (int i = 0; i < essps.size(); i++) {
            EsspPoint p = essps.get(i);
            points[2 * i] = p.longitude();
            points[2 * i + 1] = p.latitude();
            colours[i] = switch (p.functionality()) {
                case "not_functioning" -> NOT_FUNCTIONING;
                case "partially" -> PARTIALLY;
                default -> FULLY;
            };
        }
        return new MapPicture(outlines, data, figure, Map.copyOf(values), scale, Map.copyOf(fills), points, colours, evaluation);
    }

    /**
     * The part of the country the mission covers: the outlines of the provinces that have ESSPs in the mission and
     * the geolocated ESSPs; null when the mission has none (the whole country is then the only sensible view).
     */
    public GeoBox missionArea() {
        java.util.Set<String> withEssps = new java.util.HashSet<>();
        data.provinces().stream().filter(u -> u.essps() > 0).forEach(u -> withEssps.add(u.isoCode()));
        GeoBox box = null;
        for (var shape : outlines.provinces()) {
            if (withEssps.contains(shape.isoCode())) {
                GeoBox b = new GeoBox(shape.minLon(), shape.minLat(), shape.maxLon(), shape.maxLat());
                box = box == null ? b : box.with(b);
            }
        }
        for (EsspPoint p : data.essps()) {
            box = box == null ? new GeoBox(p.longitude(), p.latitude(), p.longitude(), p.latitude()) : box.with(p.longitude(), p.latitude());
        }
        return box;
    }
}
