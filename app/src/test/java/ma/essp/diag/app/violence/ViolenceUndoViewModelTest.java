package ma.essp.diag.app.violence;

import static ma.essp.diag.database.jooq.Tables.CIRCONSCRIPTION;
import static ma.essp.diag.database.jooq.Tables.ESSP;
import static ma.essp.diag.database.jooq.Tables.PERPETRATOR_CARE_PERIOD;
import static ma.essp.diag.database.jooq.Tables.PERPETRATOR_CARE_REFERRAL;
import static ma.essp.diag.database.jooq.Tables.PERPETRATOR_CARE_SITE;
import static ma.essp.diag.database.jooq.Tables.PERPETRATOR_CARE_STAFF;
import static ma.essp.diag.database.jooq.Tables.PERPETRATOR_CARE_STAGE;
import static ma.essp.diag.database.jooq.Tables.STAFF_POSITION;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.task.CurrentThreadTaskExecutor;
import ma.essp.diag.app.ui.EditHistory;
import ma.essp.diag.app.ui.FilterChoice;
import ma.essp.diag.database.jooq.tables.records.PerpetratorCarePeriodRecord;
import ma.essp.diag.database.jooq.tables.records.PerpetratorCareSiteRecord;
import ma.essp.diag.database.jooq.tables.records.StaffPositionRecord;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.repository.PerpetratorCareRepository;
import ma.essp.diag.database.repository.SyncedRows;
import ma.essp.diag.database.testing.FixtureMission;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every write of the Violence area goes into its EditHistory (Ctrl+Z / Ctrl+Y), without a window, in French: a site
 * identified on 5 January 2026 in E001's province, a staff record of E001 (Amina Alaoui) to pick. Each undo and redo is
 * a versioned write (the version goes up by one each time), read back from the file.
 */
class ViolenceUndoViewModelTest {

    @TempDir
    Path dir;
    MissionFile mission;
    DSLContext dsl;
    ViolenceViewModel vm;
    EditHistory history;
    int provinceId;
    int siteId;

    @BeforeEach
    void setUp() throws Exception {
        mission = FixtureMission.create(dir.resolve("m.essp"));
        dsl = mission.dsl();
        EditContext edit = EditContext.system("tester");
        var essp = dsl.selectFrom(ESSP).where(ESSP.CODE.eq("E001")).fetchOne();
        provinceId = dsl.select(CIRCONSCRIPTION.PROVINCE_ID).from(CIRCONSCRIPTION)
                .where(CIRCONSCRIPTION.ID.eq(essp.getCirconscriptionId())).fetchOne(CIRCONSCRIPTION.PROVINCE_ID);
        StaffPositionRecord position = dsl.newRecord(STAFF_POSITION);
        position.setEsspId(essp.getId());
        position.setCadreCode("doctor_gp");
        position.setHolderName("Amina Alaoui");
        SyncedRows.insert(dsl, edit, position);
        siteId = new PerpetratorCareRepository(dsl).addSite(edit, "Consultation Médina", provinceId, essp.getId(),
                LocalDate.parse("2026-01-05"));
        vm = new ViolenceViewModel(new PerpetratorCareRepository(dsl), edit, new CurrentThreadTaskExecutor(),
                new I18n(Locale.FRENCH), LocalDate.parse("2026-06-30"), history = new EditHistory(new CurrentThreadTaskExecutor()));
        vm.load();
        vm.selectedProperty().set(vm.sites().stream().filter(s -> s.id() == siteId).findFirst().orElseThrow());
    }

    @AfterEach
    void tearDown() {
        mission.close();
    }

    private void undo() {
        history.undo(e -> { throw new AssertionError(e); });
    }

    private void redo() {
        history.redo(e -> { throw new AssertionError(e); });
    }

    private PerpetratorCareSiteRecord site() {
        return dsl.fetchOne(PERPETRATOR_CARE_SITE, PERPETRATOR_CARE_SITE.ID.eq(siteId));
    }

    private int liveStaff() {
        return dsl.fetchCount(PERPETRATOR_CARE_STAFF, PERPETRATOR_CARE_STAFF.DELETED.isFalse());
    }

    private PerpetratorCarePeriodRecord period() {
        return dsl.fetchOne(PERPETRATOR_CARE_PERIOD);
    }

    private void addTrainedAmina() {
        vm.searchProperty().set("Amina");
        vm.searchCandidates();
        vm.trainedOnProperty().set("20/01/2026");
        vm.addStaff(vm.candidates().getFirst());
    }

    private void typePeriod(String start, String end, String followed) {
        vm.periodStartProperty().set(start);
        vm.periodEndProperty().set(end);
        vm.followedProperty().set(followed);
        vm.savePeriod();
    }

