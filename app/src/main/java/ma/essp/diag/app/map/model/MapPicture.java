package ma.essp.diag.app.map.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.paint.Color;
import ma.essp.diag.database.repository.EsspMapRepository.EsspPoint;
import ma.essp.diag.database.repository.EsspMapRepository.MapData;
import org.jooq.DSLContext;

/**
 * Everything the canvas draws for one figure, prepared off the FX thread: the outlines, the fill of each province,
 * the scale for the legend and the ESSP points with their colours (by functionality).
 */
public record MapPicture(MapOutlines outlines, MapData data, MapFigure figure, Map<String, Double> values, ColourScale scale,
                         Map<String, Color> fills, double[] points, Color[] pointColours, MapFigure.Evaluation evaluation) {

    public static final Color FULLY = Color.web("#1f4e79");
    public static final Color PARTIALLY = Color.web("#e69f00");
    public static final Color NOT_FUNCTIONING = Color.web("#b00020");

    public static MapPicture prepare(MapOutlines outlines, DSLContext dsl, MapData data, MapFigure figure) {
        MapFigure.Evaluation evaluation = figure.evaluate(dsl, data);
        Map<String, Double> values = evaluation.values();
        ColourScale scale = ColourScale.quantiles(values.values(), figure.higherIsBetter());
        Map<String, Color> fills = new HashMap<>();
        values.forEach((iso, v) -> fills.put(iso, scale.colourOf(v)));
        List<EsspPoint> essps = data.essps();
        double[] points = new double[essps.size() * 2];
        Color[] colours = new Color[essps.size()];
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
}
