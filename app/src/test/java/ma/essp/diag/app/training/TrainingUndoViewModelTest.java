package ma.essp.diag.app.training;

import static ma.essp.diag.database.jooq.Tables.TRAINING_ATTENDANCE;
import static ma.essp.diag.database.jooq.Tables.TRAINING_COHORT;
import static ma.essp.diag.database.jooq.Tables.TRAINING_COST;
import static ma.essp.diag.database.jooq.Tables.TRAINING_PARTICIPANT;
import static ma.essp.diag.database.jooq.Tables.TRAINING_PROGRAMME;
import static ma.essp.diag.database.jooq.Tables.TRAINING_SESSION;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.task.CurrentThreadTaskExecutor;
import ma.essp.diag.app.ui.EditHistory;
import ma.essp.diag.database.jooq.tables.records.TrainingCohortRecord;
import ma.essp.diag.database.jooq.tables.records.TrainingParticipantRecord;
import ma.essp.diag.database.jooq.tables.records.TrainingProgrammeRecord;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.repository.StaleEditException;
import ma.essp.diag.database.repository.SyncedRows;
import ma.essp.diag.database.repository.TrainingRepository;
import ma.essp.diag.database.testing.FixtureMission;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The training area without a window, French: one cohort (March to June 2027) with no session nor cost yet. A session,
 * a cost line and a holiday added through the forms are undone by soft-deleting them (each a versioned write), redone
 * by restoring them; an undo after someone else changed the row is refused.
 */
class TrainingUndoViewModelTest {

    @TempDir
    Path dir;
    private MissionFile mission;
    private DSLContext dsl;
    private EditContext edit;
    private TrainingRepository repository;
    private TrainingViewModel vm;

    @BeforeEach
    void setUp() throws Exception {
        mission = FixtureMission.create(dir.resolve("m.essp"));
        dsl = mission.dsl();
        edit = EditContext.system("test");
        TrainingProgrammeRecord p = dsl.newRecord(TRAINING_PROGRAMME);
        p.setCode("PSP");
        p.setKind("short_course");
        p.setTitleFr("Planification et suivi");
        p.setRequiredHours(20.0);
        int programme = SyncedRows.insert(dsl, edit, p);
        TrainingCohortRecord c = dsl.newRecord(TRAINING_COHORT);
        c.setProgrammeId(programme);
        c.setName("Tanger 2027");
        c.setStartsOn(LocalDate.parse("2027-03-01"));
        c.setEndsOn(LocalDate.parse("2027-06-30"));
        c.setSeats(12);
        SyncedRows.insert(dsl, edit, c);
        repository = new TrainingRepository(dsl);
        vm = new TrainingViewModel(repository, edit, new CurrentThreadTaskExecutor(), new I18n(I18n.FRENCH));
        vm.load();
    }

    @AfterEach
    void tearDown() {
        mission.close();
    }

    private static void fail(Throwable e) {
        throw new AssertionError(e);
    }

    private void typeSession(String title) {
        vm.sessionTitleProperty().set(title);
        vm.sessionStartProperty().set("08/03/2027");
        vm.sessionEndProperty().set("09/03/2027");
        vm.sessionHoursProperty().set("12");
    }

    @Test
    void aNewSessionIsUndoneByDeletingItThenRedone() {
        typeSession("Module 1");
        assertThat(vm.addSession().toCompletableFuture().join()).isTrue();
        assertThat(vm.sessions()).extracting(TrainingViewModel.SessionRow::title).containsExactly("Module 1");
        assertThat(vm.history().descriptionProperty().get()).isEqualTo("ajout de la séance « Module 1 »");

        vm.history().undo(TrainingUndoViewModelTest::fail);
        assertThat(vm.sessions()).as("gone from the list").isEmpty();
        var row = dsl.selectFrom(TRAINING_SESSION).fetchOne();
        assertThat(row.getDeleted()).as("soft-deleted, not removed").isTrue();
        assertThat(row.getVersion()).isEqualTo(2);

        vm.history().redo(TrainingUndoViewModelTest::fail);
        assertThat(vm.sessions()).extracting(TrainingViewModel.SessionRow::title).containsExactly("Module 1");
        assertThat(dsl.selectFrom(TRAINING_SESSION).fetchOne().getVersion()).isEqualTo(3);
        assertThat(vm.history().availableProperty().get()).isTrue();
    }

