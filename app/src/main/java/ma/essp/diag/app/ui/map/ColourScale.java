package ma.essp.diag.app.ui.map;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A choropleth scale of at most five classes that a person can read. Values are first rounded to the figure's
 * precision ({@code decimals}: 0 for indices 0–100 and percentages, 1 for rates) and a unit is classed by its
 * rounded value. With at most five distinct rounded values each is a class; otherwise the classes are quantiles of
 * the rounded values (each holds about as many units, so a few outliers do not flatten the map), a class's upper
 * bound being one of the values, and bounds that coincide after rounding make one class. A class reads as the range
 * of the rounded values it holds ({@code 12 – 20}, {@code 0,6 – 0,9}), so classes never overlap nor are empty, and
 * a class of one value reads as that value ({@code 25}), never {@code 0,56 – 0,56}. Units without a value
 * ({@code null}) are counted apart ("no data"). Colours run from red (bad) to green (good) through yellow; the
 * direction follows whether a high value is good.
 *
 * @param classes  the classes, lowest values first
 * @param noData   the number of units without a value
 * @param decimals the precision of the bounds and of the rounding that decides a value's class
 */
public record ColourScale(List<ColourClass> classes, int noData, int decimals) {

    /**
     * One class: the smallest and largest rounded values it holds (equal for a single value), its colour and its
     * number of units.
     */
    public record ColourClass(BigDecimal from, BigDecimal to, Rgb colour, int count) {

        public ColourClass {
            Objects.requireNonNull(from);
            Objects.requireNonNull(to);
            Objects.requireNonNull(colour);
        }

        /** Whether the class stands for one rounded value only. */
        public boolean single() {
            return from.compareTo(to) == 0;
        }
    }

    public static final Rgb NO_DATA = Rgb.web("#e6e6e6");
    public static final int MAX_CLASSES = 5;
    private static final List<Rgb> BAD_TO_GOOD = List.of(Rgb.web("#d7191c"), Rgb.web("#fdae61"), Rgb.web("#ffffbf"),
            Rgb.web("#a6d96a"), Rgb.web("#1a9641"));

    public ColourScale {
        classes = List.copyOf(classes);
    }

    /**
     * The classes of {@code values} (one per unit; {@code null} for a unit without a value) at {@code decimals}
     * decimals.
     */
    public static ColourScale of(Collection<Double> values, int decimals, boolean higherIsBetter) {
        List<Long> rounded = new ArrayList<>();
        int noData = 0;
        for (Double v : values) {
            if (v == null || v.isNaN()) {
                noData++;
            } else {
                rounded.add(steps(v, decimals));
            }
        }
        if (rounded.isEmpty()) {
            return new ColourScale(List.of(), noData, decimals);
        }
        long[] sorted = rounded.stream().mapToLong(Long::longValue).sorted().toArray();
        int n = sorted.length;
        long[] distinct = java.util.Arrays.stream(sorted).distinct().toArray();
        List<Long> uppers = new ArrayList<>();
        if (distinct.length <= MAX_CLASSES) {
            // as many classes as rounded values: one class each
            java.util.Arrays.stream(distinct).forEach(uppers::add);
        } else {
            // upper bounds at the quantile positions, each an actual rounded value; equal ones make one class
            for (int i = 1; i <= MAX_CLASSES; i++) {
                long upper = sorted[(int) Math.round((double) i * (n - 1) / MAX_CLASSES)];
                if (uppers.isEmpty() || upper > uppers.getLast()) {
                    uppers.add(upper);
                }
            }
        }
        List<Rgb> ramp = new ArrayList<>(BAD_TO_GOOD);
        if (!higherIsBetter) {
            java.util.Collections.reverse(ramp);
        }
        int k = uppers.size();
        List<ColourClass> classes = new ArrayList<>();
        int next = 0;
        for (int i = 0; i < k; i++) {
            long from = sorted[next]; // the class's smallest value
            long to = uppers.get(i);
            int count = 0;
            while (next < n && sorted[next] <= to) {
                count++;
                next++;
            }
            // fewer classes are spread over the whole ramp
            Rgb colour = ramp.get(k == 1 ? ramp.size() / 2 : (int) Math.round(i * (ramp.size() - 1.0) / (k - 1)));
            classes.add(new ColourClass(value(from, decimals), value(to, decimals), colour, count));
        }
        return new ColourScale(classes, noData, decimals);
    }

    /**
     * Fixed classes, for a figure whose scale means the same whatever the other units score (a 0–100 maturity score):
     * {@code lowest} to just below the first cut, each cut to just below the next, the last cut to {@code highest}
     * ({@code 0 – 24, 25 – 49, 50 – 74, 75 – 100} at whole numbers), every class listed even when empty, so that a
     * map where every unit is weak stays on the weak colours. A value is classed by its rounded value, as in
     * {@link #of}; a value outside the range counts in the nearest end class.
     */
    public static ColourScale fixed(Collection<Double> values, int decimals, boolean higherIsBetter, BigDecimal lowest,
                                    List<BigDecimal> cuts, BigDecimal highest) {
        List<Long> lowers = new ArrayList<>();
        lowers.add(steps(lowest.doubleValue(), decimals));
        cuts.forEach(c -> lowers.add(steps(c.doubleValue(), decimals)));
        long top = steps(highest.doubleValue(), decimals);
        int k = lowers.size();
        int[] counts = new int[k];
        int noData = 0;
        for (Double v : values) {
            if (v == null || v.isNaN()) {
                noData++;
                continue;
            }
            long r = steps(v, decimals);
            int i = k - 1;
            while (i > 0 && r < lowers.get(i)) {
                i--;
            }
            counts[i]++;
        }
        List<Rgb> ramp = new ArrayList<>(BAD_TO_GOOD);
        if (!higherIsBetter) {
            java.util.Collections.reverse(ramp);
        }
        List<ColourClass> classes = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            // a class ends one step of the precision below the next cut (24 before 25 at whole numbers)
            long to = i + 1 < k ? lowers.get(i + 1) - 1 : top;
            Rgb colour = ramp.get(k == 1 ? ramp.size() / 2 : (int) Math.round(i * (ramp.size() - 1.0) / (k - 1)));
            classes.add(new ColourClass(value(lowers.get(i), decimals), value(to, decimals), colour, counts[i]));
        }
        return new ColourScale(classes, noData, decimals);
    }

    /** The value in steps of the precision, rounded half up ({@code 0.56} at one decimal → 6). */
    private static long steps(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).unscaledValue().longValueExact();
    }

    private static BigDecimal value(long steps, int decimals) {
        return BigDecimal.valueOf(steps, decimals);
    }

    /** The colour of a unit: the class of its rounded value, or {@link #NO_DATA}. */
    public Rgb colourOf(Double value) {
        if (value == null || value.isNaN() || classes.isEmpty()) {
            return NO_DATA;
        }
        BigDecimal rounded = value(steps(value, decimals), decimals);
        for (ColourClass c : classes) {
            if (rounded.compareTo(c.to()) <= 0) {
                return c.colour();
            }
        }
        return classes.getLast().colour();
    }
}
