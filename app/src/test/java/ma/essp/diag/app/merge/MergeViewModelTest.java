package ma.essp.diag.app.merge;

import static ma.essp.diag.database.jooq.Tables.ESSP;
import static ma.essp.diag.database.jooq.Tables.MERGE_RUN;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.merge.MergeViewModel.ConflictRow;
import ma.essp.diag.app.merge.MergeViewModel.Resolution;
import ma.essp.diag.app.task.CurrentThreadTaskExecutor;
import ma.essp.diag.app.testing.RecordingDialogService;
import ma.essp.diag.database.jooq.tables.records.EsspRecord;
import ma.essp.diag.database.merge.MergeDecisions.DuplicateChoice;
import ma.essp.diag.database.merge.MergePlan;
import ma.essp.diag.database.mission.EditContext;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.database.repository.SyncedRows;
import ma.essp.diag.database.testing.FixtureMission;
import org.jooq.Field;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The consolidation screen's flow on two copies of the fixture mission (laptop A here, laptop B the other file): the
 * other file analysed, the same-field conflict listed with base, mine and theirs, "Appliquer" blocked until it is
 * decided, then applied with "take theirs": backed up first, the value in the target, the shell told.
 */
class MergeViewModelTest {

    static final String AMINA = "11111111-1111-1111-1111-111111111111";
    static final String BRAHIM = "22222222-2222-2222-2222-222222222222";

    @TempDir
    Path dir;

    Path fileA;
    Path fileB;
    MissionFile a;
    EditContext amina;
    RecordingDialogService dialogs;
    int[] changed;
    MergeViewModel vm;

