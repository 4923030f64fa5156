package ma.essp.diag.app.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import ma.essp.diag.app.complaints.ComplaintEntryViewModel.Item;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.task.CurrentThreadTaskExecutor;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.repository.ComplaintRepository;
import ma.essp.diag.database.testing.FixtureMission;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The complaint checklist without a window: unsaved ticks known to the shell, saves undone and redone. */
class ComplaintEntryViewModelTest {

    @TempDir
    Path dir;
    MissionFile mission;
    ComplaintRepository repository;
    ComplaintEntryViewModel vm;
    int esspId;

    @BeforeEach
    void setUp() throws Exception {
        mission = FixtureMission.create(dir.resolve("m.essp"));
        repository = new ComplaintRepository(mission.dsl(), EditContext.system("tester"));
        vm = new ComplaintEntryViewModel(repository, new CurrentThreadTaskExecutor(), new I18n(Locale.FRENCH), () -> { });
        vm.load();
        // an ESSP whose checklist was never filled in
        var essp = vm.essps().stream().filter(e -> repository.system(e.id()).isEmpty()).findFirst().orElseThrow();
        vm.esspProperty().set(essp);
        esspId = essp.id();
    }

    @AfterEach
    void tearDown() {
        mission.close();
    }

    @Test
    void aTickIsAnUnsavedEditUntilSavedOrDiscarded() {
        assertThat(vm.unsavedChanges().hasUnsavedChanges()).isFalse();
        vm.item(Item.REGISTER).set(true);
        assertThat(vm.unsavedChanges().hasUnsavedChanges()).isTrue();
        vm.unsavedChanges().discard();
        assertThat(vm.item(Item.REGISTER).get()).isFalse();
        assertThat(vm.unsavedChanges().hasUnsavedChanges()).isFalse();

        vm.handledByProperty().set("Infirmier major");
        assertThat(vm.unsavedChanges().save().toCompletableFuture().join()).isTrue();
        assertThat(vm.unsavedChanges().hasUnsavedChanges()).isFalse();
        assertThat(repository.system(esspId).orElseThrow().handledBy()).isEqualTo("Infirmier major");
    }

    @Test
    void theLevelChooserListsTheDelegationsOrTheGstsWhoseChecklistIsSavedUndoneAndTakesNoSample() {
        assertThat(vm.essps()).allMatch(e -> e.holder() == ComplaintRepository.Holder.ESSP);
        assertThat(vm.samplesAllowedProperty().get()).isTrue();
        assertThat(vm.checklistTitleProperty().get()).isEqualTo("Dispositif de réclamations de l’ESSP");
        vm.levelProperty().set(ComplaintRepository.Holder.GST);
        assertThat(vm.essps()).hasSize(12).allMatch(e -> e.holder() == ComplaintRepository.Holder.GST);
        vm.searchProperty().set("Oriental");
        var gst = vm.essps().getFirst();
        assertThat(vm.esspLabel(gst)).isEqualTo("GST — Oriental");
        vm.esspProperty().set(gst);
        // the heading names the GST's system, not an ESSP's (issue 12: it said "de l'ESSP" for every unit)
        assertThat(vm.checklistTitleProperty().get()).isEqualTo("Dispositif de réclamations du GST");
        assertThat(vm.searchPromptProperty().get()).isEqualTo("Rechercher un GST (région)…");
        assertThat(vm.samplesAllowedProperty().get()).isFalse();
        vm.item(Item.PHONE).set(true);
        vm.item(Item.ANALYSED_FED_BACK).set(true);
        assertThat(vm.maturityProperty().get()).contains(": 24 / 100"); // phone 4 + analysed and fed back 20
        vm.saveChecklist();
        assertThat(repository.system(gst).orElseThrow().phone()).isTrue();
        assertThat(repository.system(esspId)).as("the ESSP of the same id is another holder").isEmpty();
        assertThat(vm.history().descriptionProperty().get()).contains("GST — Oriental");
        // no sample can be written for a GST
        assertThat(vm.saveSample()).isFalse();
        vm.history().undo(e -> { throw new AssertionError(e); });
        assertThat(repository.system(gst).orElseThrow().phone()).isFalse();

        vm.levelProperty().set(ComplaintRepository.Holder.DELEGATION);
        vm.searchProperty().set("");
        assertThat(vm.essps()).allMatch(e -> e.holder() == ComplaintRepository.Holder.DELEGATION).hasSizeGreaterThan(70);
        assertThat(vm.esspLabel(vm.essps().getFirst())).startsWith("Délégation — ");
        vm.esspProperty().set(vm.essps().getFirst());
        assertThat(vm.checklistTitleProperty().get()).isEqualTo("Dispositif de réclamations de la délégation");
        assertThat(new ma.essp.diag.app.i18n.I18n(ma.essp.diag.app.i18n.I18n.ARABIC).get("complaints.checklist.title.delegation"))
                .doesNotContain("المؤسسة").contains("المندوبية");
    }

