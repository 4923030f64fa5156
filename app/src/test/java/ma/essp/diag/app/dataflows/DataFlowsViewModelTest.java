package ma.essp.diag.app.dataflows;

import static ma.essp.diag.database.jooq.Tables.CIRCONSCRIPTION;
import static ma.essp.diag.database.jooq.Tables.DATA_FLOW_OBSERVATION;
import static ma.essp.diag.database.jooq.Tables.ESSP;
import static ma.essp.diag.database.jooq.Tables.PROVINCE;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.task.CurrentThreadTaskExecutor;
import ma.essp.diag.app.ui.EditHistory;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.repository.DataFlowData;
import ma.essp.diag.database.repository.DataFlowRepository;
import ma.essp.diag.database.repository.MissionSettingsRepository;
import ma.essp.diag.database.repository.DataFlowRules.Field;
import ma.essp.diag.database.repository.StaleEditException;
import ma.essp.diag.reporting.dataflow.DataFlowFigures;
import ma.essp.diag.reporting.dataflow.DataFlowTable;
import ma.essp.diag.reporting.dataflow.DataVerification;
import ma.essp.diag.reporting.readiness.AggregationLevel;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data-flow view model on a small mission: province 01.511 (region 01), circonscription C1 with ESSPs E1 and E2,
 * one report type and its link essp → circonscription (re-keyed) and circonscription → central.
 * E1 2026-03: 1 expected, 1 received, on time; E2 2026-03: 1 expected, 0 received → 1 of 2 (50 %), on time 1 of 2.
 */
class DataFlowsViewModelTest {

    static final Clock TODAY = Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    private MissionFile mission;
    private DataFlowsViewModel vm;
    private int link;
    private DataFlowRepository flows;

    @BeforeEach
    void load() throws Exception {
        mission = MissionFile.create(dir.resolve("flows.essp"));
        DSLContext dsl = mission.dsl();
        EditContext edit = EditContext.system("test");
        Integer province = dsl.select(PROVINCE.ID).from(PROVINCE).where(PROVINCE.CODE.eq("01.511")).fetchOne(PROVINCE.ID);
        Integer region = dsl.select(PROVINCE.REGION_ID).from(PROVINCE).where(PROVINCE.ID.eq(province)).fetchOne(PROVINCE.REGION_ID);
        var c = dsl.newRecord(CIRCONSCRIPTION);
        c.setProvinceId(province);
        c.setCode("C1");
        c.setNameFr("Circonscription 1");
        c.setMilieu("urban");
        edit.stampNew(c).store();
        int[] essps = new int[2];
        for (int n = 1; n <= 2; n++) {
            var e = dsl.newRecord(ESSP);
            e.setCode("E" + n);
            e.setNameFr("ESSP " + n);
            e.setCategoryCode("CSU-1");
            e.setCirconscriptionId(c.getId());
            e.setMilieu("urban");
            edit.stampNew(e).store();
            essps[n - 1] = e.getId();
        }
        flows = new DataFlowRepository(dsl, edit);
        int type = flows.saveReportType(new DataFlowData.ReportType(0, 0, "ACT", "Activité", "Activity", null, "SNIS", "monthly", "paper"));
        link = flows.saveLink(new DataFlowData.Link(0, 0, type, "essp", "circonscription", region, null, "paper", 5, null, true, null));
        flows.saveLink(new DataFlowData.Link(0, 0, type, "circonscription", "central", region, null, "software", 10, "dhis2", false, null));
        flows.saveObservation(new DataFlowData.Observation(0, 0, link, essps[0], "2026-03", 1, 1, 1, null, null));
        flows.saveObservation(new DataFlowData.Observation(0, 0, link, essps[1], "2026-03", 1, 0, 0, null, null));
        vm = new DataFlowsViewModel(() -> new DataFlowsViewModel.Loaded(flows.load(), DataVerification.Band.ofMission(dsl)), flows,
                new MissionSettingsRepository(dsl, edit),
                new CurrentThreadTaskExecutor(), new I18n(I18n.FRENCH), TODAY);
        vm.load();
    }

    @AfterEach
    void close() {
        mission.close();
    }

