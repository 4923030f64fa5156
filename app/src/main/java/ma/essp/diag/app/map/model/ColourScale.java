package ma.essp.diag.app.map.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * A five-class choropleth scale with quantile breaks, so that each class holds about as many provinces (a few
 * outliers do not flatten the map). Colours run from red (bad) to green (good) through yellow, colour-blind
 * friendly enough at five steps; the direction follows whether a high value is good.
 */
public record ColourScale(double[] breaks, List<Rgb> colours) {

    public static final Rgb NO_DATA = Rgb.web("#e6e6e6");
    private static final List<Rgb> BAD_TO_GOOD = List.of(Rgb.web("#d7191c"), Rgb.web("#fdae61"), Rgb.web("#ffffbf"),
            Rgb.web("#a6d96a"), Rgb.web("#1a9641"));

    /** {@code breaks} has one value more than there are classes: min, inner breaks..., max. */
    public ColourScale {
        colours = List.copyOf(colours);
    }

    public static ColourScale quantiles(Collection<Double> values, boolean higherIsBetter) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        List<Rgb> ramp = new ArrayList<>(BAD_TO_GOOD);
        if (!higherIsBetter) {
            java.util.Collections.reverse(ramp);
        }
        if (sorted.length == 0) {
            return new ColourScale(new double[0], List.of());
        }
        int classes = Math.min(ramp.size(), Math.max(1, distinct(sorted)));
        double[] breaks = new double[classes + 1];
        for (int i = 0; i <= classes; i++) {
            breaks[i] = sorted[(int) Math.min(sorted.length - 1, Math.round((double) i * (sorted.length - 1) / classes))];
        }
        List<Rgb> colours = new ArrayList<>();
        for (int i = 0; i < classes; i++) {
            // spread fewer classes over the whole ramp
            colours.add(ramp.get(classes == 1 ? ramp.size() / 2 : (int) Math.round(i * (ramp.size() - 1.0) / (classes - 1))));
        }
        return new ColourScale(breaks, colours);
    }

    public Rgb colourOf(Double value) {
        if (value == null || colours.isEmpty()) {
            return NO_DATA;
        }
        for (int i = 0; i < colours.size(); i++) {
            if (value <= breaks[i + 1]) {
                return colours.get(i);
            }
        }
        return colours.get(colours.size() - 1);
    }

    public int classes() {
        return colours.size();
    }

    private static int distinct(double[] sorted) {
        return (int) Arrays.stream(sorted).distinct().count();
    }
}