    @Test
    void twoChecklistSavesAreUndoneInTurnAndRedone() {
        vm.item(Item.REGISTER).set(true);
        vm.saveChecklist();
        vm.item(Item.BOX).set(true);
        vm.saveChecklist();
        assertThat(vm.history().descriptionProperty().get()).startsWith("dispositif de réclamations de ");

        vm.history().undo(e -> { throw new AssertionError(e); });
        assertThat(repository.system(esspId).orElseThrow().box()).isFalse();
        assertThat(repository.system(esspId).orElseThrow().register()).isTrue();
        assertThat(vm.item(Item.BOX).get()).as("the form shows the row again").isFalse();
        vm.history().undo(e -> { throw new AssertionError(e); });
        assertThat(repository.system(esspId).orElseThrow().register()).as("the first save undone: nothing ticked").isFalse();
        assertThat(vm.history().availableProperty().get()).isFalse();

        vm.history().redo(e -> { throw new AssertionError(e); });
        vm.history().redo(e -> { throw new AssertionError(e); });
        var row = repository.system(esspId).orElseThrow();
        assertThat(row.register()).isTrue();
        assertThat(row.box()).isTrue();
        // two saves, two undos, two redos of one row: version 1 (inserted) + 5
        assertThat(row.version()).isEqualTo(6);
        assertThat(vm.item(Item.BOX).get()).isTrue();
    }

    /** A sample added then another deleted: Ctrl+Z takes back the deletion, then the addition; Ctrl+Y redoes both. */
    @Test
    void sampleAdditionsAndDeletionsAreUndoneAndRedone() {
        java.time.LocalDate received = repository.today().minusDays(5);
        vm.receivedProperty().set(received);
        vm.channelProperty().set(vm.channels().stream().filter(c -> "register".equals(c.value())).findFirst().orElseThrow());
        vm.kindProperty().set(vm.kinds().stream().filter(c -> "reclamation".equals(c.value())).findFirst().orElseThrow());
        vm.categoryProperty().set(vm.categories().stream().filter(c -> "waiting_time".equals(c.value())).findFirst().orElseThrow());
        assertThat(vm.saveSample()).isTrue();
        vm.receivedProperty().set(received.minusDays(1));
        vm.channelProperty().set(vm.channels().stream().filter(c -> "register".equals(c.value())).findFirst().orElseThrow());
        vm.kindProperty().set(vm.kinds().stream().filter(c -> "reclamation".equals(c.value())).findFirst().orElseThrow());
        vm.categoryProperty().set(vm.categories().stream().filter(c -> "waiting_time".equals(c.value())).findFirst().orElseThrow());
        assertThat(vm.saveSample()).isTrue();
        assertThat(repository.samples(esspId)).hasSize(2);
        var older = vm.samples().stream().filter(l -> l.row().values().receivedOn().equals(received.minusDays(1))).findFirst().orElseThrow();
        vm.selectedSampleProperty().set(older);
        vm.deleteSample();
        assertThat(repository.samples(esspId)).hasSize(1);
        assertThat(vm.history().descriptionProperty().get()).startsWith("échantillon de réclamation supprimé");

        vm.history().undo(e -> { throw new AssertionError(e); });
        assertThat(repository.samples(esspId)).as("the deletion undone").hasSize(2);
        assertThat(vm.samples()).as("the screen shows it again").hasSize(2);
        vm.history().undo(e -> { throw new AssertionError(e); });
        assertThat(repository.samples(esspId)).as("the second addition undone").hasSize(1);
        assertThat(repository.samples(esspId).getFirst().values().receivedOn()).isEqualTo(received);

        vm.history().redo(e -> { throw new AssertionError(e); });
        vm.history().redo(e -> { throw new AssertionError(e); });
        var rows = repository.samples(esspId);
        assertThat(rows).hasSize(1);
        assertThat(rows.getFirst().values().receivedOn()).isEqualTo(received);
        // the deleted sample: inserted (1), deleted (2), restored (3), deleted by the undo of its addition (4),
        // restored by the redo of its addition (5), deleted again by the redo of the deletion (6)
        int deleted = older.row().id();
        assertThat(mission.dsl().select(ma.essp.diag.database.jooq.Tables.COMPLAINT_SAMPLE.VERSION)
                .from(ma.essp.diag.database.jooq.Tables.COMPLAINT_SAMPLE)
                .where(ma.essp.diag.database.jooq.Tables.COMPLAINT_SAMPLE.ID.eq(deleted)).fetchOne().value1()).isEqualTo(6);
    }
}
