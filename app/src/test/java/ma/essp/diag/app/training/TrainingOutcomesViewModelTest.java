package ma.essp.diag.app.training;

import static ma.essp.diag.database.jooq.Tables.TRAINING_COHORT;
import static ma.essp.diag.database.jooq.Tables.TRAINING_EVALUATION;
import static ma.essp.diag.database.jooq.Tables.TRAINING_PROGRAMME;
import static ma.essp.diag.database.jooq.Tables.TRAINING_PROJECT;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.task.CurrentThreadTaskExecutor;
import ma.essp.diag.app.training.TrainingOutcomesViewModel.Score;
import ma.essp.diag.app.training.TrainingOutcomesViewModel.ScoreRow;
import ma.essp.diag.app.ui.EditHistory;
import ma.essp.diag.database.jooq.tables.records.TrainingCohortRecord;
import ma.essp.diag.database.jooq.tables.records.TrainingProgrammeRecord;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.repository.SyncedRows;
import ma.essp.diag.database.repository.TrainingOutcomeRepository;
import ma.essp.diag.database.repository.TrainingRepository;
import ma.essp.diag.database.testing.FixtureMission;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The evaluation and projects tabs without a window, French: a cohort (March to June 2027), one 12 h session, Ali and
 * Badia enrolled. Ali 40 → 70 (gain 30), Badia 60 → 75 (gain 15): n = 2, mean pre 50, post 72.5, gain 22.5; a score of
 * 120 is refused with nothing written; Ctrl+Z takes a score back. A project is created, edited (team, result), deleted,
 * and each step undone.
 */
class TrainingOutcomesViewModelTest {

    @TempDir
    Path dir;
    private MissionFile mission;
    private DSLContext dsl;
    private TrainingOutcomesViewModel vm;
    private EditHistory history;
    private int cohort;

    @BeforeEach
    void setUp() throws Exception {
        mission = FixtureMission.create(dir.resolve("m.essp"));
        dsl = mission.dsl();
        EditContext edit = EditContext.system("test");
        TrainingProgrammeRecord p = dsl.newRecord(TRAINING_PROGRAMME);
        p.setCode("PSP");
        p.setKind("short_course");
        p.setTitleFr("Planification et suivi");
        int programme = SyncedRows.insert(dsl, edit, p);
        TrainingCohortRecord c = dsl.newRecord(TRAINING_COHORT);
        c.setProgrammeId(programme);
        c.setName("Tanger 2027");
        c.setStartsOn(LocalDate.parse("2027-03-01"));
        c.setEndsOn(LocalDate.parse("2027-06-30"));
        cohort = SyncedRows.insert(dsl, edit, c);
        TrainingRepository training = new TrainingRepository(dsl);
        training.addSession(edit, cohort, "Module 1", LocalDate.parse("2027-03-08"), LocalDate.parse("2027-03-09"), 12.0,
                "Tanger", "X");
        training.addParticipant(edit, cohort, null, "Ali", null, "m");
        training.addParticipant(edit, cohort, null, "Badia", null, "f");
        var executor = new CurrentThreadTaskExecutor();
        history = new EditHistory(executor);
        vm = new TrainingOutcomesViewModel(new TrainingOutcomeRepository(dsl), training, edit, executor,
                new I18n(I18n.FRENCH), history);
        history.setAfterUndo(vm::reload);
        vm.showCohort(cohort);
    }

    @AfterEach
    void tearDown() {
        mission.close();
    }

    private static void fail(Throwable e) {
        throw new AssertionError(e);
    }

