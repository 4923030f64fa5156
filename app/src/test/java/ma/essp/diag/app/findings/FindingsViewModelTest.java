package ma.essp.diag.app.findings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.task.CurrentThreadTaskExecutor;
import ma.essp.diag.app.testing.DeferredTaskExecutor;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.repository.FindingRepository;
import ma.essp.diag.database.testing.FixtureMission;
import ma.essp.diag.reporting.findings.FindingsFigures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The findings board without a window: an edit and a move of a finding undone in turn and redone. */
class FindingsViewModelTest {

    @TempDir
    Path dir;
    MissionFile mission;
    FindingsViewModel vm;

    @BeforeEach
    void setUp() throws Exception {
        mission = FixtureMission.create(dir.resolve("m.essp"));
        var dsl = mission.dsl();
        vm = new FindingsViewModel(new FindingRepository(dsl), () -> FindingsFigures.load(dsl), EditContext.system("tester"),
                new CurrentThreadTaskExecutor(), new I18n(Locale.FRENCH));
        vm.load();
    }

    @AfterEach
    void tearDown() {
        mission.close();
    }

    private FindingRepository.Finding stored(int id) {
        return new FindingRepository(mission.dsl()).load().findings().stream().filter(f -> f.id() == id).findFirst().orElseThrow();
    }

    /**
     * The board shows as soon as its rows are read; the figures the editors' pickers read (the readiness of the
     * mission, the units of every level) are computed behind it, the editors waiting; a card chosen meanwhile is shown
     * once they are.
     */
    @Test
    void theBoardShowsBeforeTheFiguresAndACardChosenMeanwhileIsShownOnceTheyAreComputed() throws Exception {
        var dsl = mission.dsl();
        int id = new FindingRepository(dsl).insertFinding(EditContext.system("tester"), new FindingRepository.FindingDraft(5,
                "national", null, null, null, null, "weakness", "Registre absent", null, "high", null, null), List.of());
        DeferredTaskExecutor tasks = new DeferredTaskExecutor();
        FindingsViewModel board = new FindingsViewModel(new FindingRepository(dsl), new FindingsFigures.Loader(dsl)::load,
                EditContext.system("tester"), tasks, new I18n(Locale.FRENCH));
        board.load();
        tasks.run(0); // the board's rows

        assertThat(board.quadrant("weakness")).anyMatch(c -> c.id() == id && c.title().equals("Registre absent"));
        assertThat(board.figuresReadyProperty().get()).isFalse();
        assertThat(tasks.waiting()).as("the figures, computed behind the board").isEqualTo(1);
        board.selectFinding(board.quadrant("weakness").stream().filter(c -> c.id() == id).findFirst().orElseThrow());
        assertThat(board.findingIdProperty().get()).as("shown once the figures are there").isNull();

        tasks.run(0);
        assertThat(board.figuresReadyProperty().get()).isTrue();
        assertThat(board.findingIdProperty().get()).isEqualTo(id);
        assertThat(board.titleProperty().get()).isEqualTo("Registre absent");
        assertThat(board.scopeUnitProperty().get().value()).isEqualTo("MA");
        assertThat(board.figureUnits()).as("the ESSPs of the fixture, for the evidence picker").isNotEmpty();

        // a reload after an edit keeps the figures: the editors stay usable, nothing more is computed behind
        board.load();
        tasks.run(0);
        assertThat(board.figuresReadyProperty().get()).isTrue();
        assertThat(tasks.waiting()).isZero();
    }