    private DataFlowFigures.UnitRow row(String code) {
        return vm.rows().stream().filter(r -> r.unit().code().equals(code)).findFirst().orElseThrow();
    }

    private void drillTo(String... codes) {
        for (String code : codes) {
            assertThat(vm.drillDown(row(code))).isTrue();
        }
    }

    @Test
    void theNationThenDrillDownToTheEsspsWithTheCliNumbers() {
        assertThat(vm.rows()).hasSize(12).allMatch(r -> r.unit().level() == AggregationLevel.REGION);
        assertThat(vm.summaryProperty().get()).startsWith("Maroc — rapports reçus : 50,00 % (1 sur 2 attendus) ; reçus à temps : 50,00 %");
        // the same cells as essp-diag figures --level region
        List<String> cells = DataFlowTable.cells(row("01"), AggregationLevel.REGION, DataVerification.Band.DEFAULT);
        assertThat(cells.get(DataFlowTable.COLUMNS.indexOf("reporting_rate"))).isEqualTo("50.00");
        assertThat(vm.rate(row("01").rates().completeness())).isEqualTo("50,00 %");
        assertThat(vm.chains()).isEmpty(); // the nation: choose a region
        drillTo("01", "01.511", "C1");
        assertThat(vm.path()).hasSize(4);
        assertThat(vm.rows()).extracting(r -> r.unit().code()).containsExactly("E1", "E2");
        assertThat(vm.rate(row("E2").rates().completeness())).isEqualTo("0,00 %");
        assertThat(vm.drillDown(row("E1"))).isFalse(); // an ESSP has no children
        assertThat(vm.chains()).hasSize(1);
        DataFlowsViewModel.ChainLine chain = vm.chains().getFirst();
        assertThat(chain.complete()).isTrue();
        assertThat(chain.rekeying()).isEqualTo(1);
        assertThat(chain.steps()).extracting(DataFlowsViewModel.ChainStep::toolLabel).containsExactly("papier", "DHIS2");
        assertThat(chain.steps().getFirst().onTime()).isEqualTo(0.5);
        assertThat(vm.levelBars()).extracting(DataFlowsViewModel.LevelBar::level).containsExactly("essp");
        vm.goTo(0);
        assertThat(vm.path()).hasSize(1);
    }

    /**
     * A second type, VAC, its own link: E1 2026-03 2 expected, 3 received (counted 2), 1 on time; E2 2 expected,
     * 1 received, on time not recorded. Nation: ACT 1/2 = 50 %, on time 1/2, n 2; VAC 3/4 = 75 %, on time 1/2 (only
     * E1 recorded it), n 2; the same in C1, where every observation lies.
     */
    @Test
    void ratesByReportTypeForTheUnitShownNeverAboveAHundred() {
        var region = flows.load().links().getFirst().regionId();
        int vac = flows.saveReportType(new DataFlowData.ReportType(0, 0, "VAC", "Vaccination", "Vaccination", null, "PNI", "monthly", "paper"));
        int vacLink = flows.saveLink(new DataFlowData.Link(0, 0, vac, "essp", "circonscription", region, null, "paper", 5, null, false, null));
        int e1 = flows.load().essps().stream().filter(e -> e.code().equals("E1")).findFirst().orElseThrow().id();
        int e2 = flows.load().essps().stream().filter(e -> e.code().equals("E2")).findFirst().orElseThrow().id();
        flows.saveObservation(new DataFlowData.Observation(0, 0, vacLink, e1, "2026-03", 2, 3, 1, null, null));
        flows.saveObservation(new DataFlowData.Observation(0, 0, vacLink, e2, "2026-03", 2, 1, null, null, null));
        vm.load();
        assertThat(vm.typeLines()).extracting(t -> t.label() + " " + t.figures().expected() + " " + t.figures().received() + " "
                        + t.figures().onTime() + " " + vm.rate(t.figures().completeness()) + " " + vm.rate(t.figures().timeliness())
                        + " n=" + t.figures().observations())
                .containsExactly("ACT — Activité 2 1 1 50,00 % 50,00 % n=2", "VAC — Vaccination 4 3 1 75,00 % 50,00 % n=2");
        drillTo("01", "01.511", "C1");
        assertThat(vm.typeLines()).extracting(t -> t.code() + " " + vm.rate(t.figures().completeness()) + " "
                        + vm.rate(t.figures().timeliness()))
                .containsExactly("ACT 50,00 % 50,00 %", "VAC 75,00 % 50,00 %");
    }

