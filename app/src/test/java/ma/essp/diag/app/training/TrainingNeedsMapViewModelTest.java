package ma.essp.diag.app.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.ui.map.ColourScale;
import ma.essp.diag.app.ui.map.Rgb;
import ma.essp.diag.database.geo.MapOutlines;
import ma.essp.diag.database.geo.MapShape;
import ma.essp.diag.reporting.training.TrainingNeeds.LevelRow;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The needs map without a window, English. Three outlines: Alpha (province 1: 1 of 4 assessed circonscriptions
 * lacking a function, 2 people proposed: 25 %), Beta (préfectures 2 and 3 drawn as one outline: 2 of 2 and 0 of 2, so
 * 2 of 4 and 1 person: 50 %), Gamma (province 4, nothing assessed: no data). Province 5 has no outline: left out. Lower
 * is better: Alpha green, Beta red.
 */
class TrainingNeedsMapViewModelTest {

    private TrainingNeedsMapViewModel vm;

    private static MapShape shape(String iso, String name) {
        return new MapShape(iso, name, List.of(new double[] {-8, 30, -7, 30, -7, 31, -8, 30}), -8, 30, -7, 31);
    }

    private static LevelRow row(int id, int assessed, int lacking, int proposed) {
        return new LevelRow(id, "P" + id, assessed, lacking, List.of(), proposed, 0, 0, Map.of());
    }

    @BeforeEach
    void setUp() {
        vm = new TrainingNeedsMapViewModel(new I18n(I18n.ENGLISH));
        MapOutlines outlines = new MapOutlines(List.of(), List.of(shape("MA-A", "Alpha"), shape("MA-B", "Beta"), shape("MA-C", "Gamma")));
        vm.show(outlines, List.of(row(1, 4, 1, 2), row(2, 2, 2, 1), row(3, 2, 0, 0), row(4, 0, 0, 0), row(5, 3, 3, 3)),
                Map.of(1, "MA-A", 2, "MA-B", 3, "MA-B", 4, "MA-C"));
    }

    @Test
    void provincesAreColouredByTheShareOfAssessedCirconscriptionsLackingAFunction() {
        Map<String, Rgb> fills = vm.fillsProperty().get();
        assertThat(fills.get("MA-A")).isEqualTo(Rgb.web("#1a9641"));
        assertThat(fills.get("MA-B")).isEqualTo(Rgb.web("#d7191c"));
        assertThat(fills.get("MA-C")).isEqualTo(ColourScale.NO_DATA);
        assertThat(vm.legend()).extracting(TrainingNeedsMapViewModel.LegendEntry::text)
                .containsExactly("25 % (1)", "50 % (1)", "no circonscription assessed (1)");
        assertThat(vm.describe("MA-B")).isEqualTo("Beta: 2 of 4 assessed circonscription(s) lacking a function; 1 people proposed");
        assertThat(vm.describe("MA-C")).isEqualTo("Gamma: no circonscription assessed");
    }

    @Test
    void aClickKeepsTheListToTheProvinceAndAgainShowsThemAll() {
        assertThat(vm.selectedProvincesProperty().get()).isNull();
        assertThat(vm.selectionProperty().get()).startsWith("All provinces");
        vm.select("MA-B");
        assertThat(vm.selectedIsoProperty().get()).isEqualTo("MA-B");
        assertThat(vm.selectedProvincesProperty().get()).containsExactlyInAnyOrder(2, 3);
        assertThat(vm.selectionProperty().get()).startsWith("Beta: 2 of 4");
        vm.select("MA-B");
        assertThat(vm.selectedProvincesProperty().get()).isNull();
        assertThat(vm.selectedIsoProperty().get()).isNull();
        vm.select("MA-Z"); // an outline without needs rows
        assertThat(vm.selectedProvincesProperty().get()).isNull();
    }
}
