package ma.essp.diag.app.ui.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import ma.essp.diag.app.ui.map.ColourScale.ColourClass;
import org.junit.jupiter.api.Test;

/** The legend's classes, checked against breaks worked out by hand in each test. */
class ColourScaleTest {

    private static final Rgb RED = Rgb.web("#d7191c");
    private static final Rgb ORANGE = Rgb.web("#fdae61");
    private static final Rgb YELLOW = Rgb.web("#ffffbf");
    private static final Rgb LIGHT_GREEN = Rgb.web("#a6d96a");
    private static final Rgb GREEN = Rgb.web("#1a9641");

    private static List<Double> values(Double... v) {
        return new ArrayList<>(Arrays.asList(v)); // keeps the nulls
    }

    private static ColourClass cls(String from, String to, Rgb colour, int count) {
        return new ColourClass(new BigDecimal(from), new BigDecimal(to), colour, count);
    }

    /**
     * Rounded to whole numbers (half up): 12 20 20 20 36 41 59 60 77 80, two without a value. Ten values, eight
     * distinct, so five classes; upper bounds at the positions round(i × 9 / 5) = 2, 4, 5, 7, 9 of the sorted
     * values: 20, 36, 41, 60, 80. Each class reads as the range of the rounded values it holds (a single value alone),
     * and the three tied 20s all sit in the first class.
     */
    @Test
    void fiveQuantileClassesOfRoundedValuesWithTiesAndNoData() {
        ColourScale scale = ColourScale.of(values(12.4, 20.0, 20.0, 20.0, 35.6, 41.0, 58.5, 60.0, 77.0, 80.0, null, null), 0, true);
        assertThat(scale.classes()).containsExactly(
                cls("12", "20", RED, 4),
                cls("36", "36", ORANGE, 1),
                cls("41", "41", YELLOW, 1),
                cls("59", "60", LIGHT_GREEN, 2),
                cls("77", "80", GREEN, 2));
        assertThat(scale.noData()).isEqualTo(2);
        // a value is classed by its rounded value: 20.4 → 20 (first class), 20.5 → 21 (above 20: second)
        assertThat(scale.colourOf(20.4)).isEqualTo(RED);
        assertThat(scale.colourOf(20.5)).isEqualTo(ORANGE);
        assertThat(scale.colourOf(58.5)).isEqualTo(LIGHT_GREEN);
        assertThat(scale.colourOf(null)).isEqualTo(ColourScale.NO_DATA);
    }

    /**
     * Fixed quarters of a 0–100 score: 42, 47, 52, 57 and 80 (one without a value) give 0–24 (none), 25–49 (42, 47),
     * 50–74 (52, 57), 75–100 (80); four classes on the ramp's positions round(i × 4 / 3) = 0, 1, 3, 4. Every class is
     * listed even when empty, and 49.5 rounds to 50 (third class), 24.4 to 24 (first).
     */
    @Test
    void fixedClassesKeepTheirBoundsWhateverTheValues() {
        ColourScale scale = ColourScale.fixed(values(42.0, 47.0, 52.0, 57.0, 80.0, null), 0, true, BigDecimal.ZERO,
                List.of(BigDecimal.valueOf(25), BigDecimal.valueOf(50), BigDecimal.valueOf(75)), BigDecimal.valueOf(100));
        assertThat(scale.classes()).containsExactly(
                cls("0", "24", RED, 0),
                cls("25", "49", ORANGE, 2),
                cls("50", "74", LIGHT_GREEN, 2),
                cls("75", "100", GREEN, 1));
        assertThat(scale.noData()).isEqualTo(1);
        assertThat(scale.colourOf(24.4)).isEqualTo(RED);
        assertThat(scale.colourOf(49.5)).isEqualTo(LIGHT_GREEN);
        assertThat(scale.colourOf(47.0)).isEqualTo(ORANGE);
        assertThat(scale.colourOf(100.0)).isEqualTo(GREEN);
    }

    /**
     * The legend: 0.951, 0.955, 0.962, 0.968 made "0,95 – 0,96 / 0,96 – 0,97" classes. At one decimal
     * they are all 1.0, and 0.56 and 0.564 are 0.6: two distinct values, so two classes of one value each (never
     * "0,56 – 0,56"), spread to both ends of the ramp.
     */
    @Test
    void valuesThatRoundAlikeMakeOneClassAndFewerDistinctValuesThanClassesGiveOneClassEach() {
        ColourScale scale = ColourScale.of(values(0.951, 0.955, 0.962, 0.968, 0.56, 0.564), 1, true);
        assertThat(scale.classes()).containsExactly(cls("0.6", "0.6", RED, 2), cls("1.0", "1.0", GREEN, 4));
        assertThat(scale.classes()).allMatch(ColourClass::single);
        assertThat(scale.noData()).isZero();
        // three distinct values: 10, 20 and 30; red, yellow, green
        ColourScale three = ColourScale.of(values(10.0, 10.0, 20.0, 30.0, 30.0), 0, true);
        assertThat(three.classes()).containsExactly(cls("10", "10", RED, 2), cls("20", "20", YELLOW, 1), cls("30", "30", GREEN, 2));
    }

    /** Half up, not half even: 0.25 → 0.3 and 0.35 → 0.4 at one decimal. */
    @Test
    void roundsHalfUp() {
        ColourScale scale = ColourScale.of(values(0.25, 0.35), 1, true);
        assertThat(scale.classes()).containsExactly(cls("0.3", "0.3", RED, 1), cls("0.4", "0.4", GREEN, 1));
    }

    /** All equal: one class of that value, in the middle of the ramp; a lower-is-better figure too. */
    @Test
    void allEqualValuesMakeOneClass() {
        ColourScale scale = ColourScale.of(values(25.0, 25.0, 25.0, null), 0, false);
        assertThat(scale.classes()).containsExactly(cls("25", "25", YELLOW, 3));
        assertThat(scale.noData()).isEqualTo(1);
        assertThat(scale.colourOf(24.6)).isEqualTo(YELLOW);
    }

    /** Lower is better (share not functioning): 0 is green, the ramp runs the other way. */
    @Test
    void lowerIsBetterReversesTheRamp() {
        ColourScale scale = ColourScale.of(values(0.0, 25.0, 50.0), 0, false);
        assertThat(scale.classes()).containsExactly(cls("0", "0", GREEN, 1), cls("25", "25", YELLOW, 1), cls("50", "50", RED, 1));
    }

    /**
     * More than five distinct values with a heavy tie: 1 ×8, then 2 3 4 5 6. Thirteen values, upper bounds at
     * round(i × 12 / 5) = 2, 5, 7, 10, 12: 1, 1, 1, 4, 6, the equal ones make one class, so three classes:
     * 1 (8), 2 – 4 (3), 5 – 6 (2), coloured red, yellow, green.
     */
    @Test
    void equalQuantileBoundsMergeSoNoClassIsEmpty() {
        ColourScale scale = ColourScale.of(values(1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0), 0, true);
        assertThat(scale.classes()).containsExactly(cls("1", "1", RED, 8), cls("2", "4", YELLOW, 3), cls("5", "6", GREEN, 2));
    }

    @Test
    void noValueAtAllMeansNoClassOnlyNoData() {
        ColourScale scale = ColourScale.of(values(null, null), 1, true);
        assertThat(scale.classes()).isEmpty();
        assertThat(scale.noData()).isEqualTo(2);
        assertThat(scale.colourOf(3.0)).isEqualTo(ColourScale.NO_DATA);
        assertThat(ColourScale.of(List.of(), 0, true).classes()).isEmpty();
    }
}
