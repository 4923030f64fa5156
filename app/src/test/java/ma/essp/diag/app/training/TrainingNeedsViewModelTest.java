package ma.essp.diag.app.training;

import static ma.essp.diag.database.jooq.Tables.CIRCONSCRIPTION;
import static ma.essp.diag.database.jooq.Tables.CIRCONSCRIPTION_FUNCTION;
import static ma.essp.diag.database.jooq.Tables.ESSP;
import static ma.essp.diag.database.jooq.Tables.STAFF_POSITION;
import static ma.essp.diag.database.jooq.Tables.TRAINING_COHORT;
import static ma.essp.diag.database.jooq.Tables.TRAINING_PARTICIPANT;
import static ma.essp.diag.database.jooq.Tables.TRAINING_PROGRAMME;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.task.CurrentThreadTaskExecutor;
import ma.essp.diag.app.training.TrainingViewModel.NeedRow;
import ma.essp.diag.database.jooq.tables.records.CirconscriptionFunctionRecord;
import ma.essp.diag.database.jooq.tables.records.StaffPositionRecord;
import ma.essp.diag.database.jooq.tables.records.TrainingCohortRecord;
import ma.essp.diag.database.jooq.tables.records.TrainingProgrammeRecord;
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
 * The needs tab without a window, French. Tanger Médina does not hold planning and partly holds supervision; its ESSP
 * has two heads on record (Dr Amal Idrissi, "Médecin chef"; Omar Tazi, "Major") and a nurse (not a head). One short
 * course PSP, one cohort of one seat. The proposals list both heads for PSP and enrols nobody by itself; accepting Amal
 * enrols her (Ctrl+Z takes it back, Ctrl+Y again); accepting her twice or Omar past the one seat is refused with the
 * rule's words and nothing is written.
 */
class TrainingNeedsViewModelTest {

    @TempDir
    Path dir;
    private MissionFile mission;
    private DSLContext dsl;
    private TrainingViewModel vm;

    @BeforeEach
    void setUp() throws Exception {
        mission = FixtureMission.create(dir.resolve("m.essp"));
        dsl = mission.dsl();
        EditContext edit = EditContext.system("test");
        int medina = dsl.select(CIRCONSCRIPTION.ID).from(CIRCONSCRIPTION).where(CIRCONSCRIPTION.CODE.eq("C-TNG-1")).fetchOne().value1();
        function(dsl, edit, medina, "planning", "not_held");
        function(dsl, edit, medina, "supervision", "partial");
        int essp = dsl.select(ESSP.ID).from(ESSP).where(ESSP.CIRCONSCRIPTION_ID.eq(medina).and(ESSP.DELETED.isFalse()))
                .orderBy(ESSP.ID).limit(1).fetchOne().value1();
        staff(dsl, edit, essp, "Dr Amal Idrissi", "Médecin chef", "doctor_gp");
        staff(dsl, edit, essp, "Omar Tazi", "Major", "nurse");
        staff(dsl, edit, essp, "Nadia Berrada", "Infirmière polyvalente", "nurse");
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
        c.setSeats(1);
        SyncedRows.insert(dsl, edit, c);
        vm = new TrainingViewModel(new TrainingRepository(dsl), edit, new CurrentThreadTaskExecutor(), new I18n(I18n.FRENCH));
        vm.load();
    }

    private static void function(DSLContext dsl, EditContext edit, int circonscription, String code, String held) {
        CirconscriptionFunctionRecord f = dsl.newRecord(CIRCONSCRIPTION_FUNCTION);
        f.setCirconscriptionId(circonscription);
        f.setFunctionCode(code);
        f.setHeld(held);
        SyncedRows.insert(dsl, edit, f);
    }

    private static void staff(DSLContext dsl, EditContext edit, int essp, String name, String job, String cadre) {
        StaffPositionRecord s = dsl.newRecord(STAFF_POSITION);
        s.setEsspId(essp);
        s.setCadreCode(cadre);
        s.setHolderName(name);
        s.setJobTitle(job);
        SyncedRows.insert(dsl, edit, s);
    }

    @AfterEach
    void tearDown() {
        mission.close();
    }

    private static void fail(Throwable e) {
        throw new AssertionError(e);
    }

    private NeedRow row(String name) {
        return vm.needs().stream().filter(r -> r.person().startsWith(name)).findFirst().orElseThrow();
    }

    private int participants() {
        return dsl.fetchCount(TRAINING_PARTICIPANT, TRAINING_PARTICIPANT.DELETED.isFalse());
    }

    @Test
    void proposalsListTheHeadsAndEnrolNobodyByThemselves() {
        assertThat(vm.needs()).as(vm.needs().toString()).filteredOn(r -> r.proposal() != null)
                .extracting(r -> r.person().substring(0, r.person().indexOf(" — ")))
                .containsExactly("Dr Amal Idrissi", "Omar Tazi");
        NeedRow amal = row("Dr Amal Idrissi");
        assertThat(amal.unitName()).isEqualTo("Circonscription Tanger Médina");
        assertThat(amal.course()).isEqualTo("PSP");
        assertThat(amal.status()).isEqualTo("proposé");
        assertThat(amal.functions()).isEqualTo("Planification (non assurée), Supervision (partielle)");
        assertThat(participants()).as("never enrolled silently").isZero();
    }

    @Test
    void acceptingEnrolsUndoTakesItBackTwiceAndPastTheSeatsAreRefused() {
        vm.acceptProposal(row("Dr Amal Idrissi"));
        assertThat(participants()).isEqualTo(1);
        assertThat(dsl.selectFrom(TRAINING_PARTICIPANT).fetchOne().getStaffPositionId()).isNotNull();
        assertThat(row("Dr Amal Idrissi").status()).isEqualTo("déjà inscrit");
        assertThat(vm.history().descriptionProperty().get()).isEqualTo("inscription de Dr Amal Idrissi");

        vm.acceptProposal(row("Dr Amal Idrissi"));
        assertThat(vm.needsMessageProperty().get()).isEqualTo("Dr Amal Idrissi est déjà dans cette cohorte. Rien n’a été enregistré.");
        vm.acceptProposal(row("Omar Tazi"));
        assertThat(vm.needsMessageProperty().get()).isEqualTo("Les 1 places de la cohorte sont prises. Rien n’a été enregistré.");
        assertThat(participants()).isEqualTo(1);

        vm.history().undo(TrainingNeedsViewModelTest::fail);
        assertThat(participants()).isZero();
        assertThat(dsl.selectFrom(TRAINING_PARTICIPANT).fetchOne().getDeleted()).as("soft-deleted").isTrue();
        assertThat(row("Dr Amal Idrissi").status()).isEqualTo("proposé");
        vm.history().redo(TrainingNeedsViewModelTest::fail);
        assertThat(participants()).isEqualTo(1);
        assertThat(dsl.selectFrom(TRAINING_PARTICIPANT).fetchOne().getVersion()).isEqualTo(3);
    }
}
