package ma.essp.diag.app.registry;

import ma.essp.diag.app.ui.EditHistory;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.registry.EsspEditorViewModel.Field;
import ma.essp.diag.app.task.CurrentThreadTaskExecutor;
import ma.essp.diag.database.testing.FixtureMission;
import ma.essp.diag.app.ui.FilterChoice;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.repository.EsspEditRepository;
import ma.essp.diag.database.repository.EsspRepository;
import ma.essp.diag.database.repository.TerritoryRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every rule of the ESSP form, without a screen (the executor runs tasks on the calling thread). */
class EsspEditorViewModelTest {

    @TempDir
    Path dir;
    MissionFile mission;
    EsspEditRepository repository;
    EsspEditorViewModel vm;
    EditHistory lastEdit;
    int saved = -1;

    @BeforeEach
    void setUp() throws Exception {
        mission = FixtureMission.create(dir.resolve("m.essp"));
        repository = new EsspEditRepository(mission.dsl(), EditContext.system("tester"));
        CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
        lastEdit = new EditHistory(executor);
        vm = new EsspEditorViewModel(repository, executor, new I18n(Locale.FRENCH), lastEdit);
        vm.setOnSaved(id -> saved = id);
        vm.loadReferences(new TerritoryRepository(mission.dsl()), new EsspRepository(mission.dsl()));
    }

    @AfterEach
    void tearDown() {
        mission.close();
    }

    private static FilterChoice choice(java.util.List<FilterChoice> choices, String labelPart) {
        return choices.stream().filter(c -> c.label().contains(labelPart)).findFirst().orElseThrow();
    }

    /** A valid new ESSP in Tanger-Assilah (province digits 01511). */
    private void fillValid(String code) {
        vm.newEssp();
        vm.provinceProperty().set(choice(vm.provinces(), "Tanger-Assilah"));
        vm.circonscriptionProperty().set(choice(vm.circonscriptions(), "Gzenaya"));
        vm.codeProperty().set(code);
        vm.nameFrProperty().set("CSR Hjar Nhal");
        vm.categoryProperty().set(choice(vm.categories(), "CSR-1 "));
        vm.latitudeProperty().set("35,70");
        vm.longitudeProperty().set("-5,75");
        vm.populationProperty().set("12 000");
    }

    private int esspCount() {
        return mission.dsl().fetchCount(ma.essp.diag.database.jooq.Tables.ESSP);
    }

    @Test
    void anInvalidCodeShowsItsMessageAndNothingIsSaved() {
        fillValid("1511-1");
        assertThat(vm.milieuProperty().get().value()).as("the setting follows the chosen circonscription").isEqualTo("rural");
        int before = esspCount();
        vm.save();
        assertThat(vm.errorProperty(Field.CODE).get()).isNotEmpty().doesNotStartWith("!");
        assertThat(vm.firstInvalidProperty().get()).isEqualTo(Field.CODE);
        assertThat(vm.statusProperty().get()).contains("1");
        assertThat(esspCount()).isEqualTo(before);
        assertThat(saved).isEqualTo(-1);

        vm.codeProperty().set("01511-0101");
        assertThat(vm.validate(Field.CODE)).isTrue();
        assertThat(vm.errorProperty(Field.CODE).get()).isEmpty();
        vm.save();
        assertThat(esspCount()).isEqualTo(before + 1);
        assertThat(saved).isPositive();
        var stored = repository.find(saved).orElseThrow();
        assertThat(stored.values().code()).isEqualTo("01511-0101");
        assertThat(stored.values().latitude()).isEqualTo(35.70);
        assertThat(stored.values().populationServed()).isEqualTo(12_000);
        assertThat(stored.values().milieu()).as("milieu defaults from the circonscription").isEqualTo("rural");
        assertThat(vm.dirtyProperty().get()).isFalse();
        assertThat(vm.editingProperty().get()).isTrue();
    }