    @Test
    void aCostLineAndAHolidayAreUndoneInTurnThenRedone() {
        vm.costItemProperty().set(vm.itemChoices().getFirst());
        vm.costUnitProperty().set(vm.unitChoices().stream().filter(u -> u.value().equals("lump_sum")).findFirst().orElseThrow());
        vm.costUnitCostProperty().set("1500");
        assertThat(vm.addCostLine().toCompletableFuture().join()).isTrue();
        assertThat(vm.costs()).hasSize(1);
        int holidaysBefore = repository.calendarContext().size();
        vm.contextStartProperty().set("30/07/2027");
        vm.contextEndProperty().set("30/07/2027");
        vm.contextLabelProperty().set("Fête du Trône (essai)");
        assertThat(vm.addContext().toCompletableFuture().join()).isTrue();
        assertThat(repository.calendarContext()).hasSize(holidaysBefore + 1);
        assertThat(vm.history().descriptionProperty().get()).isEqualTo("ajout de « Fête du Trône (essai) » au calendrier");

        vm.history().undo(TrainingUndoViewModelTest::fail);
        assertThat(repository.calendarContext()).hasSize(holidaysBefore);
        assertThat(vm.history().descriptionProperty().get()).startsWith("ajout de la ligne de coût ");
        vm.history().undo(TrainingUndoViewModelTest::fail);
        assertThat(vm.costs()).isEmpty();
        assertThat(dsl.selectFrom(TRAINING_COST).fetchOne().getDeleted()).isTrue();

        vm.history().redo(TrainingUndoViewModelTest::fail);
        assertThat(vm.costs()).hasSize(1);
        vm.history().redo(TrainingUndoViewModelTest::fail);
        assertThat(repository.calendarContext()).hasSize(holidaysBefore + 1)
                .anyMatch(k -> k.labelFr().equals("Fête du Trône (essai)") && k.version() == 3);
    }

    private ma.essp.diag.app.ui.FilterChoice choice(java.util.List<ma.essp.diag.app.ui.FilterChoice> choices, String value) {
        return choices.stream().filter(u -> u.value().equals(value)).findFirst().orElseThrow();
    }

    /**
     * An expert-day line must say whose experts it pays: refused without (the message says so, nothing written), saved
     * with; the tab sums expert-days by origin (2 × 3 × 2,500 = 15,000 Moroccan). A line written before V28 shows
     * "origine non précisée" until an origin is picked in the table; Ctrl+Z puts "not stated" back.
     */
    @Test
    void anExpertDayLineSaysWhoseExpertsAndAnOlderLineGetsItsOriginInTheTable() {
        vm.costItemProperty().set(choice(vm.itemChoices(), "trainers"));
        vm.costUnitProperty().set(choice(vm.unitChoices(), "expert_day"));
        vm.costUnitCostProperty().set("2500");
        vm.costUnitsProperty().set("6");
        assertThat(vm.addCostLine().toCompletableFuture().join()).isFalse();
        assertThat(vm.costMessageProperty().get()).contains("marocains ou européens").contains("Rien n’a été enregistré");
        assertThat(dsl.fetchCount(TRAINING_COST)).isZero();
        vm.costOriginProperty().set(choice(vm.originChoices(), "moroccan"));
        assertThat(vm.addCostLine().toCompletableFuture().join()).isTrue();
        assertThat(vm.costs()).singleElement().satisfies(r -> {
            assertThat(r.originCode()).isEqualTo("moroccan");
            assertThat(r.origin()).isEqualTo("experts marocains");
        });
        assertThat(vm.costExpertsProperty().get())
                .isEqualTo("Jours-experts prévus / réalisés : experts marocains 6 / 0 (15\u202f000 / 0 MAD) · experts européens 0 / 0 (0 / 0 MAD)");
        // another unit takes no origin: choosing one then a venue line clears it
        vm.costUnitProperty().set(choice(vm.unitChoices(), "expert_day"));
        vm.costOriginProperty().set(choice(vm.originChoices(), "european"));
        vm.costUnitProperty().set(choice(vm.unitChoices(), "venue_day"));
        assertThat(vm.costOriginProperty().get()).isNull();

        // a line written before V28: no origin, shown as not stated
        var old = dsl.newRecord(TRAINING_COST);
        old.setCohortId(dsl.selectFrom(TRAINING_COHORT).fetchOne().getId());
        old.setItem("trainers");
        old.setUnit("expert_day");
        old.setUnitCostMad(9_000.0);
        old.setUnits(3.0);
        old.setAmountMad(27_000.0);
        old.setKind("planned");
        int oldId = SyncedRows.insert(dsl, edit, old);
        vm.load();
        assertThat(vm.costs().getLast().origin()).isEqualTo("origine non précisée");
        assertThat(vm.costExpertsProperty().get()).endsWith(" · origine non précisée 3 / 0 (27\u202f000 / 0 MAD)");
        assertThat(vm.setCostOrigin(oldId, "european").toCompletableFuture().join()).isTrue();
        assertThat(dsl.selectFrom(TRAINING_COST).where(TRAINING_COST.ID.eq(oldId)).fetchOne().getExpertOrigin()).isEqualTo("european");
        assertThat(vm.costExpertsProperty().get()).endsWith("experts européens 3 / 0 (27\u202f000 / 0 MAD)")
                .doesNotContain("non précisée");
        vm.history().undo(TrainingUndoViewModelTest::fail);
        assertThat(dsl.selectFrom(TRAINING_COST).where(TRAINING_COST.ID.eq(oldId)).fetchOne().getExpertOrigin()).isNull();
        assertThat(vm.costs().getLast().origin()).isEqualTo("origine non précisée");
    }

