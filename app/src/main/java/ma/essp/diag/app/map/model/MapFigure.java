package ma.essp.diag.app.map.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import ma.essp.diag.database.repository.EsspMapRepository.MapData;
import ma.essp.diag.database.repository.EsspMapRepository.ProvinceUnit;
import org.jooq.DSLContext;

/**
 * A figure the map can colour provinces by. {@link #compute} runs off the FX thread and may query the mission,
 * so later features add their own (the readiness index of the PMS issue) by adding an implementation to the list
 * given to {@link MapViewModel}. Units without a value stay uncoloured ("no data").
 */
public interface MapFigure {

    String id();

    /** Bundle key of the figure's name. */
    String labelKey();

    /** Value per province ISO code. */
    Map<String, Double> compute(DSLContext dsl, MapData data);

    /**
     * What stands behind a value that is a mean over assessed ESSPs: the number of ESSPs in the mean and the
     * completeness of their answers (answered ÷ applicable items, in [0, 1]; null when nothing was applicable).
     */
    record Basis(int n, Double completeness) {
    }

    /**
     * The values with, for a figure that is a mean over ESSPs, the basis of each province and of the whole country
     * ({@code overall}, null when the figure has none). Figures that count the registry need not override this.
     */
    record Evaluation(Map<String, Double> values, Map<String, Basis> bases, Basis overall) {
        public Evaluation {
            values = Map.copyOf(values);
            bases = Map.copyOf(bases);
        }
    }

    /** The values and their bases; runs off the FX thread. By default {@link #compute} without bases. */
    default Evaluation evaluate(DSLContext dsl, MapData data) {
        return new Evaluation(compute(dsl, data), Map.of(), null);
    }

    /** Whether a high value is good news (the colour ramp runs the other way when it is not). */
    boolean higherIsBetter();

    /** How a value is written when a province is clicked or hovered ({@code 0.57}, {@code 12.3 %}). */
    String format(double value);

    /**
     * The decimals of the legend's class bounds: 0 for indices 0–100, percentages and counts, 1 for rates. A
     * province's class is decided on its value rounded so.
     */
    int legendDecimals();

    /**
     * Fixed class bounds for a figure whose scale has an absolute meaning; {@code null} (the default): classes are
     * quantiles of the provinces' own values ({@code ColourScale.of}).
     */
    default FixedClasses fixedClasses() {
        return null;
    }

    /** The lowest value, the cuts where a class starts, and the highest value of a figure's fixed classes. */
    record FixedClasses(java.math.BigDecimal lowest, List<java.math.BigDecimal> cuts, java.math.BigDecimal highest) {
        public FixedClasses {
            cuts = List.copyOf(cuts);
        }
    }

    /** What follows a number in the legend ({@code " %"}), empty for none. */
    default String unit() {
        return "";
    }

    /** ESSPs per 10,000 inhabitants (2024 census population of the province). */
    MapFigure ESSPS_PER_10K = new MapFigure() {
        @Override
        public String id() {
            return "essps_per_10k";
        }

        @Override
        public String labelKey() {
            return "map.figure.esspsPer10k";
        }

        @Override
        public Map<String, Double> compute(DSLContext dsl, MapData data) {
            Map<String, Double> values = new HashMap<>();
            for (ProvinceUnit u : data.provinces()) {
                if (u.population() > 0 && u.essps() > 0) {
                    values.put(u.isoCode(), u.essps() * 10_000.0 / u.population());
                }
            }
            return values;
        }

        @Override
        public boolean higherIsBetter() {
            return true;
        }

        @Override
        public String format(double value) {
            return String.format(java.util.Locale.ROOT, "%.2f", value);
        }

        @Override
        public int legendDecimals() {
            return 1;
        }
    };

    /** Share of the province's ESSPs that are not functioning, in percent. */
    MapFigure SHARE_NOT_FUNCTIONING = new MapFigure() {
        @Override
        public String id() {
            return "share_not_functioning";
        }

        @Override
        public String labelKey() {
            return "map.figure.shareNotFunctioning";
        }

        @Override
        public Map<String, Double> compute(DSLContext dsl, MapData data) {
            Map<String, Double> values = new HashMap<>();
            for (ProvinceUnit u : data.provinces()) {
                if (u.essps() > 0) {
                    values.put(u.isoCode(), 100.0 * u.notFunctioning() / u.essps());
                }
            }
            return values;
        }

        @Override
        public boolean higherIsBetter() {
            return false;
        }

        @Override
        public String format(double value) {
            return String.format(java.util.Locale.ROOT, "%.1f %%", value);
        }

        @Override
        public int legendDecimals() {
            return 0;
        }

        @Override
        public String unit() {
            return " %";
        }
    };

    /** The figures built so far. */
    static List<MapFigure> builtIn() {
        return List.of(ESSPS_PER_10K, SHARE_NOT_FUNCTIONING, GeneralReadinessFigure.INSTANCE, ComplaintMaturityFigure.INSTANCE);
    }
}