    @Test
    void aPointInTheSeaIsRefusedNamingTheProvinceAndAPointInsideIsAccepted() {
        vm.newEssp();
        vm.provinceProperty().set(choice(vm.provinces(), "Tétouan"));
        vm.latitudeProperty().set("34,0");
        vm.longitudeProperty().set("-10,5");
        assertThat(vm.validate(Field.LONGITUDE)).isFalse();
        // (34.0, −10.5) is in the Atlantic off Rabat, ≈ 460 km from Tétouan's west end (worked out in ProvinceOutlineRuleTest)
        assertThat(vm.errorProperty(Field.LONGITUDE).get())
                .startsWith("Le point (34,0000 ; -10,5000) est hors de la province de Tétouan (à ")
                .contains(" km de sa limite ; tolérance 2 km)")
                .containsPattern("à 4[2-9]\\d km");

        // Tétouan's medina
        vm.latitudeProperty().set("35,5785");
        vm.longitudeProperty().set("-5,3684");
        assertThat(vm.validate(Field.LONGITUDE)).isTrue();
        assertThat(vm.errorProperty(Field.LONGITUDE).get()).isEmpty();
    }

    @Test
    void anEsspPlacedOutsideItsProvinceIsNotSaved() {
        fillValid("01511-0101");
        vm.latitudeProperty().set("34,0");
        vm.longitudeProperty().set("-10,5");
        int before = esspCount();
        vm.save();
        assertThat(vm.firstInvalidProperty().get()).isEqualTo(Field.LONGITUDE);
        assertThat(vm.errorProperty(Field.LONGITUDE).get()).contains("Tanger-Assilah");
        assertThat(esspCount()).isEqualTo(before);
        assertThat(saved).isEqualTo(-1);
    }

    @Test
    void aNewEsspGetsTheNextFreeCodeOfItsProvinceButATypedCodeStays() {
        // the fixture's ESSPs have codes outside the 01511-NNNN pattern: Tanger-Assilah starts at 0001
        vm.newEssp();
        vm.provinceProperty().set(choice(vm.provinces(), "Tanger-Assilah"));
        assertThat(vm.codeProperty().get()).isEqualTo("01511-0001");
        // after 01511-0041 is saved, the next one is 0042
        fillValid("01511-0041");
        vm.save();
        vm.newEssp();
        vm.provinceProperty().set(choice(vm.provinces(), "Tanger-Assilah"));
        assertThat(vm.codeProperty().get()).isEqualTo("01511-0042");
        // another province replaces the proposal (Casablanca-Anfa has no 4-digit code yet)...
        FilterChoice other = vm.provinces().stream().filter(c -> !c.label().contains("Tanger-Assilah")).findFirst().orElseThrow();
        vm.provinceProperty().set(other);
        assertThat(vm.codeProperty().get()).endsWith("-0001").doesNotStartWith("01511");
        // ...but a code the user typed is kept
        vm.codeProperty().set("01511-0100");
        vm.provinceProperty().set(choice(vm.provinces(), "Tanger-Assilah"));
        assertThat(vm.codeProperty().get()).isEqualTo("01511-0100");
        // an existing ESSP keeps its own code
        vm.edit(saved);
        assertThat(vm.codeProperty().get()).isEqualTo("01511-0041");
    }

    @Test
    void theCodeMustStartWithTheDigitsOfTheChosenProvince() {
        fillValid("01571-0001");
        assertThat(vm.validate(Field.CODE)).isFalse();
        assertThat(vm.errorProperty(Field.CODE).get()).contains("01511");
    }

    @Test
    void aCodeAlreadyUsedIsRefusedOnSave() {
        fillValid("01511-0101");
        vm.save();
        fillValid("01511-0101");
        vm.nameFrProperty().set("Another name");
        vm.latitudeProperty().set("");
        vm.longitudeProperty().set("");
        int before = esspCount();
        vm.save();
        assertThat(vm.errorProperty(Field.CODE).get()).isNotEmpty();
        assertThat(vm.firstInvalidProperty().get()).isEqualTo(Field.CODE);
        assertThat(esspCount()).isEqualTo(before);
    }

    @Test
    void nameCategoryCirconscriptionCoordinatesAndPopulationAreChecked() {
        fillValid("01511-0101");
        vm.nameFrProperty().set(" ");
        vm.categoryProperty().set(new FilterChoice("XYZ", "XYZ"));
        vm.latitudeProperty().set("48.8");
        vm.longitudeProperty().set("abc");
        vm.populationProperty().set("-3");
        assertThat(vm.validateAll()).isFalse();
        assertThat(vm.errorProperty(Field.NAME).get()).isNotEmpty();
        assertThat(vm.errorProperty(Field.CATEGORY).get()).isNotEmpty();
        assertThat(vm.errorProperty(Field.LATITUDE).get()).isNotEmpty();
        assertThat(vm.errorProperty(Field.LONGITUDE).get()).isNotEmpty();
        assertThat(vm.errorProperty(Field.POPULATION).get()).isNotEmpty();
        assertThat(vm.firstInvalidProperty().get()).isEqualTo(Field.NAME);
    }

