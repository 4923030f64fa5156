package ma.essp.diag.app.training;

import static ma.essp.diag.database.jooq.Tables.ESSP;
import static ma.essp.diag.database.jooq.Tables.STAFF_POSITION;
import static ma.essp.diag.database.jooq.Tables.TRAINING_ATTENDANCE;
import static ma.essp.diag.database.jooq.Tables.TRAINING_COHORT;
import static ma.essp.diag.database.jooq.Tables.TRAINING_COST;
import static ma.essp.diag.database.jooq.Tables.TRAINING_PARTICIPANT;
import static ma.essp.diag.database.jooq.Tables.TRAINING_PROGRAMME;
import static ma.essp.diag.database.jooq.Tables.TRAINING_SESSION;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.task.CurrentThreadTaskExecutor;
import ma.essp.diag.app.ui.FilterChoice;
import ma.essp.diag.database.jooq.tables.records.StaffPositionRecord;
import ma.essp.diag.database.jooq.tables.records.TrainingAttendanceRecord;
import ma.essp.diag.database.jooq.tables.records.TrainingCohortRecord;
import ma.essp.diag.database.jooq.tables.records.TrainingCostRecord;
import ma.essp.diag.database.jooq.tables.records.TrainingParticipantRecord;
import ma.essp.diag.database.jooq.tables.records.TrainingProgrammeRecord;
import ma.essp.diag.database.jooq.tables.records.TrainingSessionRecord;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.repository.SyncedRows;
import ma.essp.diag.database.repository.TrainingRepository;
import ma.essp.diag.database.testing.FixtureMission;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Editing the plan without a window, French: cohort "Tanger 2027" (1 March – 30 June 2027, 3 seats) with session
 * "Module 1" (8–9 March, 12 h), two participants (Amina attended 10 h of it) and a cost line. Bad edits are refused with
 * their words and leave the rows as they were; good ones are undone and redone through the area's history.
 */
class TrainingPlanEditingTest {

    @TempDir
    Path dir;
    private MissionFile mission;
    private DSLContext dsl;
    private TrainingViewModel vm;
    private TrainingPlanEditing editing;
    private int cohort;
    private int session;
    private int amina;

    @BeforeEach
    void setUp() throws Exception {
        mission = FixtureMission.create(dir.resolve("m.essp"));
        dsl = mission.dsl();
        EditContext edit = EditContext.system("test");
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
        c.setSeats(3);
        cohort = SyncedRows.insert(dsl, edit, c);
        TrainingSessionRecord s = dsl.newRecord(TRAINING_SESSION);
        s.setCohortId(cohort);
        s.setTitle("Module 1");
        s.setStartsOn(LocalDate.parse("2027-03-08"));
        s.setEndsOn(LocalDate.parse("2027-03-09"));
        s.setHours(12.0);
        session = SyncedRows.insert(dsl, edit, s);
        amina = participant(edit, "Amina Alaoui", "f");
        participant(edit, "Omar Bennani", "m");
        TrainingAttendanceRecord a = dsl.newRecord(TRAINING_ATTENDANCE);
        a.setSessionId(session);
        a.setParticipantId(amina);
        a.setPresent(true);
        a.setHoursAttended(10.0);
        SyncedRows.insert(dsl, edit, a);
        TrainingCostRecord k = dsl.newRecord(TRAINING_COST);
        k.setCohortId(cohort);
        k.setItem("venue");
        k.setUnit("venue_day");
        k.setUnitCostMad(4000.0);
        k.setUnits(2.0);
        k.setAmountMad(8000.0);
        k.setKind("planned");
        SyncedRows.insert(dsl, edit, k);
        vm = new TrainingViewModel(new TrainingRepository(dsl), edit, new CurrentThreadTaskExecutor(), new I18n(I18n.FRENCH));
        vm.load();
        editing = vm.editing();
    }

    private int participant(EditContext edit, String name, String gender) {
        TrainingParticipantRecord r = dsl.newRecord(TRAINING_PARTICIPANT);
        r.setCohortId(cohort);
        r.setFullName(name);
        r.setGender(gender);
        return SyncedRows.insert(dsl, edit, r);
    }

    @AfterEach
    void tearDown() {
        mission.close();
    }

    private static void fail(Throwable e) {
        throw new AssertionError(e);
    }