    @Test
    void withoutALinkEveryOtherProblemIsShownToo() {
        vm.observationPeriodProperty().set("2027-01");
        vm.observationExpectedProperty().set("1");
        vm.observationReceivedProperty().set("2");
        assertThat(vm.saveObservation()).isFalse();
        assertThat(vm.errorProperty(Field.LINK).get()).isEqualTo("Choisissez un maillon connu");
        assertThat(vm.errorProperty(Field.PERIOD).get()).isEqualTo("Cette période n’a pas encore commencé");
        assertThat(vm.errorProperty(Field.RECEIVED).get()).isEqualTo("Plus de rapports reçus qu’attendus");
        assertThat(mission.dsl().fetchCount(DATA_FLOW_OBSERVATION)).isEqualTo(2);
    }

    @Test
    void aBadObservationIsRefusedOnItsFieldThenSavedOnceFixed() {
        drillTo("01");
        vm.observationLinkProperty().set(vm.links().stream().filter(l -> l.row().id() == link).findFirst().orElseThrow());
        vm.observationEsspProperty().set("E2");
        vm.observationPeriodProperty().set("2026-04");
        vm.observationExpectedProperty().set("1");
        vm.observationReceivedProperty().set("2");
        vm.observationOnTimeProperty().set("1");
        assertThat(vm.saveObservation()).isFalse();
        assertThat(vm.errorProperty(Field.RECEIVED).get()).isEqualTo("Plus de rapports reçus qu’attendus");
        assertThat(vm.statusProperty().get()).startsWith("Rien n’a été enregistré");
        assertThat(mission.dsl().fetchCount(DATA_FLOW_OBSERVATION)).isEqualTo(2);

        vm.observationPeriodProperty().set("2027-01");
        vm.observationReceivedProperty().set("1");
        assertThat(vm.saveObservation()).isFalse();
        assertThat(vm.errorProperty(Field.PERIOD).get()).isEqualTo("Cette période n’a pas encore commencé");
        assertThat(vm.errorProperty(Field.RECEIVED).get()).isEmpty();

        vm.observationPeriodProperty().set("2026-03");
        assertThat(vm.saveObservation()).isFalse();
        assertThat(vm.errorProperty(Field.PERIOD).get()).isEqualTo("Déjà saisi pour ce maillon, cette période et cet ESSP");

        vm.observationPeriodProperty().set("2026-04");
        vm.observationEsspProperty().set("E9");
        assertThat(vm.saveObservation()).isFalse();
        assertThat(vm.errorProperty(Field.ESSP).get()).isEqualTo("Code ESSP inconnu");

        vm.observationEsspProperty().set("E2");
        assertThat(vm.saveObservation()).isTrue();
        assertThat(vm.statusProperty().get()).isEqualTo("Enregistré.");
        assertThat(mission.dsl().fetchCount(DATA_FLOW_OBSERVATION)).isEqualTo(3);
        // the region now: 2 of 3 received, 2 of 3 on time
        assertThat(vm.summaryProperty().get()).contains("66,67 % (2 sur 3 attendus)");
        assertThat(vm.observations()).hasSize(3);
    }

