package ma.essp.diag.app.hr;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.task.CurrentThreadTaskExecutor;
import ma.essp.diag.database.testing.FixtureMission;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.repository.HrRelationRepository;
import ma.essp.diag.database.repository.StaffRepository;
import ma.essp.diag.database.repository.StructureRepository;
import ma.essp.diag.database.repository.TerritoryRepository;
import ma.essp.diag.reporting.hr.HrFactsLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HrViewModelsTest {

    @TempDir
    Path dir;
    MissionFile mission;
    EditContext edit = EditContext.system("tester");
    I18n i18n = new I18n(Locale.FRENCH);
    CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();

    @BeforeEach
    void setUp() throws Exception {
        mission = FixtureMission.create(dir.resolve("m.essp"));
    }

    @AfterEach
    void tearDown() {
        mission.close();
    }

    private HrStaffViewModel staffOfE001() {
        var vm = new HrStaffViewModel(new StaffRepository(mission.dsl(), edit), new StructureRepository(mission.dsl(), edit),
                new TerritoryRepository(mission.dsl()), executor, i18n, history);
        history.setAfterUndo(vm::afterUndo);
        vm.load();
        vm.provinceProperty().set(vm.provinces().stream().filter(p -> p.label().contains("Tanger-Assilah")).findFirst().orElseThrow());
        vm.ownerProperty().set(vm.owners().stream().filter(o -> o.label().startsWith("E001")).findFirst().orElseThrow());
        return vm;
    }

    private final ma.essp.diag.app.ui.EditHistory history = new ma.essp.diag.app.ui.EditHistory(executor);

    @Test
    void addEditDeleteOfAPositionUndoneThreeTimesAndRedoneTwice() {
        var vm = staffOfE001();
        vm.addRow();
        assertThat(vm.positions()).hasSize(1);
        int id = vm.positions().getFirst().id();
        vm.edit(vm.positions().getFirst(), HrStaffViewModel.Column.STATUS, "vacant");
        vm.deleteRow(vm.positions().getFirst());
        assertThat(vm.positions()).isEmpty();
        assertThat(history.descriptionProperty().get()).isEqualTo("suppression d’un poste");

        history.undo(e -> { throw new AssertionError(e); });
        assertThat(vm.positions()).singleElement().satisfies(p -> assertThat(p.values().status()).isEqualTo("vacant"));
        history.undo(e -> { throw new AssertionError(e); });
        assertThat(vm.positions()).singleElement().satisfies(p -> assertThat(p.values().status()).isEqualTo("filled"));
        history.undo(e -> { throw new AssertionError(e); });
        assertThat(vm.positions()).as("the added position is deleted again").isEmpty();
        assertThat(history.availableProperty().get()).isFalse();

        history.redo(e -> { throw new AssertionError(e); });
        history.redo(e -> { throw new AssertionError(e); });
        assertThat(vm.positions()).singleElement().satisfies(p -> {
            assertThat(p.id()).isEqualTo(id);
            assertThat(p.values().status()).isEqualTo("vacant");
            // add, edit, delete, 3 undos, 2 redos: 1 + 7 versions
            assertThat(p.version()).isEqualTo(8);
        });
    }

    @Test
    void pastedExcelRowsBecomePositionsAndCellsAreEditedOneByOne() {
        var vm = staffOfE001();
        assertThat(vm.owners()).anyMatch(o -> o.label().startsWith("Structure"));
        assertThat(vm.positions()).isEmpty();
        vm.paste("Cadre\tEmployeur\tStatut\tETP\nSage-femme\tMinistère\tPourvu\t1\nInfirmier(ère) polyvalent(e)\t\tvacant\t0,5\n");
        assertThat(vm.positions()).hasSize(2);
        assertThat(vm.statusProperty().get()).contains("2");
        var nurse = vm.positions().stream().filter(p -> p.values().cadreCode().equals("nurse")).findFirst().orElseThrow();
        vm.edit(nurse, HrStaffViewModel.Column.STATUS, "filled");
        assertThat(vm.positions().stream().filter(p -> p.id() == nurse.id()).findFirst().orElseThrow().values().status()).isEqualTo("filled");
        vm.edit(vm.positions().getFirst(), HrStaffViewModel.Column.FTE, "1,5");
        assertThat(vm.statusProperty().get()).contains("1,5");
    }

    @Test
    void aCirconscriptionGetsItsOfficeOnItsFirstPositionAndKeepsIt() {
        var vm = staffOfE001();
        var structures = new StructureRepository(mission.dsl(), edit);
        var circonscription = vm.owners().stream().filter(o -> o.value().startsWith("c")).findFirst().orElseThrow();
        assertThat(circonscription.label()).startsWith("Circonscription : ");
        int circId = Integer.parseInt(circonscription.value().substring(1));
        assertThat(structures.circonscriptionOffice(circId)).isEmpty();

        vm.ownerProperty().set(circonscription);
        assertThat(vm.positions()).isEmpty();
        vm.paste("Médecin généraliste\tMinistère\tPourvu\t1\nadministrator\tMinistère\tvacant\t1\n");
        assertThat(vm.positions()).hasSize(2);
        var office = structures.circonscriptionOffice(circId).orElseThrow();
        assertThat(office.kind()).isEqualTo("circonscription_office");
        assertThat(office.provinceId()).isNotNull();
        vm.addRow();
        assertThat(vm.positions()).hasSize(3).allMatch(p -> office.id() == p.values().structureId());
        // one office per circonscription, not one per entry
        assertThat(structures.circonscriptionOfficeId(circId)).isEqualTo(office.id());
        // the recorded office is offered once, under its circonscription
        vm.provinceProperty().set(null);
        vm.load();
        vm.provinceProperty().set(vm.provinces().stream().filter(p -> p.label().contains("Tanger-Assilah")).findFirst().orElseThrow());
        assertThat(vm.owners()).noneMatch(o -> o.value().equals("s" + office.id()));
    }

    @Test
    void trainingsOfTheSelectedPositionAreRecordedWithTheirRules() {
        var vm = staffOfE001();
        vm.paste("nurse\tministry\tfilled\t1\n");
        var nurse = vm.positions().getFirst();
        assertThat(vm.addTraining("PCIME", null, null, null)).isFalse();
        assertThat(vm.statusProperty().get()).contains("Choisissez d’abord un poste");

        vm.selectedPositionProperty().set(nurse);
        assertThat(vm.trainings()).isEmpty();
        assertThat(vm.addTraining(" ", null, "2024", "12")).isFalse();
        assertThat(vm.addTraining("PCIME", null, "24", "12")).isFalse();
        assertThat(vm.statusProperty().get()).contains("« 24 »");
        assertThat(vm.addTraining("PCIME", null, "2024", "-3")).isFalse();
        assertThat(vm.trainings()).isEmpty();

        assertThat(vm.addTraining("PCIME", "Santé de l’enfant", "2024", "17,5")).isTrue();
        assertThat(vm.addTraining("SONU", "", "", "")).isTrue();
        assertThat(vm.trainings()).extracting(t -> t.title()).containsExactlyInAnyOrder("PCIME", "SONU");
        var pcime = vm.trainings().stream().filter(t -> t.title().equals("PCIME")).findFirst().orElseThrow();
        assertThat(pcime.hours()).isEqualTo(17.5);
        assertThat(pcime.year()).isEqualTo(2024);
        assertThat(vm.hours(17.5)).isEqualTo("17,5");
        // the grid counts them, and the selection survives the reload
        assertThat(vm.positions().getFirst().trainings()).isEqualTo(2);
        assertThat(vm.selectedPositionProperty().get().id()).isEqualTo(nurse.id());

        vm.deleteTraining(pcime);
        assertThat(vm.trainings()).extracting(t -> t.title()).containsExactly("SONU");
        assertThat(vm.positions().getFirst().trainings()).isEqualTo(1);
    }

    @Test
    void aPasteWithAnUnreadableLineAddsNothing() {
        var vm = staffOfE001();
        vm.paste("nurse\tministry\tfilled\t1\nplombier\tministry\tfilled\t1\n");
        assertThat(vm.positions()).isEmpty();
        assertThat(vm.statusProperty().get()).contains("ligne 2").contains("plombier");
    }

    @Test
    void indicatorsAndTheHrMatrix() {
        var staff = staffOfE001();
        staff.paste("doctor_gp\tministry\tfilled\t1\nnurse\tministry\tfilled\t2\n".replace("\t2", "\t1"));
        var indicators = new HrIndicatorsViewModel(new HrFactsLoader(mission.dsl()), executor, i18n);
        indicators.load();
        assertThat(indicators.rows()).hasSize(2); // two regions have ESSPs in the fixture
        // the hint under the level says what the chosen level's density counts
        assertThat(indicators.definitionsProperty().get()).endsWith("population recensée de la région (RGPH 2024).");
        indicators.levelProperty().set(indicators.levels().get(2));
        assertThat(indicators.definitionsProperty().get()).endsWith("population recensée de la circonscription sanitaire (RGPH 2024).");
        indicators.levelProperty().set(indicators.levels().get(3));
        assertThat(indicators.definitionsProperty().get()).contains("population desservie par l’ESSP").doesNotContain("RGPH");
        assertThat(indicators.rows()).hasSize(6);
        assertThat(indicators.nationalProperty().get()).contains("6 ESSP");
        // E001 serves 30,000: 1 doctor + 1 nurse in post = 2 core FTE, 2 × 10,000 / 30,000 = 0.67 per 10,000
        var e001 = indicators.rows().stream().filter(f -> f.code().equals("E001")).findFirst().orElseThrow();
        assertThat(indicators.density(e001)).isEqualTo("0,7");
        assertThat(indicators.who(e001)).isEqualTo("< 23 ✗");
        // staff by cadre: the whole mission until a row is chosen, then that unit
        assertThat(indicators.cadreTitleProperty().get()).contains("ensemble de la mission");
        assertThat(indicators.byCadre()).extracting(HrIndicatorsViewModel.CadreLine::cadre)
                .containsExactly("Médecin généraliste", "Infirmier(ère) polyvalent(e)");
        indicators.selectedProperty().set(indicators.rows().stream().filter(f -> f.code().equals("E002")).findFirst().orElseThrow());
        assertThat(indicators.byCadre()).isEmpty();
        indicators.selectedProperty().set(e001);
        assertThat(indicators.cadreTitleProperty().get()).contains("E001");
        assertThat(indicators.byCadre()).containsExactly(
                new HrIndicatorsViewModel.CadreLine("Médecin généraliste", true, 1, "1,0", 0),
                new HrIndicatorsViewModel.CadreLine("Infirmier(ère) polyvalent(e)", true, 1, "1,0", 0));

        var matrix = new HrMatrixViewModel(new HrRelationRepository(mission.dsl(), edit), new TerritoryRepository(mission.dsl()), executor, i18n);
        matrix.load();
        assertThat(matrix.rows()).hasSize(6).allMatch(r -> r.id() == null);
        matrix.edit(matrix.rows().getFirst(), HrMatrixViewModel.Column.UNDER_GST, "gst");
        assertThat(matrix.rows().getFirst().holderUnderGst()).isEqualTo("gst");
        assertThat(matrix.rows().getFirst().holderToday()).isEqualTo("unknown");
        matrix.edit(matrix.rows().getFirst(), HrMatrixViewModel.Column.NOTES, "transfert en 2026");
        assertThat(matrix.rows().getFirst().version()).isEqualTo(2);
        assertThat(matrix.holderLabel("gst")).isEqualTo("GST");
    }

    @Test
    void aMatrixCellOrAPositionChangedInAnotherWindowIsNotOverwritten() {
        var dsl = mission.dsl();
        var relation = ma.essp.diag.database.jooq.Tables.HR_RELATION;
        var position = ma.essp.diag.database.jooq.Tables.STAFF_POSITION;
        String stale = i18n.get("error.stale");
        var matrix = new HrMatrixViewModel(new HrRelationRepository(dsl, edit), new TerritoryRepository(dsl), executor, i18n);
        matrix.load();
        var shown = matrix.rows().getFirst();
        // another window enters the same function first: this matrix still shows it empty
        new HrRelationRepository(dsl, EditContext.system("youssef")).upsert(Integer.parseInt(matrix.regionProperty().get().value()),
                shown.function().code(), null, "drs", "gst", "vu avec la DRS");
        int auditRows = dsl.fetchCount(ma.essp.diag.database.jooq.Tables.AUDIT_LOG);
        matrix.edit(shown, HrMatrixViewModel.Column.UNDER_GST, "commune");
        assertThat(matrix.statusProperty().get()).isEqualTo(stale);
        assertThat(dsl.selectFrom(relation).fetchSingle()).satisfies(r -> {
            assertThat(r.getHolderUnderGst()).isEqualTo("gst");
            assertThat(r.getUpdatedBy()).isEqualTo("youssef");
        });
        assertThat(dsl.fetchCount(ma.essp.diag.database.jooq.Tables.AUDIT_LOG)).isEqualTo(auditRows);
        // reloaded: the matrix shows the other window's entry
        assertThat(matrix.rows().getFirst().holderUnderGst()).isEqualTo("gst");

        HrStaffViewModel staff = staffOfE001();
        staff.addRow();
        var first = staff.positions().getFirst();
        dsl.update(position).set(position.NOTES, "muté").set(position.VERSION, position.VERSION.plus(1))
                .where(position.ID.eq(first.id())).execute();
        staff.deleteRow(first);
        assertThat(staff.statusProperty().get()).isEqualTo(stale);
        assertThat(dsl.fetchValue(position.DELETED, position.ID.eq(first.id()))).isFalse();
    }

    @Test
    void aPasteAndTrainingsAreUndoneAndRedone() {
        var vm = staffOfE001();
        vm.paste("nurse\tministry\tfilled\t1\nmidwife\tministry\tvacant\t1\n");
        assertThat(vm.positions()).hasSize(2);
        assertThat(history.descriptionProperty().get()).isEqualTo("collage de 2 poste(s)");
        history.undo(e -> { throw new AssertionError(e); });
        assertThat(vm.positions()).as("the whole paste undone at once").isEmpty();
        history.redo(e -> { throw new AssertionError(e); });
        assertThat(vm.positions()).hasSize(2);

        var nurse = vm.positions().stream().filter(p -> p.values().cadreCode().equals("nurse")).findFirst().orElseThrow();
        vm.selectedPositionProperty().set(nurse);
        vm.addTraining("PCIME", null, "2024", "12");
        vm.addTraining("SONU", null, null, null);
        vm.deleteTraining(vm.trainings().stream().filter(t -> t.title().equals("PCIME")).findFirst().orElseThrow());
        assertThat(vm.trainings()).extracting(t -> t.title()).containsExactly("SONU");
        assertThat(history.descriptionProperty().get()).isEqualTo("suppression de la formation PCIME");

        history.undo(e -> { throw new AssertionError(e); });
        assertThat(vm.trainings()).extracting(t -> t.title()).containsExactlyInAnyOrder("PCIME", "SONU");
        history.undo(e -> { throw new AssertionError(e); });
        assertThat(vm.trainings()).extracting(t -> t.title()).containsExactly("PCIME");
        history.undo(e -> { throw new AssertionError(e); });
        assertThat(vm.trainings()).isEmpty();
        assertThat(vm.positions().stream().filter(p -> p.id() == nurse.id()).findFirst().orElseThrow().trainings()).isZero();
        history.redo(e -> { throw new AssertionError(e); });
        assertThat(vm.trainings()).extracting(t -> t.title()).containsExactly("PCIME");
    }
}