    /** Amina works at CSU Médina (E001, region 1), Omar at CSU Anfa (E005, Casablanca-Settat); a nurse of CSU Souani (E001's circonscription) is on record. */
    private int placeParticipantsAndANurse() {
        dsl.update(TRAINING_PARTICIPANT).set(TRAINING_PARTICIPANT.ESSP_ID, esspId("E001")).where(TRAINING_PARTICIPANT.ID.eq(amina)).execute();
        dsl.update(TRAINING_PARTICIPANT).set(TRAINING_PARTICIPANT.ESSP_ID, esspId("E005")).where(TRAINING_PARTICIPANT.ID.ne(amina)).execute();
        StaffPositionRecord nurse = dsl.newRecord(STAFF_POSITION);
        nurse.setEsspId(esspId("E002"));
        nurse.setCadreCode("nurse");
        nurse.setHolderName("Salma Idrissi");
        nurse.setGender("f");
        return SyncedRows.insert(dsl, EditContext.system("test"), nurse);
    }

    private int esspId(String code) {
        return dsl.select(ESSP.ID).from(ESSP).where(ESSP.CODE.eq(code)).fetchOne(ESSP.ID);
    }

    private FilterChoice region(int id) {
        return editing.regions().stream().filter(r -> r.value().equals(String.valueOf(id))).findFirst().orElseThrow();
    }

    @Test
    void genderBalancePerRegionAndAFullQuotaRefusesOneMoreFromTheRegion() {
        int nurse = placeParticipantsAndANurse();
        vm.load();
        assertThat(editing.genderSummaryProperty().get())
                .isEqualTo("2 participants : 1 femmes, 1 hommes, 0 sans genre indiqué · part des femmes 50 %");
        assertThat(editing.balance()).extracting(TrainingPlanEditing.BalanceRow::region, TrainingPlanEditing.BalanceRow::quota,
                        TrainingPlanEditing.BalanceRow::participants, TrainingPlanEditing.BalanceRow::womenShare)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Tanger-Tétouan-Al Hoceima", "—", "1", "100 %"),
                        org.assertj.core.groups.Tuple.tuple("Casablanca-Settat", "—", "1", "0 %"));

        editing.quotaRegionProperty().set(region(1));
        editing.quotaSeatsProperty().set("0");
        assertThat(editing.saveQuota().toCompletableFuture().join()).isFalse();
        assertThat(editing.quotaMessageProperty().get()).startsWith("La cohorte compte déjà 1 participants");
        editing.quotaSeatsProperty().set("1");
        assertThat(editing.saveQuota().toCompletableFuture().join()).isTrue();
        assertThat(editing.balance().getFirst().quota()).isEqualTo("1 (atteint)");

        // Salma works in region 1, whose quota is reached: refused, nothing written (seats are left: 3 > 2)
        vm.searchCandidates();
        var salma = vm.candidates().stream().filter(c -> c.candidate().positionId() == nurse).findFirst().orElseThrow();
        vm.addParticipant(salma);
        assertThat(vm.participantMessageProperty().get())
                .isEqualTo("Le quota de places de sa région est atteint dans cette cohorte. Rien n’a été enregistré.");
        assertThat(vm.attendance()).hasSize(2);