    @Test
    void recountsGiveTheVerificationFactorAndReportedZeroIsNotComputable() {
        vm.recountEsspProperty().set("E1");
        vm.recountIndicatorProperty().set("CPN1");
        vm.recountMonthProperty().set("2026-03");
        vm.recountRecountedProperty().set("45");
        vm.recountReportedProperty().set("quarante");
        assertThat(vm.saveRecount()).isFalse();
        assertThat(vm.errorProperty(Field.REPORTED).get()).isEqualTo("Nombre entier attendu");
        vm.recountReportedProperty().set("50");
        vm.recountReasonProperty().set("transcription_error");
        assertThat(vm.saveRecount()).isTrue();
        vm.recountEsspProperty().set("E2");
        vm.recountRecountedProperty().set("7");
        vm.recountReportedProperty().set("0");
        assertThat(vm.saveRecount()).isTrue();
        assertThat(vm.summaryProperty().get()).contains("facteur de vérification : 1,040 (dans la bande, n = 2 lignes recomptées)");
        drillTo("01", "01.511", "C1");
        assertThat(vm.factor(row("E1").verification().factor())).isEqualTo("0,900");
        assertThat(vm.status(row("E2"))).isEqualTo("non calculable");
        assertThat(vm.factor(row("E2").verification().factor())).isEqualTo("—");
        assertThat(vm.vfBars()).filteredOn(b -> b.bin() == DataVerification.Bin.WITHIN).extracting(DataFlowsViewModel.VfBar::count)
                .containsExactly(1);
    }

    @Test
    void aLinkIsMadeNotRekeyedAndTheChainCountsIt() {
        drillTo("01");
        DataFlowsViewModel.Link first = vm.links().stream().filter(l -> l.row().id() == link).findFirst().orElseThrow();
        vm.editedLinkProperty().set(first);
        assertThat(vm.linkRekeyedProperty().get()).isTrue();
        vm.linkDeadlineProperty().set("-3");
        assertThat(vm.saveLink()).isFalse();
        assertThat(vm.errorProperty(Field.DEADLINE).get()).isEqualTo("Ne peut pas être négatif");
        vm.linkDeadlineProperty().set("7");
        vm.linkRekeyedProperty().set(false);
        vm.linkToolProperty().set("excel");
        assertThat(vm.saveLink()).isTrue();
        assertThat(vm.chains().getFirst().rekeying()).isZero();
        assertThat(vm.chains().getFirst().steps().getFirst().toolLabel()).isEqualTo("Excel");
    }

    private DataFlowData.Link linkRow() {
        return flows.load().links().stream().filter(l -> l.id() == link).findFirst().orElseThrow();
    }

    private static void fail(Throwable e) {
        throw new AssertionError(e);
    }

    @Test
    void aLinkEditIsUndoneToItsPreviousValuesThenRedone() {
        drillTo("01");
        vm.editedLinkProperty().set(vm.links().stream().filter(l -> l.row().id() == link).findFirst().orElseThrow());
        vm.linkDeadlineProperty().set("7");
        vm.linkRekeyedProperty().set(false);
        vm.linkToolProperty().set("excel");
        assertThat(vm.saveLink()).isTrue();
        assertThat(linkRow().version()).isEqualTo(2); // inserted (1), edited
        assertThat(vm.history().descriptionProperty().get()).startsWith("modification du lien ");

        vm.history().undo(DataFlowsViewModelTest::fail);
        DataFlowData.Link back = linkRow();
        assertThat(back.deadlineDays()).isEqualTo(5);
        assertThat(back.rekeyed()).isTrue();
        assertThat(back.tool()).isNull();
        assertThat(back.channel()).isEqualTo("paper");
        assertThat(back.version()).as("the undo is a versioned write").isEqualTo(3);
        assertThat(vm.chains().getFirst().rekeying()).as("the screen reloaded").isEqualTo(1);
        assertThat(vm.history().availableProperty().get()).isFalse();

        vm.history().redo(DataFlowsViewModelTest::fail);
        DataFlowData.Link again = linkRow();
        assertThat(again.deadlineDays()).isEqualTo(7);
        assertThat(again.rekeyed()).isFalse();
        assertThat(again.tool()).isEqualTo("excel");
        assertThat(again.version()).isEqualTo(4);
        assertThat(vm.chains().getFirst().rekeying()).isZero();
    }