    @Test
    void anEditAndAMoveOfAFindingAreUndoneInTurnAndRedone() {
        vm.newFinding();
        vm.titleProperty().set("Registre absent");
        vm.saveFinding();
        int id = vm.findingIdProperty().get();
        assertThat(vm.unsavedChanges().hasUnsavedChanges()).as("saved and shown again").isFalse();
        assertThat(vm.history().descriptionProperty().get()).isEqualTo("création de « Registre absent »");

        vm.titleProperty().set("Registre des réclamations absent");
        assertThat(vm.unsavedChanges().hasUnsavedChanges()).isTrue();
        vm.saveFinding();
        assertThat(vm.history().descriptionProperty().get()).isEqualTo("modification de « Registre des réclamations absent »");
        vm.moveFinding(id, "threat");
        assertThat(stored(id).kind()).isEqualTo("threat");
        assertThat(vm.history().descriptionProperty().get()).isEqualTo("déplacement de « Registre des réclamations absent »");

        vm.history().undo(e -> { throw new AssertionError(e); });
        assertThat(stored(id).kind()).isEqualTo("weakness");
        vm.history().undo(e -> { throw new AssertionError(e); });
        assertThat(stored(id).title()).isEqualTo("Registre absent");
        assertThat(vm.titleProperty().get()).as("the editor shows the finding as it now is").isEqualTo("Registre absent");
        assertThat(vm.quadrant("weakness")).anyMatch(c -> c.id() == id && c.title().equals("Registre absent"));

        vm.history().redo(e -> { throw new AssertionError(e); });
        vm.history().redo(e -> { throw new AssertionError(e); });
        assertThat(stored(id).title()).isEqualTo("Registre des réclamations absent");
        assertThat(stored(id).kind()).isEqualTo("threat");
        // inserted, edited, moved, two undos, two redos: each a versioned write
        assertThat(stored(id).version()).isEqualTo(7);
    }

    private FindingRepository.Board board() {
        return new FindingRepository(mission.dsl()).load();
    }

    /**
     * Ctrl+Z of a deletion brings the finding back with its evidence and its link to a recommendation; Ctrl+Y deletes
     * them again; undoing a creation takes the new finding away (a recommendation the same).
     */
    @Test
    void creationsAndDeletionsOfFindingsAndRecommendationsAreUndoneAndRedone() {
        vm.newFinding();
        vm.titleProperty().set("Procédure non affichée");
        vm.documentProperty().set("Rapport de visite, p. 4");
        vm.linkDocument();
        vm.saveFinding();
        int id = vm.findingIdProperty().get();
        assertThat(stored(id).evidence()).extracting(FindingRepository.Evidence::document).containsExactly("Rapport de visite, p. 4");

        vm.newRecommendation();
        vm.actionProperty().set("Afficher la procédure de réclamation");
        vm.findingChoices().stream().filter(c -> c.card().id() == id).findFirst().orElseThrow().chosen().set(true);
        vm.saveRecommendation();
        FindingRepository.Recommendation rec = board().recommendations().stream()
                .filter(r -> r.action().equals("Afficher la procédure de réclamation")).findFirst().orElseThrow();
        assertThat(rec.findingIds()).containsExactly(id);
        assertThat(vm.history().descriptionProperty().get())
                .isEqualTo("création de la recommandation « Afficher la procédure de réclamation »");

        vm.selectFinding(vm.quadrant("weakness").stream().filter(c -> c.id() == id).findFirst().orElseThrow());
        vm.deleteFinding();
        assertThat(board().findings()).noneMatch(f -> f.id() == id);
        assertThat(board().recommendations().stream().filter(r -> r.id() == rec.id()).findFirst().orElseThrow().findingIds())
                .as("the deletion took the link with it").isEmpty();
        assertThat(vm.history().descriptionProperty().get()).isEqualTo("suppression de « Procédure non affichée »");

        vm.history().undo(e -> { throw new AssertionError(e); });
        assertThat(stored(id).title()).isEqualTo("Procédure non affichée");
        assertThat(stored(id).evidence()).extracting(FindingRepository.Evidence::document).containsExactly("Rapport de visite, p. 4");
        assertThat(board().recommendations().stream().filter(r -> r.id() == rec.id()).findFirst().orElseThrow().findingIds())
                .containsExactly(id);
        assertThat(vm.quadrant("weakness")).anyMatch(c -> c.id() == id);

        vm.history().redo(e -> { throw new AssertionError(e); });
        assertThat(board().findings()).noneMatch(f -> f.id() == id);
        vm.history().undo(e -> { throw new AssertionError(e); });
        assertThat(stored(id).evidence()).hasSize(1);

        // the recommendation's creation, then the finding's, undone in turn: both gone, nothing left half-linked
        vm.history().undo(e -> { throw new AssertionError(e); });
        assertThat(board().recommendations()).noneMatch(r -> r.id() == rec.id());
        vm.history().undo(e -> { throw new AssertionError(e); });
        assertThat(board().findings()).noneMatch(f -> f.id() == id);
        vm.history().redo(e -> { throw new AssertionError(e); });
        assertThat(stored(id).evidence()).hasSize(1);
        // created, deleted, restored, deleted, restored, deleted (undo of its creation), restored (redo)
        assertThat(stored(id).version()).isEqualTo(7);
    }