    @Test
    void anUndoAfterAnotherWriterChangedTheSessionIsRefused() {
        typeSession("Module 1");
        assertThat(vm.addSession().toCompletableFuture().join()).isTrue();
        int id = dsl.selectFrom(TRAINING_SESSION).fetchOne().getId();
        // another window renames it from version 1
        SyncedRows.update(dsl, edit, TRAINING_SESSION, id, 1, Map.of(TRAINING_SESSION.TITLE, "Module 1 bis"));

        String what = vm.history().descriptionProperty().get();
        AtomicReference<Throwable> refused = new AtomicReference<>();
        vm.history().undo(refused::set);
        assertThat(refused.get()).isInstanceOf(StaleEditException.class);
        assertThat(EditHistory.refusal(refused.get(), what, new I18n(I18n.FRENCH))).startsWith("« ajout de la séance « Module 1 » » ne peut");
        var row = dsl.selectFrom(TRAINING_SESSION).fetchOne();
        assertThat(row.getDeleted()).as("nothing written").isFalse();
        assertThat(row.getVersion()).isEqualTo(2);
        assertThat(vm.history().availableProperty().get()).isFalse();
    }

    @Test
    void hoursEditedInTheGridAreUndoneToThePreviousHoursThenRedone() {
        typeSession("Module 1");
        assertThat(vm.addSession().toCompletableFuture().join()).isTrue();
        TrainingParticipantRecord who = dsl.newRecord(TRAINING_PARTICIPANT);
        who.setCohortId(dsl.selectFrom(TRAINING_COHORT).fetchOne().getId());
        who.setFullName("Amina Alaoui");
        who.setGender("f");
        SyncedRows.insert(dsl, edit, who);
        vm.load();
        vm.setHours(vm.attendance().getFirst(), 0, "12");
        vm.setHours(vm.attendance().getFirst(), 0, "8");
        assertThat(dsl.selectFrom(TRAINING_ATTENDANCE).fetchOne().getHoursAttended()).isEqualTo(8.0);
        assertThat(vm.history().descriptionProperty().get()).isEqualTo("heures de Amina Alaoui à « Module 1 »");

        vm.history().undo(TrainingUndoViewModelTest::fail);
        var row = dsl.selectFrom(TRAINING_ATTENDANCE).fetchOne();
        assertThat(row.getHoursAttended()).as("the previous hours").isEqualTo(12.0);
        assertThat(row.getVersion()).as("recorded (1), edited (2), undone (3)").isEqualTo(3);
        assertThat(vm.attendance().getFirst().hours()).containsExactly("12 h");

        vm.history().redo(TrainingUndoViewModelTest::fail);
        row = dsl.selectFrom(TRAINING_ATTENDANCE).fetchOne();
        assertThat(row.getHoursAttended()).isEqualTo(8.0);
        assertThat(row.getVersion()).isEqualTo(4);

        vm.history().undo(TrainingUndoViewModelTest::fail);
        vm.history().undo(TrainingUndoViewModelTest::fail);
        row = dsl.selectFrom(TRAINING_ATTENDANCE).fetchOne();
        assertThat(row.getDeleted()).as("the first recording undone: soft-deleted").isTrue();
        assertThat(row.getVersion()).isEqualTo(6);
    }
}