    @Test
    void aNewObservationAndRecountAreUndoneByDeletingThemThenRedone() {
        drillTo("01");
        vm.observationLinkProperty().set(vm.links().stream().filter(l -> l.row().id() == link).findFirst().orElseThrow());
        vm.observationEsspProperty().set("E2");
        vm.observationPeriodProperty().set("2026-04");
        vm.observationExpectedProperty().set("1");
        vm.observationReceivedProperty().set("1");
        assertThat(vm.saveObservation()).isTrue();
        assertThat(vm.observations()).hasSize(3);
        vm.recountEsspProperty().set("E1");
        vm.recountIndicatorProperty().set("CPN1");
        vm.recountMonthProperty().set("2026-03");
        vm.recountRecountedProperty().set("45");
        vm.recountReportedProperty().set("50");
        assertThat(vm.saveRecount()).isTrue();
        assertThat(vm.recounts()).hasSize(1);
        assertThat(vm.history().descriptionProperty().get()).isEqualTo("saisie du recomptage CPN1 (2026-03)");

        vm.history().undo(DataFlowsViewModelTest::fail);
        assertThat(vm.recounts()).as("the recount undone: gone from the list").isEmpty();
        assertThat(vm.history().descriptionProperty().get()).startsWith("saisie de l’observation ").endsWith("(2026-04)");
        vm.history().undo(DataFlowsViewModelTest::fail);
        assertThat(vm.observations()).hasSize(2);
        var deleted = mission.dsl().selectFrom(DATA_FLOW_OBSERVATION).where(DATA_FLOW_OBSERVATION.PERIOD.eq("2026-04")).fetchOne();
        assertThat(deleted.getDeleted()).as("soft-deleted, not removed").isTrue();
        assertThat(deleted.getVersion()).isEqualTo(2);

        vm.history().redo(DataFlowsViewModelTest::fail);
        assertThat(vm.observations()).hasSize(3);
        vm.history().redo(DataFlowsViewModelTest::fail);
        assertThat(vm.recounts()).hasSize(1);
        assertThat(flows.load().recounts().getFirst().version()).isEqualTo(3); // inserted, deleted, restored
        assertThat(vm.history().redoAvailableProperty().get()).isFalse();
    }

    @Test
    void aChecklistWithAnUnknownUnitAndNothingObservedIsRefusedThenSavedScoredDeletedAndUndone() {
        drillTo("01");
        vm.checklistLevelProperty().set("circonscription");
        vm.checklistUnitProperty().set("C9");
        assertThat(vm.saveChecklist()).isFalse();
        assertThat(vm.errorProperty(Field.UNIT).get()).isEqualTo("Unité inconnue pour ce niveau");
        assertThat(vm.errorProperty(Field.ITEMS).get()).isEqualTo("Aucun élément observé");
        assertThat(flows.load().checklists()).as("nothing saved").isEmpty();

        // guidelines yes, tools no, trained staff yes, the two others not observed: 2 of 3
        vm.checklistUnitProperty().set("C1");
        vm.checklistItemProperty(0).set(true);
        vm.checklistItemProperty(1).set(false);
        vm.checklistItemProperty(2).set(true);
        assertThat(vm.saveChecklist()).isTrue();
        assertThat(vm.errorProperty(Field.UNIT).get()).isEmpty();
        assertThat(vm.checklists()).hasSize(1);
        assertThat(vm.history().descriptionProperty().get()).isEqualTo("saisie de la liste de contrôle Circonscription C1");
        // the ESSP E1: everything present, 5 of 5
        vm.checklistLevelProperty().set("essp");
        vm.checklistUnitProperty().set("E1");
        for (int i = 0; i < 5; i++) {
            vm.checklistItemProperty(i).set(true);
        }
        assertThat(vm.saveChecklist()).isTrue();
        assertThat(vm.levelScores()).extracting(DataFlowsViewModel.LevelScore::label)
                .containsExactly("ESSP", "Circonscription", "Tous niveaux");
        assertThat(vm.levelScores().get(1).figures().score()).isEqualTo(2.0 / 3);
        assertThat(vm.levelScores().get(2).figures().present()).isEqualTo(7);
        assertThat(vm.levelScores().get(2).figures().observed()).isEqualTo(8);
        assertThat(vm.rate(vm.levelScores().get(2).figures().score())).isEqualTo("87,50 %");
        assertThat(vm.currentRow().checklist().score()).isEqualTo(7.0 / 8); // the dashboard's column, the CLI's checklist_score

        vm.checklistUnitProperty().set("e1"); // the form is blank again after a save; codes are matched ignoring case
        vm.checklistItemProperty(0).set(true);
        assertThat(vm.saveChecklist()).as("a second checklist for E1").isFalse();
        assertThat(vm.errorProperty(Field.UNIT).get()).isEqualTo("Une liste existe déjà pour ce niveau et cette unité");

        DataFlowData.Checklist e1 = vm.checklists().stream().filter(c -> "essp".equals(c.level())).findFirst().orElseThrow();
        vm.deleteChecklist(e1);
        assertThat(vm.checklists()).hasSize(1);
        assertThat(vm.currentRow().checklist().score()).isEqualTo(2.0 / 3);
        vm.history().undo(DataFlowsViewModelTest::fail);
        assertThat(vm.checklists()).hasSize(2);
        assertThat(flows.load().checklists()).extracting(DataFlowData.Checklist::version).contains(3); // inserted, deleted, restored
    }