    @Test
    void changingTheProvinceDropsACirconscriptionOfAnotherProvince() {
        fillValid("01511-0101");
        assertThat(vm.circonscriptionProperty().get()).isNotNull();
        vm.provinceProperty().set(choice(vm.provinces(), "Tétouan"));
        assertThat(vm.circonscriptionProperty().get()).isNull();
        assertThat(vm.circonscriptions()).isEmpty();
        assertThat(vm.validate(Field.CIRCONSCRIPTION)).isFalse();
        // Casablanca's préfectures d'arrondissements are offered, not the split prefecture itself
        assertThat(vm.provinces()).anyMatch(p -> p.label().contains("Casablanca-Anfa"))
                .noneMatch(p -> p.value().equals(String.valueOf(FixtureMission.CASABLANCA)));
    }

    @Test
    void aNewEsspLikeAnExistingOneWaitsForConfirmation() {
        fillValid("01511-0101");
        vm.nameFrProperty().set("csr gzenaya");
        vm.categoryProperty().set(choice(vm.categories(), "CSR-2 "));
        int before = esspCount();
        vm.save();
        assertThat(vm.duplicates()).singleElement().satisfies(d -> assertThat(d.code()).isEqualTo("E003"));
        assertThat(vm.describe(vm.duplicates().getFirst())).contains("E003");
        assertThat(esspCount()).isEqualTo(before);
        vm.confirmDuplicatesAndSave();
        assertThat(esspCount()).isEqualTo(before + 1);
        assertThat(vm.duplicates()).isEmpty();
    }

    @Test
    void dirtyTracksUnsavedChangesAndRevertDropsThem() {
        int id = repository.findByCode("E001").orElseThrow().id();
        vm.edit(id);
        assertThat(vm.codeProperty().get()).isEqualTo("E001");
        assertThat(vm.provinceProperty().get().label()).contains("Tanger-Assilah");
        assertThat(vm.dirtyProperty().get()).isFalse();
        vm.nameFrProperty().set("CSU Médina (nouveau nom)");
        assertThat(vm.dirtyProperty().get()).isTrue();
        vm.revert();
        assertThat(vm.nameFrProperty().get()).isEqualTo("CSU Médina");
        assertThat(vm.dirtyProperty().get()).isFalse();
    }

    @Test
    void theLastSaveCanBeUndoneAsANewVersion() {
        var e001 = repository.findByCode("E001").orElseThrow();
        vm.edit(e001.id());
        vm.nameFrProperty().set("Renamed");
        // the fixture codes predate the code rule: give it a proper one to save
        vm.codeProperty().set("01511-0001");
        vm.save();
        assertThat(repository.find(e001.id()).orElseThrow().values().nameFr()).isEqualTo("Renamed");
        assertThat(lastEdit.availableProperty().get()).isTrue();
        lastEdit.undo(e -> { throw new AssertionError(e); });
        var after = repository.find(e001.id()).orElseThrow();
        assertThat(after.values().nameFr()).isEqualTo("CSU Médina");
        assertThat(after.values().code()).isEqualTo("E001");
        assertThat(after.version()).isEqualTo(e001.version() + 2);
        assertThat(lastEdit.availableProperty().get()).isFalse();
    }

    @Test
    void undoingACreationSoftDeletesTheNewEssp() {
        fillValid("01511-0101");
        vm.save();
        lastEdit.undo(e -> { throw new AssertionError(e); });
        assertThat(repository.find(saved).orElseThrow().deleted()).isTrue();
    }

    @Test
    void anEsspNotFullyFunctioningNeedsAReason() {
        fillValid("01511-0101");
        vm.functionalityProperty().set(choice(vm.functionalities(), "non fonctionnel"));
        assertThat(vm.validate(Field.REASON)).isFalse();
        vm.reasonProperty().set("pas de personnel");
        assertThat(vm.validate(Field.REASON)).isTrue();
    }
}
