package ma.essp.diag.app.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.task.BackgroundTask;
import ma.essp.diag.app.task.CurrentThreadTaskExecutor;
import ma.essp.diag.app.task.FxTaskExecutor;
import ma.essp.diag.database.testing.FixtureMission;
import ma.essp.diag.app.testing.RecordingDialogService;
import ma.essp.diag.database.mission.MissionFile;
import ma.essp.diag.reporting.export.ReportScope;
import ma.essp.diag.reporting.export.ReportSection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report screen without a screen: choices, validation, export with progress, cancel, opening the result. */
class ReportsViewModelTest {

    @TempDir
    Path dir;
    private MissionFile mission;
    private ReportsViewModel vm;
    private final List<Path> opened = new ArrayList<>();
    private final List<Double> progress = new ArrayList<>();
    private final RecordingDialogService dialogs = new RecordingDialogService();

    @BeforeEach
    void open() throws Exception {
        mission = FixtureMission.create(dir.resolve("r.essp"));
        vm = new ReportsViewModel(mission.dsl(), dir, new CurrentThreadTaskExecutor(), new I18n(I18n.FRENCH), opened::add, dialogs);
        vm.progressProperty().addListener((obs, old, now) -> progress.add(now.doubleValue()));
        vm.load();
    }

    @AfterEach
    void close() {
        mission.close();
    }

    @Test
    void defaultsToANationalPdfInTheAppLanguageInTheDefaultFolder() {
        assertThat(vm.formatProperty().get().value()).isEqualTo("pdf");
        assertThat(vm.levelProperty().get().value()).isEqualTo("national");
        assertThat(vm.languageProperty().get().value()).isEqualTo("fr");
        assertThat(vm.destinationProperty().get()).isEqualTo(dir.resolve("rapport-essp-national-fr.pdf"));
        assertThat(vm.territories()).isEmpty();
        assertThat(vm.sections()).filteredOn(s -> s.selected().get()).extracting(ReportsViewModel.SectionChoice::section)
                .doesNotContain(ReportSection.ESSP_SHEETS).contains(ReportSection.READINESS);
    }

    @Test
    void choosingARegionListsTheRegionsAndTurnsTheFactSheetsOn() {
        vm.levelProperty().set(vm.levels().get(1));
        assertThat(vm.territories()).hasSize(12);
        assertThat(vm.territoryProperty().get().value()).isEqualTo("01");
        assertThat(vm.sections()).filteredOn(s -> s.section() == ReportSection.ESSP_SHEETS).allMatch(s -> s.selected().get());
        assertThat(vm.request().scope()).isEqualTo(ReportScope.region("01"));
        vm.formatProperty().set(vm.formats().get(1));
        assertThat(vm.destinationProperty().get().getFileName().toString()).isEqualTo("rapport-essp-region-01-fr.xlsx");
    }