    @Test
    void anUndoAfterAnotherWriterChangedTheLinkIsRefused() {
        drillTo("01");
        vm.editedLinkProperty().set(vm.links().stream().filter(l -> l.row().id() == link).findFirst().orElseThrow());
        vm.linkDeadlineProperty().set("7");
        assertThat(vm.saveLink()).isTrue();
        DataFlowData.Link saved = linkRow();
        // another window: the deadline set to 9 from version 2
        flows.updateLink(new DataFlowData.Link(saved.id(), saved.version(), saved.reportTypeId(), saved.fromLevel(), saved.toLevel(),
                saved.regionId(), saved.provinceId(), saved.channel(), 9, saved.tool(), saved.rekeyed(), saved.notes()));

        String what = vm.history().descriptionProperty().get();
        AtomicReference<Throwable> refused = new AtomicReference<>();
        vm.history().undo(refused::set);
        assertThat(refused.get()).isInstanceOf(StaleEditException.class);
        assertThat(EditHistory.refusal(refused.get(), what, new I18n(I18n.FRENCH)))
                .isEqualTo("« " + what + " » ne peut être ni annulé ni rétabli : quelqu’un d’autre (un collègue ou une autre fenêtre) "
                        + "a modifié ces données depuis. Rien n’a été écrit.");
        assertThat(linkRow().deadlineDays()).as("the other writer's value stays").isEqualTo(9);
        assertThat(linkRow().version()).isEqualTo(3);
        assertThat(vm.history().availableProperty().get()).isFalse();
    }

    @Test
    void theVfBandIsCheckedSavedAsMissionSettingsRefreshesTheFiguresAndIsUndoneToTheDefault() {
        vm.recountEsspProperty().set("E1");
        vm.recountIndicatorProperty().set("CPN1");
        vm.recountMonthProperty().set("2026-03");
        vm.recountRecountedProperty().set("45");
        vm.recountReportedProperty().set("50");
        assertThat(vm.saveRecount()).isTrue();
        // 45 / 50 = 0.900: on the default band's low bound, so within it
        assertThat(vm.bandLowProperty().get()).isEqualTo("0,900");
        assertThat(vm.bandHighProperty().get()).isEqualTo("1,100");
        assertThat(vm.summaryProperty().get()).contains("facteur de vérification : 0,900 (dans la bande");
        MissionSettingsRepository settings = new MissionSettingsRepository(mission.dsl());

        vm.bandLowProperty().set("zéro");
        assertThat(vm.saveBand()).isFalse();
        assertThat(vm.bandErrorProperty().get()).isEqualTo("Nombres décimaux attendus (ex. 0,90 et 1,10)");
        vm.bandLowProperty().set("1");
        assertThat(vm.saveBand()).as("1 must lie strictly inside the band").isFalse();
        assertThat(vm.bandErrorProperty().get()).isEqualTo("La bande doit contenir 1 : 0 < borne basse < 1 < borne haute");
        vm.bandLowProperty().set("0,95");
        vm.bandHighProperty().set("0,99");
        assertThat(vm.saveBand()).isFalse();
        assertThat(settings.all()).as("nothing saved").doesNotContainKeys(DataVerification.LOW_KEY, DataVerification.HIGH_KEY);

        vm.bandHighProperty().set("1.05");
        assertThat(vm.saveBand()).isTrue();
        assertThat(settings.all()).containsEntry(DataVerification.LOW_KEY, "0.95").containsEntry(DataVerification.HIGH_KEY, "1.05");
        // 0.900 < 0.95: the same recount is now over-reporting, the figures recomputed with the new band
        assertThat(vm.summaryProperty().get()).contains("facteur de vérification : 0,900 (surdéclaration");
        assertThat(vm.bandLowProperty().get()).isEqualTo("0,950");
        assertThat(vm.history().descriptionProperty().get()).isEqualTo("bande du facteur de vérification 0,950–1,050");

        vm.history().undo(DataFlowsViewModelTest::fail);
        assertThat(settings.all()).as("no setting before: back to the defaults").doesNotContainKeys(DataVerification.LOW_KEY,
                DataVerification.HIGH_KEY);
        assertThat(vm.summaryProperty().get()).contains("0,900 (dans la bande");
        assertThat(vm.bandLowProperty().get()).isEqualTo("0,900");
        vm.history().redo(DataFlowsViewModelTest::fail);
        assertThat(settings.all()).containsEntry(DataVerification.LOW_KEY, "0.95");
        assertThat(vm.summaryProperty().get()).contains("0,900 (surdéclaration");
    }

