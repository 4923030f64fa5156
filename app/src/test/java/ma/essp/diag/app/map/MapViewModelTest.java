package ma.essp.diag.app.map;

import ma.essp.diag.app.ui.map.ColourScale;
import ma.essp.diag.app.ui.map.Rgb;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.map.model.MapFigure;
import ma.essp.diag.app.task.CurrentThreadTaskExecutor;
import ma.essp.diag.database.testing.FixtureMission;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.repository.EsspMapRepository;
import ma.essp.diag.database.repository.EsspRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MapViewModelTest {

    @TempDir
    Path dir;
    MissionFile mission;
    MapViewModel vm;

    @BeforeEach
    void setUp() throws Exception {
        mission = FixtureMission.create(dir.resolve("m.essp"));
        vm = new MapViewModel(new EsspMapRepository(mission.dsl()), new EsspRepository(mission.dsl()), mission.dsl(),
                new CurrentThreadTaskExecutor(), new I18n(Locale.FRENCH), MapFigure.builtIn(),
                new ma.essp.diag.app.testing.RecordingDialogService(), dir);
        vm.load();
    }

    @AfterEach
    void tearDown() {
        mission.close();
    }

    @Test
    void coloursTheProvincesThatHaveEsspsAndLeavesTheOthersWithoutData() {
        var picture = vm.pictureProperty().get();
        assertThat(picture.outlines().provinces()).hasSize(75);
        // Tanger-Assilah (4 ESSPs) and Casablanca (2, counted from its préfecture d'arrondissements Anfa)
        assertThat(picture.values()).containsOnlyKeys("MA-TNG", "MA-CAS");
        assertThat(picture.values().get("MA-TNG")).isCloseTo(4 * 10_000.0 / 1_494_413, org.assertj.core.api.Assertions.within(1e-9));
        // 75 provinces drawn, two with a value: both round to 0,0 ESSP per 10,000 (4 / 149.4 and 2 / Casablanca's)
        assertThat(vm.legend()).extracting(MapViewModel.LegendEntry::text).containsExactly("0,0 (2)", "pas de données (73)");
    }

    /**
     * Share not functioning, whole percentages, lower is better: Casablanca 0 % (E005, E006 fully functioning) is
     * green, Tanger-Assilah 25 % (E004 of four) red; in Arabic the same classes with its words.
     */
    @Test
    void theLegendShowsRoundedClassesWithTheirCountsInTheWindowsLanguage() throws Exception {
        vm.figureProperty().set(vm.figureChoices().get(1));
        assertThat(vm.legend()).containsExactly(
                new MapViewModel.LegendEntry(ma.essp.diag.app.ui.map.Rgb.web("#1a9641"), "0 % (1)"),
                new MapViewModel.LegendEntry(ma.essp.diag.app.ui.map.Rgb.web("#d7191c"), "25 % (1)"),
                new MapViewModel.LegendEntry(ma.essp.diag.app.ui.map.ColourScale.NO_DATA, "pas de données (73)"));
        assertThat(vm.pictureProperty().get().fills()).containsEntry("MA-CAS", ma.essp.diag.app.ui.map.Rgb.web("#1a9641"))
                .containsEntry("MA-TNG", ma.essp.diag.app.ui.map.Rgb.web("#d7191c")).hasSize(2);

        MapViewModel arabic = new MapViewModel(new EsspMapRepository(mission.dsl()), new EsspRepository(mission.dsl()), mission.dsl(),
                new CurrentThreadTaskExecutor(), new I18n(I18n.ARABIC), MapFigure.builtIn(),
                new ma.essp.diag.app.testing.RecordingDialogService(), dir);
        arabic.load();
        assertThat(arabic.legend()).extracting(e -> e.text().replace("\u200E", ""))
                .containsExactly("0,0 (2)", "لا توجد معطيات (73)");
        // English writes the decimal point
        MapViewModel english = new MapViewModel(new EsspMapRepository(mission.dsl()), new EsspRepository(mission.dsl()), mission.dsl(),
                new CurrentThreadTaskExecutor(), new I18n(I18n.ENGLISH), MapFigure.builtIn(),
                new ma.essp.diag.app.testing.RecordingDialogService(), dir);
        english.load();
        assertThat(english.legend()).extracting(MapViewModel.LegendEntry::text).containsExactly("0.0 (2)", "no data (73)");
    }

    @Test
    void aClickOnAProvinceListsItsEsspsAndAnotherFigureRecolours() {
        vm.select("MA-TNG");
        assertThat(vm.provinceEssps()).extracting(r -> r.code()).containsExactlyInAnyOrder("E001", "E002", "E003", "E004");
        assertThat(vm.selectedTitleProperty().get()).contains("Tanger-Assilah").contains("4 ESSP");
        vm.figureProperty().set(vm.figureChoices().get(1));
        // one of the four is not functioning: 25 %
        assertThat(vm.pictureProperty().get().values().get("MA-TNG")).isEqualTo(25.0);
        assertThat(vm.selectedTitleProperty().get()).contains("25,0 %");
        vm.select("MA-CAS");
        assertThat(vm.provinceEssps()).extracting(r -> r.code()).containsExactlyInAnyOrder("E005", "E006");
    }
}
