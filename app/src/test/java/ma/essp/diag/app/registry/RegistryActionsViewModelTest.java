package ma.essp.diag.app.registry;

import ma.essp.diag.app.ui.EditHistory;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.task.CurrentThreadTaskExecutor;
import ma.essp.diag.database.testing.FixtureMission;
import ma.essp.diag.app.ui.FilterChoice;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.repository.EsspEditRepository;
import ma.essp.diag.database.repository.EsspRepository;
import ma.essp.diag.database.repository.EsspRepository.EsspListRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Delete, restore and bulk edit of a selection of the list, each undoable; the list of deleted ESSPs. */
class RegistryActionsViewModelTest {

    @TempDir
    Path dir;
    MissionFile mission;
    EsspEditRepository repository;
    EsspRegistryViewModel list;
    RegistryActionsViewModel actions;

    @BeforeEach
    void setUp() throws Exception {
        mission = FixtureMission.create(dir.resolve("m.essp"));
        repository = new EsspEditRepository(mission.dsl(), EditContext.system("tester"));
        CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
        I18n i18n = new I18n(Locale.FRENCH);
        list = new EsspRegistryViewModel(new EsspRepository(mission.dsl()), executor, i18n);
        EditHistory lastEdit = new EditHistory(executor);
        lastEdit.setAfterUndo(list::load);
        actions = new RegistryActionsViewModel(repository, executor, i18n, lastEdit, list::load);
        list.load();
    }

    @AfterEach
    void tearDown() {
        mission.close();
    }

    /** The selection as the list gives it: each ESSP with the version it shows. */
    private java.util.Map<Integer, Integer> ids(String... codes) {
        java.util.Map<Integer, Integer> selection = new java.util.LinkedHashMap<>();
        for (String c : codes) {
            var stored = repository.findByCode(c).orElseThrow();
            selection.put(stored.id(), stored.version());
        }
        return selection;
    }

    private List<String> codes() {
        return list.filteredRows().stream().map(EsspListRow::code).toList();
    }

    @Test
    void deletedEsspsLeaveTheListAndAreRestoredFromTheListOfDeletedOnes() {
        actions.delete(ids("E002", "E004"));
        assertThat(codes()).containsExactly("E001", "E003", "E005", "E006");
        assertThat(actions.statusProperty().get()).isEqualTo("2 ESSP supprimé(s) (réversible : Annuler).");

        // the fixture already has one deleted ESSP, E099
        list.showDeletedProperty().set(true);
        assertThat(codes()).containsExactly("E002", "E004", "E099");
        assertThat(list.countTextProperty().get()).isEqualTo("3 / 3 ESSP supprimés");

        actions.restore(ids("E004"));
        assertThat(codes()).containsExactly("E002", "E099");
        var restored = repository.findByCode("E004").orElseThrow();
        assertThat(restored.deleted()).isFalse();
        assertThat(restored.version()).isEqualTo(3); // created 1, deleted 2, restored 3

        // undo of the restore deletes it again, as a new version
        actions.undo();
        assertThat(codes()).containsExactly("E002", "E004", "E099");
        assertThat(repository.findByCode("E004").orElseThrow().version()).isEqualTo(4);

        list.showDeletedProperty().set(false);
        assertThat(codes()).containsExactly("E001", "E003", "E005", "E006");
    }

    @Test
    void aBulkEditSetsOneFieldOnTheSelectionAndUndoPutsEachPreviousValueBack() {
        actions.bulkFieldProperty().set(actions.bulkFields().getFirst()); // functionality
        actions.bulkValueProperty().set(actions.bulkValues().stream().filter(v -> v.value().equals("not_functioning"))
                .findFirst().orElseThrow());
        // E001 fully, E002 partially, E004 already not functioning
        actions.applyBulk(ids("E001", "E002", "E004"));
        assertThat(List.of("E001", "E002", "E004")).allSatisfy(c ->
                assertThat(repository.findByCode(c).orElseThrow().values().functionality()).isEqualTo("not_functioning"));
        assertThat(actions.statusProperty().get()).contains("3");

        actions.undo();
        assertThat(repository.findByCode("E001").orElseThrow().values().functionality()).isEqualTo("fully");
        assertThat(repository.findByCode("E002").orElseThrow().values().functionality()).isEqualTo("partially");
        assertThat(repository.findByCode("E004").orElseThrow().values().functionality()).isEqualTo("not_functioning");
        assertThat(actions.lastEdit().availableProperty().get()).isFalse();
    }

    @Test
    void aBulkEditOnASelectionWithOneRowChangedMeanwhileChangesNothing() {
        actions.bulkFieldProperty().set(actions.bulkFields().getFirst());
        actions.bulkValueProperty().set(actions.bulkValues().stream().filter(v -> v.value().equals("not_functioning"))
                .findFirst().orElseThrow());
        var selection = ids("E001", "E002", "E003");
        var e002 = repository.findByCode("E002").orElseThrow();
        repository.update(e002.id(), e002.version(), e002.values()); // unchanged: no new version
        repository.softDelete(e002.id(), e002.version()); // someone else deletes E002 after the list was read
        actions.applyBulk(selection);
        assertThat(actions.statusProperty().get()).startsWith("Enregistrement impossible");
        assertThat(repository.findByCode("E001").orElseThrow().values().functionality()).isEqualTo("fully");
        assertThat(repository.findByCode("E001").orElseThrow().version()).isEqualTo(1);
        assertThat(actions.lastEdit().availableProperty().get()).isFalse();
    }

    @Test
    void theDeletedMessageGoesAwayOnceTheDeleteIsUndone() {
        actions.delete(ids("E002"));
        assertThat(actions.statusProperty().get()).isEqualTo("1 ESSP supprimé(s) (réversible : Annuler).");
        actions.undo();
        assertThat(codes()).containsExactly("E001", "E002", "E003", "E004", "E005", "E006");
        assertThat(actions.statusProperty().get()).isEmpty();
    }

    @Test
    void undoOfADeleteRestoresTheWholeSelectionOrNothing() {
        actions.delete(ids("E001", "E003"));
        int e003 = repository.findByCode("E003").orElseThrow().id();
        repository.restore(e003, 2); // restored elsewhere meanwhile
        actions.undo();
        assertThat(actions.statusProperty().get()).isEqualTo("« suppression de 2 ESSP » ne peut être ni annulé ni rétabli : "
                + "quelqu’un d’autre (un collègue ou une autre fenêtre) a modifié ces données depuis. Rien n’a été écrit.");
        assertThat(repository.findByCode("E001").orElseThrow().deleted()).isTrue();
        assertThat(repository.findByCode("E001").orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void theBulkValuesFollowTheChosenField() {
        FilterChoice milieu = actions.bulkFields().stream().filter(f -> f.value().equals("MILIEU")).findFirst().orElseThrow();
        actions.bulkFieldProperty().set(milieu);
        assertThat(actions.bulkValues()).extracting(FilterChoice::value).containsExactly("rural", "urban");
        assertThat(actions.bulkValueProperty().get().value()).isEqualTo("rural");
    }
}