    @Test
    void aReportTypeIsRefusedOnItsFieldsThenCreatedChangedDeletedAndEachStepUndone() {
        vm.newReportType();
        vm.typeCodeProperty().set("act");
        vm.typeProgrammeProperty().set(" ");
        assertThat(vm.saveReportType()).isFalse();
        assertThat(vm.errorProperty(Field.CODE).get()).as("codes compare without case").isEqualTo(
                "Ce code est déjà pris (peut-être par un type supprimé)");
        assertThat(vm.errorProperty(Field.NAME).get()).isEqualTo("Nom en français obligatoire");
        assertThat(vm.errorProperty(Field.PROGRAMME).get()).isEqualTo("Programme obligatoire");
        assertThat(vm.errorProperty(Field.PERIODICITY).get()).isEqualTo("Choisissez une périodicité");
        assertThat(vm.errorProperty(Field.TOOL).get()).isEqualTo("Outil inconnu");
        assertThat(vm.reportTypes()).hasSize(1);

        vm.typeCodeProperty().set("PNI");
        vm.typeNameFrProperty().set("Vaccination");
        vm.typeNameArProperty().set("التلقيح");
        vm.typeProgrammeProperty().set("PNI");
        vm.typePeriodicityProperty().set("monthly");
        vm.typeToolProperty().set("smi_pf");
        assertThat(vm.saveReportType()).isTrue();
        assertThat(vm.reportTypes()).extracting(DataFlowData.ReportType::code).containsExactly("ACT", "PNI");
        assertThat(vm.history().descriptionProperty().get()).isEqualTo("création du type de rapport PNI");
        DataFlowData.ReportType pni = vm.reportTypes().get(1);
        assertThat(pni.nameEn()).as("a blank name is none").isNull();
        assertThat(pni.nameAr()).isEqualTo("التلقيح");

        vm.editedTypeProperty().set(pni);
        assertThat(vm.typeCodeProperty().get()).isEqualTo("PNI");
        vm.typePeriodicityProperty().set("quarterly");
        assertThat(vm.saveReportType()).isTrue();
        assertThat(vm.reportTypes().get(1).periodicity()).isEqualTo("quarterly");
        vm.history().undo(DataFlowsViewModelTest::fail);
        assertThat(vm.reportTypes().get(1).periodicity()).as("the change undone").isEqualTo("monthly");

        // ACT carries two links: refused; PNI carries none: deleted, and brought back by Ctrl+Z
        vm.editedTypeProperty().set(vm.reportTypes().getFirst());
        assertThat(vm.deleteReportType()).isFalse();
        assertThat(vm.errorProperty(Field.REPORT_TYPE).get()).isEqualTo("Des maillons transmettent ce type : supprimez-les d’abord");
        vm.editedTypeProperty().set(vm.reportTypes().get(1));
        assertThat(vm.deleteReportType()).isTrue();
        assertThat(vm.reportTypes()).extracting(DataFlowData.ReportType::code).containsExactly("ACT");
        assertThat(vm.history().descriptionProperty().get()).isEqualTo("suppression du type de rapport PNI");
        vm.history().undo(DataFlowsViewModelTest::fail);
        assertThat(vm.reportTypes()).extracting(DataFlowData.ReportType::code).containsExactly("ACT", "PNI");
    }

