package ma.essp.diag.app.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.ui.map.ColourScale;
import ma.essp.diag.app.ui.map.Rgb;
import ma.essp.diag.database.geo.MapOutlines;
import ma.essp.diag.database.geo.MapShape;
import ma.essp.diag.reporting.training.TrainingNeeds;
import ma.essp.diag.reporting.training.TrainingNeeds.Gap;
import ma.essp.diag.reporting.training.TrainingNeeds.LevelRow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The needs map without a window, English. Four outlines, coloured by the share of needed functions not held, in fixed
 * classes (0–25, 25–50, 50–75, 75–100 %, at one decimal: 0.0–24.9 …; green, light green, orange, red):
 * <ul>
 * <li>Alpha (province 1): 20 functions recorded, planning not held in 3 circonscriptions and supervision partly held
 * in 2 → 5 ÷ 20 = 25 % → 25–50 % (a class holds its lower bound).</li>
 * <li>Beta (préfectures 2 and 3 drawn as one outline): 5 recorded, 5 lacking, and 5 recorded, 4 lacking → 9 ÷ 10 =
 * 90 % → 75–100 %, the darkest.</li>
 * <li>Delta (province 6): 20 recorded, 2 lacking → 10 % → 0–25 %, the lightest.</li>
 * <li>Gamma (province 4): nothing recorded → no data. Province 5 has no outline: left out.</li>
 * </ul>
 */
class TrainingNeedsMapViewModelTest {

    /** {@link ColourScale}'s ramp, a high share of functions lacking being bad. */
    private static final Rgb GREEN = Rgb.web("#1a9641");
    private static final Rgb LIGHT_GREEN = Rgb.web("#a6d96a");
    private static final Rgb ORANGE = Rgb.web("#fdae61");
    private static final Rgb RED = Rgb.web("#d7191c");

    private TrainingNeedsMapViewModel vm;
    private MapOutlines outlines;

    private static MapShape shape(String iso, String name) {
        return new MapShape(iso, name, List.of(new double[] {-8, 30, -7, 30, -7, 31, -8, 30}), -8, 30, -7, 31);
    }

    /** A province with {@code notHeld} planning and {@code partial} supervision gaps over {@code judged} functions. */
    private static LevelRow row(int id, int assessed, int lacking, int proposed, int judged, int notHeld, int partial) {
        return new LevelRow(id, "P" + id, assessed, lacking, List.of(new Gap("planning", notHeld, 0),
                new Gap("supervision", 0, partial)), proposed, 0, 0, Map.of(), judged);
    }

    @BeforeEach
    void setUp() {
        vm = new TrainingNeedsMapViewModel(new I18n(I18n.ENGLISH));
        outlines = new MapOutlines(List.of(), List.of(shape("MA-A", "Alpha"), shape("MA-B", "Beta"), shape("MA-C", "Gamma"),
                shape("MA-D", "Delta")));
        vm.show(outlines, List.of(row(1, 4, 3, 2, 20, 3, 2), row(2, 1, 1, 1, 5, 5, 0), row(3, 1, 1, 0, 5, 2, 2),
                        row(4, 0, 0, 0, 0, 0, 0), row(5, 3, 3, 3, 15, 15, 0), row(6, 4, 1, 1, 20, 2, 0)),
                Map.of(1, "MA-A", 2, "MA-B", 3, "MA-B", 4, "MA-C", 6, "MA-D"));
    }

    @Test
    void provincesAreColouredByFixedClassesOfTheShareOfFunctionsLacking() {
        Map<String, Rgb> fills = vm.fillsProperty().get();
        assertThat(fills.get("MA-A")).isEqualTo(LIGHT_GREEN);
        assertThat(fills.get("MA-B")).isEqualTo(RED);
        assertThat(fills.get("MA-D")).isEqualTo(GREEN);
        assertThat(fills.get("MA-C")).isEqualTo(ColourScale.NO_DATA);
        assertThat(vm.legend()).extracting(TrainingNeedsMapViewModel.LegendEntry::text)
                .containsExactly("0.0 – 24.9 % (1)", "25.0 – 49.9 % (1)", "50.0 – 74.9 % (0)", "75.0 – 100.0 % (1)",
                        "no function recorded (1)");
        assertThat(vm.describe("MA-B")).isEqualTo("Beta: 9 of 10 recorded function(s) not or partly held (90 %); "
                + "2 of 2 circonscription(s) lacking a function; 1 people proposed");
        assertThat(vm.describe("MA-C")).isEqualTo("Gamma: no function recorded");
    }

    @Test
    void aProvinceWhereMostFunctionsLackStaysDarkWhenEveryProvinceIsAsBad() {
        vm.show(outlines, List.of(row(2, 1, 1, 1, 5, 5, 0), row(3, 1, 1, 0, 5, 2, 2)), Map.of(2, "MA-B", 3, "MA-B"));
        assertThat(vm.fillsProperty().get().get("MA-B")).isEqualTo(RED);
        assertThat(vm.legend().get(3).text()).isEqualTo("75.0 – 100.0 % (1)");
    }

    /**
     * One class definition: the map's class of a share is {@link TrainingNeeds#needClass}, the CLI's, also at the
     * edges (24.94 is 24.9, below 25; 24.95 is 25.0, in 25–50; 74.9 below 75; 100 in the last).
     */
    @Test
    void theMapClassesEveryShareAsTheCommandLineDoes() {
        List<Double> shares = List.of(0.0, 10.0, 24.9, 24.94, 24.95, 25.0, 49.9, 49.96, 50.0, 74.9, 75.0, 90.0, 100.0);
        List<Integer> byHand = List.of(0, 0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3);
        assertThat(shares).extracting(TrainingNeeds::needClass).containsExactlyElementsOf(byHand);
        List<Rgb> ramp = List.of(GREEN, LIGHT_GREEN, ORANGE, RED);
        for (int i = 0; i < shares.size(); i++) {
            // one province with this share (hundredths of 10,000 functions): its fill is the colour of the CLI's class
            vm.show(outlines, List.of(row(1, 1, 1, 0, 10_000, (int) Math.round(shares.get(i) * 100), 0)), Map.of(1, "MA-A"));
            assertThat(vm.fillsProperty().get().get("MA-A")).as("share " + shares.get(i)).isEqualTo(ramp.get(byHand.get(i)));
        }
    }

    @Test
    void aClickKeepsTheListToTheProvinceAndAgainShowsThemAll() {
        assertThat(vm.selectedProvincesProperty().get()).isNull();
        assertThat(vm.selectionProperty().get()).startsWith("All provinces");
        vm.select("MA-B");
        assertThat(vm.selectedIsoProperty().get()).isEqualTo("MA-B");
        assertThat(vm.selectedProvincesProperty().get()).containsExactlyInAnyOrder(2, 3);
        assertThat(vm.selectionProperty().get()).startsWith("Beta: 9 of 10");
        vm.select("MA-B");
        assertThat(vm.selectedProvincesProperty().get()).isNull();
        assertThat(vm.selectedIsoProperty().get()).isNull();
        vm.select("MA-Z"); // an outline without needs rows
        assertThat(vm.selectedProvincesProperty().get()).isNull();
    }
}