    /**
     * "Propose findings" with the threshold "no trained staff still in post": a site of E001 launched on 01/04/2026
     * whose one trained member is not linked to a staff record is proposed (axis 6, high); nothing is written until
     * the draft is accepted, then it is a finding with a link to the site's record and is not proposed again.
     */
    @Test
    void aSiteWithNoTrainedStaffInPostIsProposedAndWrittenOnlyWhenAccepted() {
        var dsl = mission.dsl();
        EditContext edit = EditContext.system("tester");
        var essp = dsl.selectFrom(ma.essp.diag.database.jooq.Tables.ESSP).where(ma.essp.diag.database.jooq.Tables.ESSP.CODE.eq("E001"))
                .fetchOne();
        int province = dsl.select(ma.essp.diag.database.jooq.Tables.CIRCONSCRIPTION.PROVINCE_ID)
                .from(ma.essp.diag.database.jooq.Tables.CIRCONSCRIPTION)
                .where(ma.essp.diag.database.jooq.Tables.CIRCONSCRIPTION.ID.eq(essp.getCirconscriptionId()))
                .fetchOne(ma.essp.diag.database.jooq.Tables.CIRCONSCRIPTION.PROVINCE_ID);
        var care = new ma.essp.diag.database.repository.PerpetratorCareRepository(dsl);
        int site = care.addSite(edit, "Consultation Médina", province, essp.getId(), java.time.LocalDate.of(2026, 1, 5));
        care.addStaff(edit, site, null, "Amina Alaoui", null, null, java.time.LocalDate.of(2026, 1, 10), 30.0);
        care.savePeriod(edit, site, null, null, java.time.LocalDate.of(2026, 1, 1), java.time.LocalDate.of(2026, 3, 31), 10, 10, 20, 1);
        care.moveStage(edit, site, 1, "launched", java.time.LocalDate.of(2026, 4, 1));
        vm.load();

        vm.propose();
        var proposal = vm.proposals().stream().filter(p -> p.draft().axis() == 6).findFirst().orElseThrow();
        assertThat(proposal.title()).isEqualTo("Plus de personnel formé en poste — Consultation Médina");
        assertThat(proposal.statement()).contains("Consultation Médina").contains("1 membre");
        assertThat(new FindingRepository(dsl).load().findings()).as("proposing writes nothing").isEmpty();

        vm.acceptProposal(proposal);
        var written = new FindingRepository(dsl).load().findings();
        assertThat(written).hasSize(1);
        assertThat(written.getFirst().axis()).isEqualTo(6);
        assertThat(written.getFirst().priority()).isEqualTo("high");
        assertThat(written.getFirst().evidence()).singleElement().satisfies(e -> {
            assertThat(e.recordTable()).isEqualTo("perpetrator_care_site");
            assertThat(e.recordId()).isEqualTo(site);
            assertThat(e.recordLabel()).isEqualTo("Consultation Médina");
        });
        vm.propose();
        assertThat(vm.proposals()).noneMatch(p -> p.draft().axis() == 6);
    }