    @BeforeEach
    void twoLaptops() throws Exception {
        Path base = dir.resolve("base.essp");
        FixtureMission.create(base).close();
        fileA = dir.resolve("a.essp");
        fileB = dir.resolve("b.essp");
        Files.copy(base, fileA);
        Files.copy(base, fileB);
        amina = new EditContext(AMINA, "laptop-A", Clock.fixed(Instant.parse("2026-12-01T09:00:00Z"), ZoneOffset.UTC));
        EditContext brahim = new EditContext(BRAHIM, "laptop-B", Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC));
        a = MissionFile.open(fileA, dir.resolve("backups"));
        try (MissionFile b = MissionFile.open(fileB, dir.resolve("backups"))) {
            edit(b, brahim, "E001", ESSP.POPULATION_SERVED, 32_000);
        }
        edit(a, amina, "E001", ESSP.POPULATION_SERVED, 31_000);
        dialogs = new RecordingDialogService();
        changed = new int[1];
        vm = new MergeViewModel(a, () -> amina, dir, dir.resolve("scratch"), new CurrentThreadTaskExecutor(),
                new I18n(Locale.FRENCH), dialogs, () -> changed[0]++);
    }

    @AfterEach
    void close() {
        a.close();
    }

    private static void edit(MissionFile m, EditContext who, String code, Field<?> field, Object value) {
        EsspRecord e = m.dsl().selectFrom(ESSP).where(ESSP.CODE.eq(code)).fetchOne();
        SyncedRows.update(m.dsl(), who, ESSP, e.getId(), e.getVersion(), Map.of(field, value));
    }

    private int population(String code) {
        return a.dsl().select(ESSP.POPULATION_SERVED).from(ESSP).where(ESSP.CODE.eq(code)).fetchOne(ESSP.POPULATION_SERVED);
    }

    @Test
    void aSameFieldConflictIsListedTakenFromTheOtherFileAndApplied() throws Exception {
        dialogs.nextChosenFile = fileB;
        vm.chooseOther();

        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.summary()).containsExactly(new MergePlan.TableSummary("essp", 0, 0, 0, 0, 1, 0));
        assertThat(vm.statusProperty().get()).isEqualTo("1 lignes à fusionner, 1 conflits, 0 doublons possibles, 0 codes à renuméroter.");
        ConflictRow conflict = vm.conflicts().getFirst();
        assertThat(vm.conflicts()).hasSize(1);
        assertThat(List.of(conflict.table(), conflict.row(), conflict.field(), conflict.base(), conflict.mine(), conflict.theirs()))
                .containsExactly("essp", "E001 CSU Médina", "population_served", "30000", "31000", "32000");
        assertThat(conflict.resolutionProperty().get()).isEqualTo(Resolution.UNDECIDED);
        assertThat(vm.canApplyProperty().get()).as("a conflict without a decision").isFalse();

        vm.takeTheirs(List.of(conflict));
        assertThat(conflict.resultProperty().get()).isEqualTo("32000");
        assertThat(vm.canApplyProperty().get()).isTrue();
        vm.apply();

        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(population("E001")).isEqualTo(32_000);
        int run = a.dsl().select(MERGE_RUN.ID).from(MERGE_RUN).fetchOne(MERGE_RUN.ID);
        Path backupFolder = dir.resolve("a-backups");
        Path backup;
        try (Stream<Path> files = Files.list(backupFolder)) {
            backup = files.filter(p -> p.getFileName().toString().endsWith(".essp")).findFirst().orElseThrow();
        }
        assertThat(a.dsl().select(MERGE_RUN.BACKUP_PATH).from(MERGE_RUN).fetchOne(MERGE_RUN.BACKUP_PATH)).isEqualTo(backup.toString());
        assertThat(vm.statusProperty().get()).isEqualTo("Consolidation appliquée : fusion n° " + run
                + ", 1 lignes écrites, 1 lignes d’historique copiées. Sauvegarde : " + backup);
        assertThat(changed[0]).isEqualTo(1);
        assertThat(vm.conflicts()).isEmpty();
        assertThat(vm.sourceProperty().get()).as("the screen is ready for the next file").isEmpty();
        assertThat(vm.canApplyProperty().get()).isFalse();
    }

    @Test
    void applyStaysBlockedWhileAConflictOrADuplicateIsUndecidedAndAnEditedResultIsWritten() throws Exception {
        try (MissionFile b = MissionFile.open(fileB, dir.resolve("backups"))) {
            EsspRecord e = b.dsl().newRecord(ESSP);
            e.setCode("X-0001");
            e.setNameFr("CS Béni Makada");
            e.setCategoryCode("CSU-1");
            e.setCirconscriptionId(b.dsl().select(ma.essp.diag.database.jooq.Tables.CIRCONSCRIPTION.ID)
                    .from(ma.essp.diag.database.jooq.Tables.CIRCONSCRIPTION)
                    .where(ma.essp.diag.database.jooq.Tables.CIRCONSCRIPTION.CODE.eq("C-TNG-1")).fetchOne().value1());
            e.setMilieu("urban");
            SyncedRows.insert(b.dsl(), EditContext.system(BRAHIM), e);
        }
        EsspRecord mine = a.dsl().newRecord(ESSP);
        mine.setCode("X-0001");
        mine.setNameFr("CS Beni Makada");
        mine.setCategoryCode("CSU-1");
        mine.setCirconscriptionId(a.dsl().select(ma.essp.diag.database.jooq.Tables.CIRCONSCRIPTION.ID)
                .from(ma.essp.diag.database.jooq.Tables.CIRCONSCRIPTION)
                .where(ma.essp.diag.database.jooq.Tables.CIRCONSCRIPTION.CODE.eq("C-TNG-1")).fetchOne().value1());
        mine.setMilieu("urban");
        SyncedRows.insert(a.dsl(), amina, mine);
        int esspsBefore = a.dsl().fetchCount(ESSP);

        dialogs.nextChosenFile = fileB;
        vm.chooseOther();
        assertThat(vm.duplicates()).singleElement().satisfies(d -> {
            assertThat(d.theirs()).isEqualTo("X-0001 CS Béni Makada");
            assertThat(d.mine()).isEqualTo("X-0001 CS Beni Makada");
            assertThat(d.reason()).isEqualTo("même code");
        });
        vm.keepAllMine();
        assertThat(vm.canApplyProperty().get()).as("the duplicate is undecided").isFalse();
        vm.apply();
        assertThat(population("E001")).as("blocked: nothing written").isEqualTo(31_000);
        assertThat(a.dsl().fetchCount(MERGE_RUN)).isZero();

        // linking the duplicate brings its differing name into the grid, undecided: still blocked
        vm.chooseAllDuplicates(DuplicateChoice.LINK);
        assertThat(vm.conflicts()).hasSize(2);
        ConflictRow name = vm.conflicts().get(1);
        assertThat(List.of(name.field(), name.mine(), name.theirs())).containsExactly("name_fr", "CS Beni Makada", "CS Béni Makada");
        assertThat(vm.conflicts().getFirst().resolutionProperty().get()).as("the decision made stays").isEqualTo(Resolution.MINE);
        assertThat(vm.canApplyProperty().get()).isFalse();

        name.edit("CS Béni Makada (Tanger)");
        assertThat(vm.canApplyProperty().get()).isTrue();
        vm.apply();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(population("E001")).isEqualTo(31_000);
        assertThat(a.dsl().fetchCount(ESSP)).as("linked, not inserted").isEqualTo(esspsBefore);
        assertThat(a.dsl().select(ESSP.NAME_FR).from(ESSP).where(ESSP.CODE.eq("X-0001")).fetchOne(ESSP.NAME_FR))
                .isEqualTo("CS Béni Makada (Tanger)");
    }

    @Test
    void theLastMergeIsUndoneAsAWholeOnceConfirmed() throws Exception {
        vm.undoLast();
        assertThat(vm.statusProperty().get()).as("no merge yet").isEqualTo("Aucune consolidation à annuler.");

        dialogs.nextChosenFile = fileB;
        vm.chooseOther();
        vm.takeAllTheirs();
        vm.apply();
        assertThat(population("E001")).isEqualTo(32_000);
        int run = a.dsl().select(MERGE_RUN.ID).from(MERGE_RUN).fetchOne(MERGE_RUN.ID);
        int changes = changed[0];

        dialogs.confirmAnswer = false;
        vm.undoLast();
        assertThat(population("E001")).as("not confirmed: nothing undone").isEqualTo(32_000);

        dialogs.confirmAnswer = true;
        vm.undoLast();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(population("E001")).as("back to the value before the merge").isEqualTo(31_000);
        assertThat(a.dsl().select(MERGE_RUN.STATUS).from(MERGE_RUN).where(MERGE_RUN.ID.eq(run)).fetchOne(MERGE_RUN.STATUS)).isEqualTo("undone");
        assertThat(vm.statusProperty().get()).isEqualTo("Consolidation n° " + run + " annulée : 1 lignes réécrites.");
        assertThat(changed[0]).as("the shell is told").isEqualTo(changes + 1);

        vm.undoLast();
        assertThat(vm.statusProperty().get()).as("undone already").isEqualTo("Aucune consolidation à annuler.");
    }

    @Test
    void theReviewWorkbookListsTheConflictWithBaseMineAndTheirs() throws Exception {
        dialogs.nextChosenFile = fileB;
        vm.chooseOther();
        Path review = dir.resolve("review.xlsx");
        dialogs.nextChosenFile = review;
        vm.saveReview();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.statusProperty().get()).isEqualTo("Classeur de revue enregistré : " + review);
        try (java.io.InputStream in = Files.newInputStream(review);
             org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(in)) {
            org.apache.poi.ss.usermodel.Row conflict = wb.getSheet("Fields").getRow(1);
            List<String> cells = new java.util.ArrayList<>();
            conflict.forEach(c -> cells.add(c.getStringCellValue()));
            assertThat(cells).containsSubsequence("essp", "E001 CSU Médina", "population_served", "30000", "31000", "32000");
            assertThat(wb.getSheet("Summary").getRow(1).getCell(5).getNumericCellValue()).as("one conflict").isEqualTo(1.0);
        }
        assertThat(population("E001")).as("nothing merged").isEqualTo(31_000);
    }
}