    @Test
    void aNewProvinceLinkIsCheckedCreatedChangesTheProvinceChainAndIsDeletedAndUndone() {
        drillTo("01", "01.511");
        assertThat(vm.chains().getFirst().rekeying()).isEqualTo(1);
        DataFlowData.ReportType act = vm.reportTypes().getFirst();
        DataFlowsViewModel.Scope province = vm.scopes().stream().filter(p -> p.provinceId() != null
                && p.label().contains("01.511")).findFirst().orElseThrow();
        DataFlowsViewModel.Scope region = vm.scopes().stream().filter(p -> p.provinceId() == null && p.regionId() != null
                && p.regionId().equals(province.regionId())).findFirst().orElseThrow();
        vm.editedLinkProperty().set(null);
        vm.newLinkTypeProperty().set(act);
        vm.newLinkFromProperty().set("essp");
        vm.newLinkToProperty().set("essp");
        vm.newLinkScopeProperty().set(region);
        vm.linkDeadlineProperty().set("-1");
        assertThat(vm.saveLinkForm()).isFalse();
        assertThat(vm.errorProperty(Field.TO_LEVEL).get()).isEqualTo("Le niveau destinataire doit différer du niveau émetteur");
        assertThat(vm.errorProperty(Field.CHANNEL).get()).isEqualTo("Canal inconnu");
        assertThat(vm.errorProperty(Field.DEADLINE).get()).isEqualTo("Ne peut pas être négatif");
        assertThat(vm.errorProperty(Field.FROM_LEVEL).get()).as("the region already has an essp link for ACT")
                .isEqualTo("Ce type a déjà un maillon partant de ce niveau pour ce lieu");

        // the province's own link: ESSP → délégation by e-mail, not re-keyed, deadline 3 days
        vm.newLinkScopeProperty().set(province);
        vm.newLinkToProperty().set("delegation");
        vm.linkChannelProperty().set("email");
        vm.linkDeadlineProperty().set("3");
        vm.linkRekeyedProperty().set(false);
        assertThat(vm.saveLinkForm()).isTrue();
        assertThat(vm.history().descriptionProperty().get()).startsWith("création du maillon ACT · ESSP → ");
        // the province's chain: essp → délégation (own link), then no link leaves the délégation: incomplete
        assertThat(vm.chains().getFirst().steps()).hasSize(1);
        assertThat(vm.chains().getFirst().complete()).isFalse();
        DataFlowsViewModel.Link created = vm.links().stream().filter(l -> l.row().provinceId() != null).findFirst().orElseThrow();
        assertThat(created.row().deadlineDays()).isEqualTo(3);
        assertThat(created.row().channel()).isEqualTo("email");

        // the region's first link has observations: not deleted; the new one has none
        vm.editedLinkProperty().set(vm.links().stream().filter(l -> l.row().id() == link).findFirst().orElseThrow());
        assertThat(vm.deleteLink()).isFalse();
        assertThat(vm.errorProperty(Field.LINK).get()).isEqualTo("Des observations sont saisies sur ce maillon : il ne peut pas être supprimé");
        vm.editedLinkProperty().set(created);
        assertThat(vm.deleteLink()).isTrue();
        assertThat(vm.chains().getFirst().complete()).as("the region's chain again").isTrue();
        assertThat(vm.chains().getFirst().rekeying()).isEqualTo(1);
        vm.history().undo(DataFlowsViewModelTest::fail);
        assertThat(vm.chains().getFirst().complete()).as("the delete undone: the province's link again").isFalse();
        vm.history().undo(DataFlowsViewModelTest::fail);
        assertThat(vm.links()).as("the creation undone").noneMatch(l -> l.row().provinceId() != null);
    }
}