    /**
     * "Propose findings" with the threshold "complaints answered in time < 50 %": E001 has two complaints received on
     * 5 January 2025, neither closed, long past the 60 days → 0 of 2 answered in time, 0 % (< 25 %: high). The draft is
     * worded with the counts; accepted, it is a finding of axis 3 citing the figure with its value 0.
     */
    @Test
    void fewComplaintsAnsweredInTimeAreProposedWithTheirCountsAndCitedWhenAccepted() {
        var dsl = mission.dsl();
        EditContext edit = EditContext.system("tester");
        int essp = dsl.select(ma.essp.diag.database.jooq.Tables.ESSP.ID).from(ma.essp.diag.database.jooq.Tables.ESSP)
                .where(ma.essp.diag.database.jooq.Tables.ESSP.CODE.eq("E001")).fetchOne(ma.essp.diag.database.jooq.Tables.ESSP.ID);
        for (int i = 0; i < 2; i++) {
            var r = dsl.newRecord(ma.essp.diag.database.jooq.Tables.COMPLAINT_SAMPLE);
            r.setEsspId(essp);
            r.setReceivedOn(java.time.LocalDate.of(2025, 1, 5));
            r.setChannel("register");
            r.setKind("reclamation");
            r.setCategory("care");
            edit.stampNew(r);
            r.store();
        }
        vm.load();

        vm.propose();
        var proposal = vm.proposals().stream().filter(p -> p.draft().axis() == 3).findFirst().orElseThrow();
        assertThat(proposal.title()).startsWith("Réclamations peu traitées dans le délai — ").contains("E001");
        assertThat(proposal.statement()).contains("0,0 % des réclamations").contains("(0 sur 2)").endsWith("sous le seuil de 50 %.");
        assertThat(proposal.draft().priority()).isEqualTo("high");
        assertThat(new FindingRepository(dsl).load().findings()).as("proposing writes nothing").isEmpty();

        vm.acceptProposal(proposal);
        var written = new FindingRepository(dsl).load().findings();
        assertThat(written).singleElement().satisfies(f -> {
            assertThat(f.axis()).isEqualTo(3);
            assertThat(f.esspId()).isEqualTo(essp);
            assertThat(f.evidence()).singleElement().satisfies(e -> {
                assertThat(e.figure()).isEqualTo("complaints.answered_in_time");
                assertThat(e.unitCode()).isEqualTo("E001");
                assertThat(e.storedValue()).isEqualTo(0.0);
            });
        });
        vm.propose();
        assertThat(vm.proposals()).noneMatch(p -> p.draft().axis() == 3);
    }

    /**
     * Evidence links to records: the ESSP E001 picked in the editor is linked to a new finding and saved with it; once the ESSP is deleted the link is shown as a deleted record, to review, and
     * nothing fails.
     */
    @Test
    void aRecordLinkedInTheEditorIsShownAsDeletedOnceTheRecordIsGone() {
        var dsl = mission.dsl();
        vm.newFinding();
        vm.titleProperty().set("Registre absent à E001");
        vm.recordKindProperty().set(vm.recordKinds().stream().filter(k -> k.value().equals("essp")).findFirst().orElseThrow());
        var e001 = vm.records().stream().filter(r -> r.label().startsWith("E001 ")).findFirst().orElseThrow();
        vm.recordProperty().set(e001);
        vm.linkRecord();
        assertThat(vm.evidence()).extracting(FindingsViewModel.EvidenceLine::text).containsExactly("Enregistrement : " + e001.label());
        vm.saveFinding();
        int id = vm.findingIdProperty().get();
        assertThat(stored(id).evidence()).singleElement().satisfies(e -> {
            assertThat(e.recordTable()).isEqualTo("essp");
            assertThat(e.recordId()).isEqualTo(Integer.parseInt(e001.value()));
            assertThat(e.recordDeleted()).isFalse();
        });

        dsl.execute("UPDATE essp SET deleted = 1 WHERE id = ?", Integer.parseInt(e001.value()));
        vm.load();
        assertThat(vm.evidence()).singleElement().satisfies(line -> {
            assertThat(line.text()).isEqualTo("Enregistrement supprimé (ESSP n° " + e001.value() + ") (à revoir)");
            assertThat(line.review()).isTrue();
        });
        // a deleted record is no longer offered once the list is read again
        vm.recordKindProperty().set(vm.recordKinds().stream().filter(k -> k.value().equals("data_flow")).findFirst().orElseThrow());
        vm.recordKindProperty().set(vm.recordKinds().stream().filter(k -> k.value().equals("essp")).findFirst().orElseThrow());
        assertThat(vm.records()).isNotEmpty().noneMatch(r -> r.value().equals(e001.value()));
    }
}