    @Test
    void exportsInTheBackgroundWithProgressAndOpensTheResult() {
        vm.formatProperty().set(vm.formats().get(1)); // xlsx: quick
        vm.export();
        Path out = dir.resolve("rapport-essp-national-fr.xlsx");
        assertThat(out).exists();
        assertThat(opened).containsExactly(out);
        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.statusProperty().get()).isEqualTo("Écrit : rapport-essp-national-fr.xlsx");
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(progress).contains(-1.0).last().isEqualTo(1.0);
    }

    @Test
    void cancelLeavesNoFileAndSaysSo() throws Exception {
        vm.progressProperty().addListener((obs, old, now) -> {
            if (now.doubleValue() > 0) {
                vm.cancel(); // the user clicks Cancel while the file is being written
            }
        });
        vm.formatProperty().set(vm.formats().get(1));
        vm.export();
        assertThat(vm.statusProperty().get()).isEqualTo("Export annulé : aucun fichier écrit.");
        assertThat(opened).isEmpty();
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("rapport"));
        }
    }

    @Test
    void cancellingARunningReportOnAPoolThreadLeavesNoFileAndTheNextTaskRunsNormally() throws Exception {
        // one pool thread, callbacks on it too: the cancel, the export and the next task share the thread
        try (FxTaskExecutor pool = new FxTaskExecutor(1, Runnable::run)) {
            ReportsViewModel onPool = new ReportsViewModel(mission.dsl(), dir, pool, new I18n(I18n.FRENCH), opened::add, dialogs);
            onPool.formatProperty().set(onPool.formats().get(1));
            onPool.progressProperty().addListener((obs, old, now) -> {
                if (now.doubleValue() > 0) {
                    onPool.cancel(); // Cancel clicked while the rows are being written
                }
            });
            CountDownLatch ended = new CountDownLatch(1);
            onPool.runningProperty().addListener((obs, was, now) -> {
                if (!now) {
                    ended.countDown();
                }
            });
            onPool.export();
            assertThat(ended.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(onPool.statusProperty().get()).isEqualTo("Export annulé : aucun fichier écrit.");
            try (Stream<Path> files = Files.list(dir)) {
                assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("rapport"));
            }
            // the pool's next task (on the same thread) is not interrupted by the cancel
            CompletableFuture<Object> next = new CompletableFuture<>();
            pool.execute(BackgroundTask.wrap(() -> {
                Thread.sleep(200);
                return "ran";
            }).onSuccess(next::complete).onFailure(next::complete));
            assertThat(next.get(10, TimeUnit.SECONDS)).isEqualTo("ran");
        }
        assertThat(opened).isEmpty();
    }

    @Test
    void theDestinationIsChosenThroughTheDialogServiceWithTheFormatsFiles() {
        vm.formatProperty().set(vm.formats().get(1));
        dialogs.nextChosenFile = dir.resolve("choisi.xlsx");
        vm.chooseDestination();
        assertThat(dialogs.fileQuestions).containsExactly(new RecordingDialogService.FileQuestion("save", "Fichier à écrire",
                dir, "rapport-essp-national-fr.xlsx", "*.xlsx"));
        assertThat(vm.destinationProperty().get()).isEqualTo(dir.resolve("choisi.xlsx"));
        dialogs.nextChosenFile = null; // closing the chooser keeps the choice
        vm.chooseDestination();
        assertThat(vm.destinationProperty().get()).isEqualTo(dir.resolve("choisi.xlsx"));
    }

    @Test
    void asOfDateAuthorAndVersionGoIntoTheRequest() {
        assertThat(vm.request().asOf()).as("empty: the mission's own date").isNull();
        vm.asOfProperty().set(java.time.LocalDate.of(2026, 6, 30));
        vm.authorProperty().set("  Équipe AT ");
        vm.reportVersionProperty().set("v2");
        assertThat(vm.request().asOf()).isEqualTo(java.time.LocalDate.of(2026, 6, 30));
        assertThat(vm.request().author()).isEqualTo("Équipe AT");
        assertThat(vm.request().version()).isEqualTo("v2");
    }

    @Test
    void progressSaysWhatIsDoneInTheAppLanguage() {
        assertThat(vm.progressText(ma.essp.diag.reporting.export.ExportProgress.ROWS, 1024, 60000))
                .isEqualTo("Lignes écrites : 1\u202f024 / 60\u202f000");
        assertThat(vm.progressText(ma.essp.diag.reporting.export.ExportProgress.PAGES, 8, 657)).isEqualTo("Pages écrites : 8 / 657");
        assertThat(vm.progressText(ma.essp.diag.reporting.export.ExportProgress.LOAD, 0, -1)).isEqualTo("Chargement des données…");
        vm.formatProperty().set(vm.formats().get(1));
        List<String> statuses = new ArrayList<>();
        vm.statusProperty().addListener((obs, old, now) -> statuses.add(now));
        vm.export();
        // the fixture's workbook is too small for "rows written" (every 512 rows); the stages still show
        assertThat(statuses).containsSubsequence("Chargement des données…", "Enregistrement du classeur…",
                "Écrit : rapport-essp-national-fr.xlsx");
    }

    @Test
    void problemsAreShownNotThrown() {
        vm.sections().forEach(s -> s.selected().set(false));
        vm.export();
        assertThat(vm.errorProperty().get()).isEqualTo("Choisissez au moins une section.");
        vm.sections().getFirst().selected().set(true);
        vm.destinationProperty().set(dir.resolve("missing-folder").resolve("r.pdf"));
        vm.export();
        assertThat(vm.errorProperty().get()).isEqualTo(dir.resolve("missing-folder").resolve("r.pdf")
                + " : refusé comme fichier à écrire, son dossier n’existe pas.");
        assertThat(opened).isEmpty();
    }

    @Test
    void theMissionOrAPipeIsRefusedAsDestinationInTheAppLanguageAndStaysUntouched() throws Exception {
        Path file = dir.resolve("r.essp");
        byte[] before = Files.readAllBytes(file);
        Path sneaky = dir.resolve("sub").resolve("..").resolve("r.essp");
        Files.createDirectories(dir.resolve("sub"));
        vm.destinationProperty().set(sneaky);
        assertThat(vm.errorProperty().get()).as("said as soon as the file is chosen").isEqualTo(sneaky
                + " : refusé comme fichier à écrire, c’est une base SQLite (une mission ou une sauvegarde) ; choisissez un autre fichier.");
        vm.formatProperty().set(vm.formats().get(1));
        vm.destinationProperty().set(sneaky);
        vm.export();
        assertThat(vm.errorProperty().get()).contains("c’est une base SQLite");
        assertThat(opened).isEmpty();
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        // a good choice clears the message
        vm.destinationProperty().set(dir.resolve("good.xlsx"));
        assertThat(vm.errorProperty().get()).isEmpty();
        I18n english = new I18n(java.util.Locale.ENGLISH);
        assertThat(ma.essp.diag.app.ui.OutputRefusals.check(dir, english)).contains(dir + ": refused as a file to write, it is a folder.");
    }

    @Test
    void aFailedExportIsSaidInTheWindowsLanguageNotInTheExceptionsEnglish() {
        mission.close(); // the export's first query then fails with jOOQ's English "The mission file is closed"
        vm.formatProperty().set(vm.formats().get(1));
        vm.export();
        assertThat(vm.errorProperty().get())
                .isEqualTo("Export impossible : erreur inattendue (le détail est dans le journal de l’application).")
                .doesNotContain("closed");
        assertThat(opened).isEmpty();
    }

    @Test
    void asksBeforeReplacingAnExistingReportAndNoKeepsIt() throws Exception {
        vm.formatProperty().set(vm.formats().get(1));
        Path out = dir.resolve("rapport-essp-national-fr.xlsx");
        Files.writeString(out, "an earlier report");
        dialogs.confirmAnswer = false;
        vm.export();
        assertThat(dialogs.shown).extracting(RecordingDialogService.Shown::kind).containsExactly("confirm");
        assertThat(dialogs.shown.getFirst().title()).isEqualTo("Remplacer le fichier ?");
        assertThat(dialogs.shown.getFirst().message())
                .isEqualTo("Le fichier rapport-essp-national-fr.xlsx existe déjà dans " + dir.toAbsolutePath() + ". Voulez-vous le remplacer ?");
        assertThat(Files.readString(out)).isEqualTo("an earlier report");
        assertThat(opened).isEmpty();

        dialogs.confirmAnswer = true;
        vm.export();
        assertThat(Files.size(out)).isGreaterThan(1000); // a real workbook now
        assertThat(opened).containsExactly(out);
    }

    @Test
    void aNewFileIsWrittenWithoutAQuestionAndItsFolderCanBeOpened() {
        vm.formatProperty().set(vm.formats().get(1));
        assertThat(vm.writtenProperty().get()).isNull();
        vm.export();
        assertThat(dialogs.shown).isEmpty();
        Path out = dir.resolve("rapport-essp-national-fr.xlsx");
        assertThat(vm.writtenProperty().get()).isEqualTo(out);
        vm.openFolder();
        assertThat(opened).containsExactly(out, dir);
    }

    @Test
    void noViewerIsSaidOnScreenNotOnlyInTheLog() throws Exception {
        ReportsViewModel noViewer = new ReportsViewModel(mission.dsl(), dir, new CurrentThreadTaskExecutor(), new I18n(I18n.FRENCH),
                file -> {
                    throw new java.io.IOException("No desktop viewer on this system");
                }, dialogs);
        noViewer.load();
        noViewer.formatProperty().set(noViewer.formats().get(1));
        noViewer.export();
        Path out = dir.resolve("rapport-essp-national-fr.xlsx");
        assertThat(out).exists();
        assertThat(noViewer.statusProperty().get()).isEqualTo("Écrit : rapport-essp-national-fr.xlsx");
        assertThat(noViewer.errorProperty().get())
                .isEqualTo("Le rapport est écrit, mais aucune application de ce poste ne peut l’ouvrir : " + out.toAbsolutePath());
        noViewer.openFolder();
        assertThat(noViewer.errorProperty().get())
                .isEqualTo("Aucune application de ce poste ne peut ouvrir le dossier : " + dir.toAbsolutePath());
    }
}
