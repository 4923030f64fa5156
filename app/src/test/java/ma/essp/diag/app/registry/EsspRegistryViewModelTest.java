package ma.essp.diag.app.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.task.CurrentThreadTaskExecutor;
import ma.essp.diag.database.testing.FixtureMission;
import ma.essp.diag.app.ui.FilterChoice;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.repository.EsspRepository;
import ma.essp.diag.database.repository.EsspRepository.EsspListRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EsspRegistryViewModelTest {

    @TempDir
    Path dir;
    private MissionFile mission;
    private EsspRegistryViewModel vm;

    @BeforeEach
    void load() throws Exception {
        mission = FixtureMission.create(dir.resolve("r.essp"));
        vm = new EsspRegistryViewModel(new EsspRepository(mission.dsl()), new CurrentThreadTaskExecutor(), new I18n(I18n.FRENCH));
        vm.load();
    }

    @AfterEach
    void close() {
        mission.close();
    }

    private static FilterChoice choice(javafx.collections.ObservableList<FilterChoice> choices, String value) {
        return choices.stream().filter(c -> value.equals(c.value())).findFirst().orElseThrow();
    }

    @Test
    void loadsEveryLiveEsspAndOffersTheFilterChoicesPresent() {
        assertThat(vm.totalProperty().get()).isEqualTo(6);
        assertThat(vm.shownProperty().get()).isEqualTo(6);
        assertThat(vm.countTextProperty().get()).isEqualTo("6 / 6 ESSP");
        assertThat(vm.categories()).extracting(FilterChoice::value).containsExactly(null, "DR", "CSR-2", "CSU-1", "CSU-2");
        assertThat(vm.categories().get(1).label()).isEqualTo("DR — Dispensaire rural");
        assertThat(vm.regions()).extracting(FilterChoice::label)
                .containsExactly("Toutes les régions", "Tanger-Tétouan-Al Hoceima", "Casablanca-Settat");
        assertThat(vm.functionalities()).hasSize(4);
        assertThat(vm.categoryProperty().get().isAll()).isTrue();
    }

    @Test
    void textMatchesCodeOrNameIgnoringCaseAndAccents() {
        vm.textProperty().set("csu");
        assertThat(vm.filteredRows()).extracting(EsspListRow::code).containsExactly("E001", "E002", "E005", "E006");
        assertThat(vm.countTextProperty().get()).isEqualTo("4 / 6 ESSP");

        vm.textProperty().set("MAARIF");
        assertThat(vm.filteredRows()).extracting(EsspListRow::code).containsExactly("E006");

        vm.textProperty().set("e00");
        assertThat(vm.shownProperty().get()).isEqualTo(6);

        vm.textProperty().set("");
        assertThat(vm.shownProperty().get()).isEqualTo(6);
    }

    @Test
    void comboFiltersCombineWithTheText() {
        vm.categoryProperty().set(choice(vm.categories(), "CSU-2"));
        assertThat(vm.filteredRows()).extracting(EsspListRow::code).containsExactly("E002", "E006");

        vm.regionProperty().set(choice(vm.regions(), "6"));
        assertThat(vm.filteredRows()).extracting(EsspListRow::code).containsExactly("E006");

        vm.categoryProperty().set(vm.categories().getFirst());
        vm.functionalityProperty().set(choice(vm.functionalities(), "fully"));
        assertThat(vm.filteredRows()).extracting(EsspListRow::code).containsExactly("E005", "E006");

        vm.regionProperty().set(vm.regions().getFirst());
        vm.functionalityProperty().set(choice(vm.functionalities(), "not_functioning"));
        assertThat(vm.filteredRows()).extracting(EsspListRow::code).containsExactly("E004");
        vm.textProperty().set("csu");
        assertThat(vm.filteredRows()).isEmpty();
        assertThat(vm.countTextProperty().get()).isEqualTo("0 / 6 ESSP");
    }

    @Test
    void aNullChoiceMeansAll() {
        vm.categoryProperty().set(null);
        assertThat(vm.shownProperty().get()).isEqualTo(6);
    }

    @Test
    void labelsFollowTheLanguage() {
        EsspRegistryViewModel arabic = new EsspRegistryViewModel(new EsspRepository(mission.dsl()),
                new CurrentThreadTaskExecutor(), new I18n(I18n.ARABIC));
        arabic.load();
        EsspListRow row = arabic.filteredRows().getFirst();
        assertThat(arabic.name(row)).isEqualTo("مركز E001");
        assertThat(arabic.functionalityLabel("fully")).isEqualTo("يشتغل");
        assertThat(arabic.region(row)).isEqualTo("طنجة-تطوان-الحسيمة");
        assertThat(arabic.formatNumber(30_000)).doesNotContain("٣");
        assertThat(vm.milieuLabel(row.milieu())).isEqualTo("urbain");
    }

    @Test
    void deleteTakesTheEsspShownInTheFormNotARowHighlightedElsewhere() {
        // the form shows 4, the highlight moved to 7 (a refused or failed unsaved-changes dialog): only 4 goes
        assertThat(EsspRegistryViewModel.deletionTargets(List.of(7), 4)).containsExactly(4);
        // several rows selected together with the one shown: all of them go
        assertThat(EsspRegistryViewModel.deletionTargets(List.of(4, 7, 9), 4)).containsExactly(4, 7, 9);
        // a new ESSP in the form (nothing saved to delete): the highlighted rows
        assertThat(EsspRegistryViewModel.deletionTargets(List.of(7), null)).containsExactly(7);
    }
}