    @Test
    void trainedStaffAddedAndRemovedAreUndoneAndRedone() {
        addTrainedAmina();
        assertThat(liveStaff()).isEqualTo(1);
        assertThat(vm.staff()).extracting(ViolenceViewModel.StaffRow::name).containsExactly("Amina Alaoui");
        assertThat(history.descriptionProperty().get()).isEqualTo("ajout de Amina Alaoui au personnel formé");
        int staffId = vm.staff().getFirst().id();

        undo();
        assertThat(liveStaff()).isZero();
        assertThat(vm.staff()).isEmpty();
        var row = dsl.fetchOne(PERPETRATOR_CARE_STAFF, PERPETRATOR_CARE_STAFF.ID.eq(staffId));
        assertThat(row.getDeleted()).isTrue();
        assertThat(row.getVersion()).isEqualTo(2);
        redo();
        assertThat(liveStaff()).isEqualTo(1);
        assertThat(dsl.fetchOne(PERPETRATOR_CARE_STAFF, PERPETRATOR_CARE_STAFF.ID.eq(staffId)).getVersion()).isEqualTo(3);

        // removed from the list, then put back by Ctrl+Z (the same row, not a copy)
        vm.deleteStaff(vm.staff().getFirst());
        assertThat(liveStaff()).isZero();
        assertThat(history.descriptionProperty().get()).isEqualTo("retrait de Amina Alaoui du personnel formé");
        undo();
        assertThat(vm.staff()).extracting(ViolenceViewModel.StaffRow::id).containsExactly(staffId);
        assertThat(dsl.fetchOne(PERPETRATOR_CARE_STAFF, PERPETRATOR_CARE_STAFF.ID.eq(staffId)).getVersion()).isEqualTo(5);
        assertThat(dsl.fetchCount(PERPETRATOR_CARE_STAFF)).isEqualTo(1);
    }

    @Test
    void aStageMoveIsUndoneToTheStageAndDateBeforeThenRedoneThroughTheGate() {
        addTrainedAmina();
        vm.nextStageProperty().set(vm.stages().stream().filter(c -> c.value().equals("staff_trained")).findFirst().orElseThrow());
        vm.stageDateProperty().set("01/02/2026");
        vm.moveStage();
        assertThat(site().getStage()).isEqualTo("staff_trained");
        assertThat(site().getVersion()).isEqualTo(2);
        assertThat(vm.stageNowProperty().get()).isEqualTo("Étape actuelle : personnel formé (Préparation) depuis le 01/02/2026");
        assertThat(history.descriptionProperty().get())
                .isEqualTo("passage de " + vm.sites().getFirst().name() + " à l’étape « personnel formé »");
        assertThat(vm.sites().getFirst().name()).startsWith("Consultation Médina (");

        undo();
        assertThat(site().getStage()).isEqualTo("identified");
        assertThat(site().getStageSince()).isEqualTo(LocalDate.parse("2026-01-05"));
        assertThat(site().getVersion()).isEqualTo(3);
        assertThat(dsl.fetchOne(PERPETRATOR_CARE_STAGE, PERPETRATOR_CARE_STAGE.STAGE.eq("staff_trained")).getReachedOn())
                .as("the stage the move reached: no longer reached").isNull();
        assertThat(vm.stageNowProperty().get()).isEqualTo("Étape actuelle : identifié (Exploration) depuis le 05/01/2026");
        assertThat(vm.steps()).extracting(ViolenceViewModel.StepRow::stage).containsExactly("identifié");

        redo();
        assertThat(site().getStage()).isEqualTo("staff_trained");
        assertThat(site().getStageSince()).isEqualTo(LocalDate.parse("2026-02-01"));
        assertThat(site().getVersion()).isEqualTo(4);
        assertThat(dsl.fetchOne(PERPETRATOR_CARE_STAGE, PERPETRATOR_CARE_STAGE.STAGE.eq("staff_trained")).getReachedOn())
                .isEqualTo(LocalDate.parse("2026-02-01"));

        // two levels: the move first, then the staff member's addition
        undo();
        undo();
        assertThat(site().getStage()).isEqualTo("identified");
        assertThat(liveStaff()).isZero();
    }

