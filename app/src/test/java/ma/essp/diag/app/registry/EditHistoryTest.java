package ma.essp.diag.app.registry;

import static ma.essp.diag.database.jooq.Tables.AUDIT_LOG;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.task.CurrentThreadTaskExecutor;
import ma.essp.diag.app.ui.EditHistory;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.repository.EsspEditRepository;
import ma.essp.diag.database.repository.EsspRepository;
import ma.essp.diag.database.repository.StaleEditException;
import ma.essp.diag.database.repository.TerritoryRepository;
import ma.essp.diag.database.testing.FixtureMission;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several levels of undo and redo of the ESSP form's saves, each a new versioned, audited write. */
class EditHistoryTest {

    @TempDir
    Path dir;
    MissionFile mission;
    EsspEditRepository repository;
    EsspEditorViewModel vm;
    EditHistory history;
    I18n i18n = new I18n(Locale.FRENCH);
    int id;
    int startVersion;
    final List<Throwable> failures = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        mission = FixtureMission.create(dir.resolve("m.essp"));
        repository = new EsspEditRepository(mission.dsl(), EditContext.system("tester"));
        CurrentThreadTaskExecutor executor = new CurrentThreadTaskExecutor();
        history = new EditHistory(executor);
        vm = new EsspEditorViewModel(repository, executor, i18n, history);
        vm.loadReferences(new TerritoryRepository(mission.dsl()), new EsspRepository(mission.dsl()));
        var e001 = repository.findByCode("E001").orElseThrow();
        id = e001.id();
        startVersion = e001.version();
        // as the registry does: after an undo or redo the form shows the ESSP as it now is
        history.setAfterUndo(() -> vm.edit(id));
        vm.edit(id);
        // the fixture codes predate the code rule: the first save gives it a proper one
        vm.codeProperty().set("01511-0001");
    }

    @AfterEach
    void tearDown() {
        mission.close();
    }

    private void rename(String name) {
        vm.nameFrProperty().set(name);
        vm.save();
        assertThat(nameNow()).isEqualTo(name);
    }

    private String nameNow() {
        return repository.find(id).orElseThrow().values().nameFr();
    }

    private int versionNow() {
        return repository.find(id).orElseThrow().version();
    }

    @Test
    void threeEditsUndoneThreeTimesComeBackToTheStartAndTwoRedosToTheSecond() {
        rename("Premier");
        rename("Deuxième");
        rename("Troisième");
        assertThat(versionNow()).isEqualTo(startVersion + 3);
        assertThat(history.descriptionProperty().get()).isEqualTo("modification de 01511-0001");

        history.undo(failures::add);
        assertThat(nameNow()).isEqualTo("Deuxième");
        assertThat(history.redoAvailableProperty().get()).isTrue();
        history.undo(failures::add);
        assertThat(nameNow()).isEqualTo("Premier");
        history.undo(failures::add);
        assertThat(failures).isEmpty();
        var start = repository.find(id).orElseThrow();
        assertThat(start.values().nameFr()).isEqualTo("CSU Médina");
        assertThat(start.values().code()).isEqualTo("E001");
        // every undo is a new version (3 edits + 3 undos), none a rollback
        assertThat(start.version()).isEqualTo(startVersion + 6);
        assertThat(history.availableProperty().get()).as("nothing left to undo").isFalse();
        assertThat(vm.nameFrProperty().get()).as("the form shows the ESSP as it now is").isEqualTo("CSU Médina");

        history.redo(failures::add);
        assertThat(nameNow()).isEqualTo("Premier");
        history.redo(failures::add);
        assertThat(failures).isEmpty();
        assertThat(nameNow()).isEqualTo("Deuxième");
        assertThat(versionNow()).isEqualTo(startVersion + 8);
        assertThat(history.redoAvailableProperty().get()).as("the third edit can still be redone").isTrue();
        assertThat(history.redoDescriptionProperty().get()).isEqualTo("modification de 01511-0001");

        // each of the 8 writes left its audit rows: the name field changed 8 times
        String uuid = mission.dsl().select(ma.essp.diag.database.jooq.Tables.ESSP.UUID).from(ma.essp.diag.database.jooq.Tables.ESSP)
                .where(ma.essp.diag.database.jooq.Tables.ESSP.ID.eq(id)).fetchOne().value1();
        List<String> names = mission.dsl().select(AUDIT_LOG.NEW_VALUE).from(AUDIT_LOG)
                .where(AUDIT_LOG.ROW_UUID.eq(uuid), AUDIT_LOG.FIELD.eq("name_fr")).orderBy(AUDIT_LOG.ID).fetch(AUDIT_LOG.NEW_VALUE);
        assertThat(names).containsExactly("Premier", "Deuxième", "Troisième", "Deuxième", "Premier", "CSU Médina",
                "Premier", "Deuxième");
    }

    @Test
    void anEditAfterAnUndoForgetsWhatCouldBeRedone() {
        rename("Premier");
        rename("Deuxième");
        history.undo(failures::add);
        assertThat(history.redoAvailableProperty().get()).isTrue();
        rename("Autre");
        assertThat(history.redoAvailableProperty().get()).isFalse();
        history.undo(failures::add);
        history.undo(failures::add);
        assertThat(failures).isEmpty();
        assertThat(nameNow()).isEqualTo("CSU Médina");
    }

    @Test
    void anUndoOfARowSomeoneElseChangedSinceIsRefusedWithAClearMessage() {
        rename("Premier");
        rename("Deuxième");
        // a colleague's laptop (merged) or another window changes the ESSP meanwhile
        var colleague = new EsspEditRepository(mission.dsl(), EditContext.system("colleague"));
        var now = colleague.find(id).orElseThrow();
        var changed = new EsspEditRepository.EsspDraft(now.values().code(), "Nom du collègue", now.values().nameAr(),
                now.values().categoryCode(), now.values().circonscriptionId(), now.values().communeId(), now.values().milieu(),
                now.values().deliveryUnit(), now.values().latitude(), now.values().longitude(), now.values().populationServed(),
                now.values().functionality(), now.values().functionalityReason(), now.values().openingHours(),
                now.values().address(), now.values().notes());
        colleague.update(id, now.version(), changed);
        int versionBefore = versionNow();

        String what = history.descriptionProperty().get();
        history.undo(failures::add);

        assertThat(failures).singleElement().isInstanceOf(StaleEditException.class);
        assertThat(nameNow()).as("nothing written").isEqualTo("Nom du collègue");
        assertThat(versionNow()).isEqualTo(versionBefore);
        assertThat(EditHistory.refusal(failures.getFirst(), what, i18n))
                .isEqualTo("« modification de 01511-0001 » ne peut être ni annulé ni rétabli : quelqu’un d’autre "
                        + "(un collègue ou une autre fenêtre) a modifié ces données depuis. Rien n’a été écrit.");
        assertThat(history.redoAvailableProperty().get()).as("a refused step is not redoable").isFalse();
    }
}