        // Ctrl+Z removes the quota: Salma can now be enrolled; Ctrl+Y sets it again
        vm.history().undo(TrainingPlanEditingTest::fail);
        assertThat(editing.balance().getFirst().quota()).isEqualTo("—");
        vm.history().redo(TrainingPlanEditingTest::fail);
        assertThat(editing.balance().getFirst().quota()).isEqualTo("1 (atteint)");
        editing.quotaRegionProperty().set(region(1));
        editing.quotaSeatsProperty().set("2");
        assertThat(editing.saveQuota().toCompletableFuture().join()).isTrue();
        vm.addParticipant(salma);
        assertThat(vm.attendance()).hasSize(3);
        assertThat(editing.balance().getFirst().participants()).isEqualTo("2");
        assertThat(editing.balance().getFirst().quota()).isEqualTo("2 (atteint)");
        assertThat(editing.genderSummaryProperty().get()).endsWith("part des femmes 67 %");
    }

    @Test
    void theCohortFormShowsTheChosenCohort() {
        assertThat(editing.cohortNameProperty().get()).isEqualTo("Tanger 2027");
        assertThat(editing.cohortStartProperty().get()).isEqualTo("01/03/2027");
        assertThat(editing.cohortEndProperty().get()).isEqualTo("30/06/2027");
        assertThat(editing.cohortSeatsProperty().get()).isEqualTo("3");
        assertThat(editing.cohortStatusProperty().get().value()).isEqualTo("planned");
    }

    @Test
    void badCohortEditsAreRefusedWithTheirWordsAndNothingSaved() {
        editing.cohortSeatsProperty().set("1");
        assertThat(editing.saveCohort().toCompletableFuture().join()).isFalse();
        assertThat(editing.cohortMessageProperty().get())
                .isEqualTo("La cohorte compte déjà 2 participants : pas moins de places. Rien n’a été enregistré.");
        editing.cohortSeatsProperty().set("3");
        editing.cohortStartProperty().set("09/03/2027"); // Module 1 starts on the 8th
        assertThat(editing.saveCohort().toCompletableFuture().join()).isFalse();
        assertThat(editing.cohortMessageProperty().get()).startsWith("1 séance(s) sortiraient de ces dates");
        editing.cohortStartProperty().set("01/07/2027");
        assertThat(editing.saveCohort().toCompletableFuture().join()).isFalse();
        assertThat(editing.cohortMessageProperty().get()).isEqualTo("La fin est avant le début. Rien n’a été enregistré.");
        editing.cohortStartProperty().set("1er mars");
        assertThat(editing.saveCohort().toCompletableFuture().join()).isFalse();
        editing.cohortStartProperty().set("01/03/2027");
        editing.cohortNameProperty().set("  ");
        assertThat(editing.saveCohort().toCompletableFuture().join()).isFalse();
        var row = dsl.selectFrom(TRAINING_COHORT).fetchOne();
        assertThat(row.getVersion()).as("nothing written").isEqualTo(1);
        assertThat(vm.history().availableProperty().get()).isFalse();
    }

    @Test
    void aCohortEditIsUndoneToThePreviousValuesThenRedone() {
        editing.cohortNameProperty().set("Tanger-Tétouan 2027");
        editing.cohortSeatsProperty().set("25");
        editing.cohortEndProperty().set("31/07/2027");
        editing.cohortStatusProperty().set(editing.statusChoices().stream().filter(s -> s.value().equals("running"))
                .findFirst().orElseThrow());
        assertThat(editing.saveCohort().toCompletableFuture().join()).isTrue();
        var row = dsl.selectFrom(TRAINING_COHORT).fetchOne();
        assertThat(row.getName()).isEqualTo("Tanger-Tétouan 2027");
        assertThat(row.getSeats()).isEqualTo(25);
        assertThat(row.getEndsOn()).isEqualTo(LocalDate.parse("2027-07-31"));
        assertThat(row.getStatus()).isEqualTo("running");
        assertThat(vm.cohorts().getFirst().label()).endsWith("Tanger-Tétouan 2027");
        assertThat(vm.history().descriptionProperty().get()).isEqualTo("modification de la cohorte « Tanger 2027 »");

        vm.history().undo(TrainingPlanEditingTest::fail);
        row = dsl.selectFrom(TRAINING_COHORT).fetchOne();
        assertThat(row.getName()).isEqualTo("Tanger 2027");
        assertThat(row.getSeats()).isEqualTo(3);
        assertThat(row.getStatus()).isEqualTo("planned");
        assertThat(row.getVersion()).isEqualTo(3);
        assertThat(editing.cohortNameProperty().get()).as("the form follows").isEqualTo("Tanger 2027");

        vm.history().redo(TrainingPlanEditingTest::fail);
        row = dsl.selectFrom(TRAINING_COHORT).fetchOne();
        assertThat(row.getName()).isEqualTo("Tanger-Tétouan 2027");
        assertThat(row.getVersion()).isEqualTo(4);
    }

    @Test
    void aSessionEditIsCheckedThenUndone() {
        editing.editSession(session);
        assertThat(editing.sessionTitleProperty().get()).isEqualTo("Module 1");
        assertThat(editing.sessionHoursProperty().get()).isEqualTo("12");
        editing.sessionHoursProperty().set("0");
        assertThat(editing.saveSession().toCompletableFuture().join()).isFalse();
        assertThat(editing.sessionMessageProperty().get()).isEqualTo("Une séance compte plus de 0 heure. Rien n’a été enregistré.");
        editing.sessionHoursProperty().set("8");
        assertThat(editing.saveSession().toCompletableFuture().join()).isFalse();
        assertThat(editing.sessionMessageProperty().get()).as("Amina attended 10 h").startsWith("Un participant a déjà suivi 10 h");
        editing.sessionHoursProperty().set("14");
        editing.sessionEndProperty().set("01/07/2027");
        assertThat(editing.saveSession().toCompletableFuture().join()).isFalse();
        assertThat(editing.sessionMessageProperty().get())
                .isEqualTo("La séance sort des dates de la cohorte (01/03/2027 – 30/06/2027). Rien n’a été enregistré.");
        assertThat(dsl.selectFrom(TRAINING_SESSION).fetchOne().getVersion()).isEqualTo(1);

        editing.sessionEndProperty().set("10/03/2027");
        editing.sessionTitleProperty().set("Module 1 : diagnostic");
        assertThat(editing.saveSession().toCompletableFuture().join()).isTrue();
        assertThat(editing.editedSessionProperty().get()).as("the form closes").isEqualTo(-1);
        assertThat(vm.sessions()).extracting(TrainingViewModel.SessionRow::title).containsExactly("Module 1 : diagnostic");
        assertThat(vm.sessions().getFirst().hours()).isEqualTo("14 h");

        vm.history().undo(TrainingPlanEditingTest::fail);
        var row = dsl.selectFrom(TRAINING_SESSION).fetchOne();
        assertThat(row.getTitle()).isEqualTo("Module 1");
        assertThat(row.getHours()).isEqualTo(12.0);
        assertThat(row.getEndsOn()).isEqualTo(LocalDate.parse("2027-03-09"));
        vm.history().redo(TrainingPlanEditingTest::fail);
        assertThat(dsl.selectFrom(TRAINING_SESSION).fetchOne().getTitle()).isEqualTo("Module 1 : diagnostic");
    }

    @Test
    void aDeletedSessionAndARemovedParticipantComeBackWithCtrlZ() {
        assertThat(editing.removeParticipant(amina).toCompletableFuture().join()).isTrue();
        assertThat(vm.attendance()).extracting(TrainingViewModel.AttendanceRow::name).containsExactly("Omar Bennani");
        assertThat(vm.history().descriptionProperty().get()).isEqualTo("retrait de Amina Alaoui de la cohorte");
        assertThat(editing.deleteSession(session).toCompletableFuture().join()).isTrue();
        assertThat(vm.sessions()).isEmpty();
        assertThat(dsl.selectFrom(TRAINING_SESSION).fetchOne().getDeleted()).as("soft").isTrue();

        vm.history().undo(TrainingPlanEditingTest::fail);
        assertThat(vm.sessions()).hasSize(1);
        vm.history().undo(TrainingPlanEditingTest::fail);
        assertThat(vm.attendance()).extracting(TrainingViewModel.AttendanceRow::name)
                .containsExactly("Amina Alaoui", "Omar Bennani");
        assertThat(vm.attendance().getFirst().total()).as("her hours came back with her").isEqualTo("10 h");
        vm.history().redo(TrainingPlanEditingTest::fail);
        assertThat(vm.attendance()).hasSize(1);
    }

    @Test
    void aDeletedCohortTakesItsRowsAndComesBackWithThemAllOrNone() {
        assertThat(editing.deleteCohort().toCompletableFuture().join()).isTrue();
        assertThat(vm.cohorts()).isEmpty();
        assertThat(dsl.fetchCount(TRAINING_SESSION, TRAINING_SESSION.DELETED.isFalse())).isZero();
        assertThat(dsl.fetchCount(TRAINING_PARTICIPANT, TRAINING_PARTICIPANT.DELETED.isFalse())).isZero();
        assertThat(dsl.fetchCount(TRAINING_COST, TRAINING_COST.DELETED.isFalse())).isZero();
        assertThat(vm.history().descriptionProperty().get()).isEqualTo("suppression de la cohorte « Tanger 2027 »");

        vm.history().undo(TrainingPlanEditingTest::fail);
        assertThat(vm.cohorts()).hasSize(1);
        assertThat(vm.sessions()).hasSize(1);
        assertThat(vm.attendance()).hasSize(2);
        assertThat(vm.costs()).hasSize(1);

        vm.history().redo(TrainingPlanEditingTest::fail);
        assertThat(vm.cohorts()).isEmpty();
        assertThat(dsl.selectFrom(TRAINING_COHORT).fetchOne().getVersion()).as("deleted, restored, deleted").isEqualTo(4);
    }
}