    private ScoreRow row(String name) {
        return vm.scores().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void scoresAreTypedCheckedSummarisedAndUndone() {
        assertThat(vm.sessionProperty().get().label()).startsWith("Module 1");
        assertThat(vm.scores()).extracting(ScoreRow::name).containsExactly("Ali", "Badia");
        vm.setScore(row("Ali"), Score.PRE, "40");
        vm.setScore(row("Ali"), Score.POST, "70");
        vm.setScore(row("Badia"), Score.PRE, "60");
        vm.setScore(row("Badia"), Score.POST, "75");
        vm.setScore(row("Badia"), Score.REACTION, "4,5");
        assertThat(row("Ali").gain()).isEqualTo("+30,0");
        assertThat(row("Badia").gain()).isEqualTo("+15,0");
        assertThat(vm.sessionSummaryProperty().get())
                .contains("n = 2 pré/post appariés, moyenne pré 50,0, post 72,5, gain +22,5")
                .contains("satisfaction n = 1, moyenne 4,50");

        // out of range: a clear message and nothing written
        int rows = dsl.fetchCount(TRAINING_EVALUATION);
        vm.setScore(row("Ali"), Score.POST, "120");
        assertThat(vm.evaluationMessageProperty().get()).isEqualTo("Un score de test va de 0 à 100. Rien n’a été enregistré.");
        assertThat(row("Ali").post()).isEqualTo("70,0");
        vm.setScore(row("Ali"), Score.REACTION, "6");
        assertThat(vm.evaluationMessageProperty().get()).contains("de 1 à 5");
        assertThat(dsl.fetchCount(TRAINING_EVALUATION)).isEqualTo(rows);

        // Ctrl+Z: Badia's reaction goes, then her post-test
        vm.setScore(row("Badia"), Score.POST, "80");
        assertThat(row("Badia").gain()).isEqualTo("+20,0");
        history.undo(TrainingOutcomesViewModelTest::fail);
        assertThat(row("Badia").post()).isEqualTo("75,0");
        history.redo(TrainingOutcomesViewModelTest::fail);
        assertThat(row("Badia").post()).isEqualTo("80,0");
    }

    @Test
    void theTargetFunctionIsWrittenOnTheSessionAndUndone() {
        var planning = vm.functionChoices().stream().filter(c -> "planning".equals(c.value())).findFirst().orElseThrow();
        vm.targetFunctionProperty().set(planning);
        assertThat(new TrainingOutcomeRepository(dsl).load().sessionTargets()).singleElement()
                .satisfies(t -> assertThat(t.targetFunction()).isEqualTo("planning"));
        assertThat(vm.scores()).extracting(ScoreRow::level3).containsOnly("hors circonscription");
        history.undo(TrainingOutcomesViewModelTest::fail);
        assertThat(new TrainingOutcomeRepository(dsl).load().sessionTargets()).singleElement()
                .satisfies(t -> assertThat(t.targetFunction()).isNull());
        assertThat(vm.targetFunctionProperty().get().value()).isNull();
    }

    @Test
    void aProjectIsCreatedEditedDeletedAndEachStepUndone() {
        vm.projectTitleProperty().set("Plan de la circonscription");
        vm.team().setAll(vm.participantChoices().getFirst());
        // no axis nor reform: refused
        assertThat(vm.saveProject().toCompletableFuture().join()).isFalse();
        assertThat(vm.projectMessageProperty().get()).contains("axe des TdR ou à une réforme");
        assertThat(dsl.fetchCount(TRAINING_PROJECT)).isZero();
        vm.projectAxisProperty().set(vm.axisChoices().get(1));
        assertThat(vm.saveProject().toCompletableFuture().join()).isTrue();
        assertThat(vm.projects()).singleElement().satisfies(p -> {
            assertThat(p.team()).isEqualTo("Ali");
            assertThat(p.theme()).isEqualTo("Axe 1");
            assertThat(p.result()).isEqualTo("en attente");
        });
        assertThat(vm.projectTitleProperty().get()).as("the form is emptied").isEmpty();

        // edit: both in the team, defended and passed
        vm.editProject(vm.projects().getFirst());
        assertThat(vm.team()).extracting(c -> c.label()).containsExactly("Ali");
        vm.team().setAll(vm.participantChoices());
        vm.projectReformProperty().set(vm.reformChoices().stream().filter(c -> "gst".equals(c.value())).findFirst().orElseThrow());
        vm.projectDefenceProperty().set("25/06/2027");
        vm.projectResultProperty().set(vm.resultChoices().stream().filter(c -> "passed".equals(c.value())).findFirst().orElseThrow());
        assertThat(vm.saveProject().toCompletableFuture().join()).isTrue();
        assertThat(vm.projects()).singleElement().satisfies(p -> {
            assertThat(p.team()).isEqualTo("Ali, Badia");
            assertThat(p.theme()).isEqualTo("Axe 1 · Groupements sanitaires territoriaux");
            assertThat(p.defence()).isEqualTo("25/06/2027");
            assertThat(p.result()).isEqualTo("validé");
        });
        assertThat(vm.projectCountsProperty().get()).isEqualTo("1 projet(s) collectif(s), 1 soutenu(s), 1 validé(s).");
        history.undo(TrainingOutcomesViewModelTest::fail);
        assertThat(vm.projects()).singleElement().satisfies(p -> {
            assertThat(p.team()).isEqualTo("Ali");
            assertThat(p.result()).isEqualTo("en attente");
        });
        history.redo(TrainingOutcomesViewModelTest::fail);

        // delete, then Ctrl+Z brings it back with its team
        assertThat(vm.deleteProject(vm.projects().getFirst()).toCompletableFuture().join()).isTrue();
        assertThat(vm.projects()).isEmpty();
        history.undo(TrainingOutcomesViewModelTest::fail);
        assertThat(vm.projects()).singleElement().satisfies(p -> assertThat(p.team()).isEqualTo("Ali, Badia"));
        // and the creation undone: the project is soft-deleted
        history.undo(TrainingOutcomesViewModelTest::fail);
        history.undo(TrainingOutcomesViewModelTest::fail);
        assertThat(vm.projects()).isEmpty();
        assertThat(dsl.selectFrom(TRAINING_PROJECT).fetchOne().getDeleted()).isTrue();
    }
}