    @Test
    void periodsAddedEditedAndDeletedAndTheirReferralsAreUndoneAndRedone() {
        typePeriod("01/01/2026", "31/03/2026", "8");
        assertThat(vm.periodMessageProperty().get()).isEqualTo("Enregistré.");
        assertThat(period().getPatientsFollowed()).isEqualTo(8);
        assertThat(history.descriptionProperty().get()).startsWith("ajout de la période 01/01/2026 – 31/03/2026 de ");
        undo();
        assertThat(period().getDeleted()).isTrue();
        assertThat(vm.periods()).isEmpty();
        redo();
        assertThat(period().getDeleted()).isFalse();
        assertThat(period().getVersion()).isEqualTo(3);
        assertThat(vm.periods()).hasSize(1);

        // edited: 8 → 12 patients, undone to 8, redone to 12
        vm.periodProperty().set(vm.periods().getFirst());
        vm.followedProperty().set("12");
        vm.savePeriod();
        assertThat(period().getPatientsFollowed()).isEqualTo(12);
        assertThat(history.descriptionProperty().get()).startsWith("modification de la période 01/01/2026 – 31/03/2026 de ");
        undo();
        assertThat(period().getPatientsFollowed()).isEqualTo(8);
        assertThat(period().getVersion()).isEqualTo(5);
        assertThat(vm.followedProperty().get()).as("the form shows the period as it is again").isEqualTo("8");
        redo();
        assertThat(period().getPatientsFollowed()).isEqualTo(12);

        // referrals: 3 from justice, undone to none (0), redone
        vm.periodProperty().set(vm.periods().getFirst());
        vm.referralFields().get("justice").set("3");
        vm.saveReferrals();
        assertThat(dsl.fetchOne(PERPETRATOR_CARE_REFERRAL).getReferrals()).isEqualTo(3);
        undo();
        assertThat(dsl.fetchOne(PERPETRATOR_CARE_REFERRAL).getReferrals()).isZero();
        assertThat(vm.periods().getFirst().referrals()).isZero();
        redo();
        assertThat(dsl.fetchOne(PERPETRATOR_CARE_REFERRAL).getReferrals()).isEqualTo(3);

        // deleted, then put back with its referrals
        vm.periodProperty().set(vm.periods().getFirst());
        vm.deletePeriod();
        assertThat(vm.periods()).isEmpty();
        undo();
        assertThat(vm.periods()).extracting(ViolenceViewModel.PeriodRow::referrals).containsExactly(3L);
        assertThat(period().getPatientsFollowed()).isEqualTo(12);
    }

    @Test
    void aPeriodThatIsNotACalendarQuarterIsRefusedOnTheField() {
        typePeriod("01/02/2026", "30/04/2026", "5");
        assertThat(vm.periodMessageProperty().get()).isEqualTo(
                "Une période est un trimestre civil : celui de cette date de début va du 01/01/2026 au 31/03/2026. Rien n’a été enregistré.");
        assertThat(dsl.fetchCount(PERPETRATOR_CARE_PERIOD)).isZero();
        assertThat(history.availableProperty().get()).isFalse();
        // the quarter itself is written
        typePeriod("01/04/2026", "30/06/2026", "5");
        assertThat(dsl.fetchCount(PERPETRATOR_CARE_PERIOD)).isEqualTo(1);
    }

    @Test
    void anAddedSiteIsRemovedByCtrlZAndBackWithCtrlY() {
        vm.newSiteNameProperty().set("Service de psychiatrie — CHP");
        vm.newSiteProvinceProperty().set(vm.provinces().stream().filter(c -> c.value().equals(String.valueOf(provinceId)))
                .findFirst().orElseThrow());
        vm.newSiteKindProperty().set(vm.siteKinds().stream().filter(c -> c.value().equals("psychiatric_service"))
                .findFirst().orElseThrow());
        vm.addSite();
        assertThat(vm.sites()).hasSize(2);
        assertThat(history.descriptionProperty().get()).isEqualTo("ajout du site « Service de psychiatrie — CHP »");
        undo();
        assertThat(vm.sites()).extracting(ViolenceViewModel.SiteRow::id).containsExactly(siteId);
        assertThat(dsl.fetchCount(PERPETRATOR_CARE_SITE, PERPETRATOR_CARE_SITE.DELETED.isTrue())).isEqualTo(1);
        redo();
        assertThat(vm.sites()).hasSize(2);
        // a planned date, undone to none
        vm.plannedStageProperty().set(vm.stages().stream().filter(c -> c.value().equals("preparation")).findFirst().orElseThrow());
        vm.plannedDateProperty().set("01/09/2026");
        vm.savePlanned();
        assertThat(dsl.fetchOne(PERPETRATOR_CARE_STAGE, PERPETRATOR_CARE_STAGE.STAGE.eq("preparation")).getPlannedOn())
                .isEqualTo(LocalDate.parse("2026-09-01"));
        undo();
        assertThat(dsl.fetchOne(PERPETRATOR_CARE_STAGE, PERPETRATOR_CARE_STAGE.STAGE.eq("preparation")).getPlannedOn()).isNull();
    }
}
