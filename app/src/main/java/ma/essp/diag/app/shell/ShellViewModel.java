package ma.essp.diag.app.shell;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import ma.essp.diag.app.settings.AppPaths;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.mission.MissionService;
import ma.essp.diag.app.mission.MissionSummary;
import ma.essp.diag.app.mission.OpenMission;
import ma.essp.diag.app.settings.Settings;
import ma.essp.diag.app.task.BackgroundTask;
import ma.essp.diag.database.mission.MissionBackup;
import ma.essp.diag.app.task.TaskExecutor;
import ma.essp.diag.app.task.TaskGroup;
import ma.essp.diag.app.ui.DialogService;
import ma.essp.diag.app.ui.OutputRefusals;
import ma.essp.diag.app.ui.UnsavedChanges;
import ma.essp.diag.app.ui.UnsavedChangesGuard;
import ma.essp.diag.database.mission.MissionFileException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The main window's state: the open mission (at most one), the language, the recent missions and the status
 * bar texts. Every file operation runs through the {@link TaskExecutor}; a refused file leaves the current
 * mission open and is reported through the {@link DialogService}.
 */
public final class ShellViewModel implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ShellViewModel.class);

    private final AppPaths paths;
    private final Settings settings;
    private final MissionService missions;
    private final TaskExecutor executor;
    private final DialogService dialogs;

    private final ReadOnlyObjectWrapper<OpenMission> mission = new ReadOnlyObjectWrapper<>(this, "mission");
    private final ReadOnlyObjectWrapper<I18n> i18n = new ReadOnlyObjectWrapper<>(this, "i18n");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ObservableList<Path> recentMissions = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title");
    private final ReadOnlyStringWrapper missionName = new ReadOnlyStringWrapper(this, "missionName", "");
    private final ReadOnlyBooleanWrapper synthetic = new ReadOnlyBooleanWrapper(this, "synthetic");
    private final ReadOnlyStringWrapper schemaText = new ReadOnlyStringWrapper(this, "schemaText", "");
    private final ReadOnlyStringWrapper countsText = new ReadOnlyStringWrapper(this, "countsText", "");
    private final ReadOnlyStringWrapper memberText = new ReadOnlyStringWrapper(this, "memberText", "");
    /** Whether the open mission writes: false while its integrity check and the day's backup run after opening. */
    private final ReadOnlyBooleanWrapper writable = new ReadOnlyBooleanWrapper(this, "writable");
    private final ReadOnlyStringWrapper checkingText = new ReadOnlyStringWrapper(this, "checkingText", "");
    private final UnsavedChangesGuard guard;
    /** The editors of the area on screen, asked before anything would drop their edits. */
    private UnsavedChanges editor = UnsavedChanges.NONE;
    /** The status bar's summary: read when the mission opens, re-read when the user changes area (edits move it). */
    private MissionSummary summary;
    /** The tasks of the open mission: its file is closed after them when another mission replaces it. */
    private TaskGroup missionTasks;

    public ShellViewModel(AppPaths paths, Settings settings, MissionService missions, TaskExecutor executor,
                          DialogService dialogs) {
        this.paths = paths;
        this.settings = settings;
        this.missions = missions;
        this.executor = executor;
        this.dialogs = dialogs;
        this.guard = new UnsavedChangesGuard(dialogs, this::i18n);
        i18n.set(new I18n(settings.locale()));
        recentMissions.setAll(settings.recentMissions());
        mission.addListener((obs, old, now) -> {
            summary = now == null ? null : now.summary();
            if (now == null) {
                writable.set(false);
            }
            updateTexts();
        });
        i18n.addListener((obs, old, now) -> updateTexts());
        updateTexts();
    }

    /**
     * What the window opens first: the mission given on the command line, else the user's copy of the bundled
     * demo (copied on first start), else nothing (the empty state offers New and Open).
     */
    public void openAtStartup(List<String> args) {
        if (!args.isEmpty()) {
            open(Path.of(args.getFirst()));
            return;
        }
        executor.execute(BackgroundTask.wrap(missions::demoWorkingCopy)
                .onSuccess(demo -> demo.ifPresent(this::open))
                .onFailure(e -> LOG.warn("Cannot copy the bundled demo mission", e)));
    }

    /** The view tells which editors are on screen ({@link UnsavedChanges#NONE} when none). */
    public void setEditor(UnsavedChanges editor) {
        this.editor = editor == null ? UnsavedChanges.NONE : editor;
    }

    /**
     * Before the area on screen goes away (another area, another mission, another language, the window closing):
     * runs {@code proceed} at once when nothing is unsaved, otherwise asks save / discard / cancel and runs
     * {@code proceed} once the edits are saved or discarded, or {@code stay} when the user cancels or the save is
     * refused (the form then shows why).
     */
    public void leaveThen(Runnable proceed, Runnable stay) {
        guard.leave(editor, proceed, stay);
    }

    /** Opens another mission (a recent one) after the unsaved-changes question. */
    public void switchTo(Path file) {
        leaveThen(() -> open(file), () -> { });
    }

    /**
     * Opens a mission in the background; on success it replaces the current one. The first time this laptop opens
     * the mission, the consultant says who they are (a team member, or a new one); cancelling leaves the current
     * mission open and the new one closed.
     */
    public void open(Path file) {
        run(BackgroundTask.wrap(() -> missions.open(file, settings)), file);
    }

    /** Creates an empty mission at {@code file} and opens it (its creator says who they are first). */
    public void createNew(Path file) {
        run(BackgroundTask.wrap(() -> missions.create(file, settings)), file);
    }

    private void run(BackgroundTask<OpenMission> task, Path file) {
        executor.execute(task
                .onRunning(() -> busy.set(true))
                .onSuccess(opened -> {
                    if (opened.identified()) {
                        replaceMission(opened);
                    } else {
                        identify(opened, file);
                    }
                })
                .onFailure(e -> reportFailure(file, e))
                .onFinished(() -> busy.set(false)));
    }

    private void identify(OpenMission opened, Path file) {
        Optional<MissionService.MemberChoice> choice = dialogs.chooseMember(opened.summary().name(), opened.team());
        if (choice.isEmpty()) {
            executor.execute(BackgroundTask.wrap(() -> {
                opened.file().close();
                return file;
            }));
            return;
        }
        executor.execute(BackgroundTask.wrap(() -> missions.identify(opened, choice.get(), settings))
                .onRunning(() -> busy.set(true))
                .onSuccess(this::replaceMission)
                .onFailure(e -> {
                    opened.file().close();
                    reportFailure(file, e);
                })
                .onFinished(() -> busy.set(false)));
    }

    private void replaceMission(OpenMission opened) {
        OpenMission previous = mission.get();
        TaskGroup previousTasks = missionTasks;
        missionTasks = new TaskGroup(executor);
        writable.set(opened.file().writable());
        mission.set(opened);
        if (previous != null) {
            closeAfterItsTasks(previous, previousTasks);
        }
        settings.addRecent(opened.path());
        settings.save();
        recentMissions.setAll(settings.recentMissions());
        if (!opened.file().writable()) {
            checkThenAllowWrites(opened);
        }
    }

    /**
     * The mission is on screen, read-only: its integrity check and the day's backup run in the background, then
     * writes are allowed. A damaged file is closed with the same message as a file refused when opening; nothing
     * was written to it.
     */
    private void checkThenAllowWrites(OpenMission opened) {
        missionTasks.execute(BackgroundTask.wrap(() -> {
                    missions.checkThenAllowWrites(opened);
                    return opened;
                })
                .onSuccess(checked -> {
                    if (mission.get() == checked) {
                        writable.set(true);
                        updateTexts();
                    }
                })
                .onFailure(e -> {
                    if (mission.get() == opened) {
                        TaskGroup tasks = missionTasks;
                        missionTasks = null;
                        mission.set(null);
                        closeAfterItsTasks(opened, tasks);
                    }
                    reportFailure(opened.path(), e);
                }));
    }

    /**
     * Re-reads the status bar's counts in the background (ESSPs, circonscriptions, staff, assessments change as the
     * consultant edits); an answer for a mission that is no longer open is dropped.
     */
    public void refreshSummary() {
        OpenMission current = mission.get();
        if (current == null) {
            return;
        }
        missionTasks.execute(BackgroundTask.wrap(() -> MissionSummary.read(current.file()))
                .onSuccess(read -> {
                    if (mission.get() == current) {
                        summary = read;
                        updateTexts();
                    }
                })
                .onFailure(e -> LOG.warn("status bar counts not refreshed", e)));
    }

    /** Writes a consistent copy of the open mission; the open mission stays the same. */
    public void saveCopy(Path target) {
        OpenMission current = mission.get();
        if (current == null) {
            return;
        }
        missionTasks.execute(BackgroundTask.wrap(() -> {
                    current.file().copyTo(target);
                    return target;
                })
                .onRunning(() -> busy.set(true))
                .onSuccess(copy -> dialogs.showInformation(i18n().get("copy.done.title"), null,
                        i18n().get("copy.done.message", copy.toString())))
                .onFailure(e -> reportFailure(target, e))
                .onFinished(() -> busy.set(false)));
    }

    private void reportFailure(Path file, Throwable e) {
        LOG.warn("Mission operation failed on {}", file, e);
        I18n words = i18n();
        Optional<String> refusal = OutputRefusals.of(e, words);
        if (refusal.isPresent()) { // "Save a copy" over a mission, a device, a folder...: nothing was written
            dialogs.showError(words.get("error.output.title"), refusal.get());
            return;
        }
        String reason = e instanceof MissionFileException mfe ? reasonText(mfe.reason()) : words.get("error.reason.unexpected");
        // the exception's own text (English, technical) is in the log above, not in the window
        dialogs.showError(words.get("error.mission.title"),
                words.get("error.mission.message", String.valueOf(file.getFileName()), reason, file.toAbsolutePath().toString()));
    }

    /** The translated reason a mission file was refused. */
    public String reasonText(MissionFileException.Reason reason) {
        I18n words = i18n();
        return switch (reason) {
            case NOT_FOUND -> words.get("error.reason.not_found");
            case NOT_READABLE -> words.get("error.reason.not_readable");
            case ALREADY_EXISTS -> words.get("error.reason.already_exists");
            case EMPTY -> words.get("error.reason.empty");
            case NOT_SQLITE -> words.get("error.reason.not_sqlite");
            case CORRUPTED -> words.get("error.reason.corrupted");
            case NOT_A_MISSION -> words.get("error.reason.not_a_mission");
            case NEWER_SCHEMA -> words.get("error.reason.newer_schema");
            case FAILED_MIGRATION -> words.get("error.reason.failed_migration");
            case IO_ERROR -> words.get("error.reason.io_error");
            case IN_USE -> words.get("error.reason.in_use");
            case READ_ONLY -> words.get("error.reason.read_only");
            case HOT_JOURNAL -> words.get("error.reason.hot_journal");
            case SCHEMA_INCOMPLETE -> words.get("error.reason.schema_incomplete");
        };
    }

    /** Switches the language after the unsaved-changes question (the screens are rebuilt); {@code stay} on cancel. */
    public void requestLanguage(Locale locale, Runnable stay) {
        if (new I18n(locale).locale().equals(i18n().locale())) {
            return;
        }
        leaveThen(() -> setLanguage(locale), stay);
    }

    /** Switches the language and remembers it; the view rebuilds itself from the new bundles. */
    public void setLanguage(Locale locale) {
        I18n next = new I18n(locale);
        if (next.locale().equals(i18n().locale())) {
            return;
        }
        settings.setLocale(next.locale());
        settings.save();
        i18n.set(next);
    }

    /** Asks about unsaved edits, then for a file, and opens it. */
    public void openWithDialog() {
        leaveThen(() -> dialogs.chooseMissionToOpen(initialFolder()).ifPresent(this::open), () -> { });
    }

    public void newWithDialog() {
        leaveThen(() -> dialogs.chooseMissionToSave(paths.missions(), i18n().plain("dialog.new.suggested") + ".essp")
                .ifPresent(this::createNew), () -> { });
    }

    public void saveCopyWithDialog() {
        OpenMission current = mission.get();
        if (current == null) {
            return;
        }
        String name = current.path().getFileName().toString().replaceFirst("\\.essp$", "");
        dialogs.chooseMissionToSave(initialFolder(), i18n().plain("dialog.copy.suggested", name) + ".essp").ifPresent(this::saveCopy);
    }

    /**
     * "Restore a backup…": after the unsaved-changes question, lists the open mission's rolling backups; the chosen
     * one, once confirmed, replaces the mission (closed first, the state it replaces backed up) and the mission is
     * opened again. A refusal (damaged backup, the mission open in another window) leaves it as it was and reopens it.
     */
    public void restoreWithDialog() {
        OpenMission current = mission.get();
        if (current == null) {
            return;
        }
        leaveThen(() -> executor.execute(BackgroundTask.wrap(() -> MissionBackup.list(current.path()))
                .onSuccess(entries -> chooseBackup(current, entries))
                .onFailure(e -> reportFailure(current.path(), e))), () -> { });
    }

    private void chooseBackup(OpenMission current, List<MissionBackup.Entry> entries) {
        I18n words = i18n();
        String title = words.get("mission.restore.title");
        String folder = MissionBackup.folderOf(current.path()).toString();
        if (entries.isEmpty()) {
            dialogs.showInformation(title, null, words.get("mission.restore.none", folder));
            return;
        }
        List<String> lines = entries.stream().map(e -> backupLine(words, e)).toList();
        Optional<Integer> chosen = dialogs.chooseOne(title, words.get("mission.restore.header", folder), lines);
        if (chosen.isEmpty() || mission.get() != current) {
            return;
        }
        MissionBackup.Entry entry = entries.get(chosen.get());
        if (!dialogs.confirm(title, words.get("mission.restore.confirm", lines.get(chosen.get())))) {
            return;
        }
        Path path = current.path();
        TaskGroup tasks = missionTasks;
        missionTasks = null;
        mission.set(null);
        busy.set(true);
        tasks.closeAfterTasks(() -> {
            current.file().close();
            executor.execute(BackgroundTask.wrap(() -> MissionBackup.restore(path, entry.file()))
                    .onSuccess(before -> {
                        busy.set(false);
                        dialogs.showInformation(title, null, words.get("mission.restore.done", entry.name(), before.toString()));
                        open(path);
                    })
                    .onFailure(e -> {
                        busy.set(false);
                        reportFailure(path, e);
                        open(path);
                    }));
        });
    }

    /** One backup as the list shows it: date and time, why it was taken, size, schema version. */
    static String backupLine(I18n words, MissionBackup.Entry e) {
        return words.get("mission.restore.entry", words.formatDate(e.takenAt().toLocalDate()),
                e.takenAt().toLocalTime().withNano(0).toString(), reasonLabel(words, e.reason()),
                words.formatDecimal(e.size() / (1024.0 * 1024.0), 1), words.formatNumber(e.schemaVersion()));
    }

    private static String reasonLabel(I18n words, MissionBackup.Reason reason) {
        return switch (reason) {
            case OPEN -> words.get("mission.restore.reason.open");
            case IMPORT -> words.get("mission.restore.reason.import");
            case MERGE -> words.get("mission.restore.reason.merge");
            case RESTORE -> words.get("mission.restore.reason.restore");
            case MANUAL -> words.get("mission.restore.reason.manual");
        };
    }

    private Path initialFolder() {
        OpenMission current = mission.get();
        if (current != null && current.path().toAbsolutePath().getParent() != null) {
            return current.path().toAbsolutePath().getParent();
        }
        return paths.missions();
    }

    public void showAbout() {
        I18n words = i18n();
        dialogs.showInformation(words.get("about.title"), words.get("about.header"),
                String.join("\n\n", words.get("about.version", AppVersion.current()), words.get("about.purpose"),
                        words.get("about.credits.population"),
                        words.get("about.credits.map"), words.get("about.synthetic")));
    }

    /** The short help of an area (F1): its title and its text, in the window's language. */
    public void showHelp(String titleKey, String helpKey) {
        I18n words = i18n();
        dialogs.showInformation(words.get("menu.help.page.title"), words.get(titleKey), words.get(helpKey));
    }

    /** The keyboard shortcuts of the window and of its pages (Help menu). */
    public void showShortcuts() {
        I18n words = i18n();
        dialogs.showInformation(words.get("about.shortcuts.title"), words.get("about.shortcuts.header"), words.get("about.shortcuts.list"));
    }

    private void updateTexts() {
        I18n words = i18n();
        OpenMission current = mission.get();
        if (current == null) {
            title.set(words.plain("app.title"));
            missionName.set(words.get("status.no_mission"));
            synthetic.set(false);
            schemaText.set("");
            countsText.set("");
            memberText.set("");
            checkingText.set("");
            return;
        }
        checkingText.set(writable.get() ? "" : words.get("status.checking"));
        memberText.set(current.member() == null ? "" : words.get("status.member", current.member().fullName()));
        MissionSummary s = summary != null ? summary : current.summary();
        // the window title is drawn by the desktop, left to right when it starts with a Latin word: no marks
        title.set(words.plain("app.title.mission", s.name()));
        missionName.set(s.name());
        synthetic.set(s.synthetic());
        schemaText.set(words.get("status.schema", String.valueOf(s.schemaVersion())));
        countsText.set(words.get("status.counts", words.formatNumber(s.essps()), words.formatNumber(s.circonscriptions()),
                words.formatNumber(s.staffPositions()), words.formatNumber(s.assessments())));
    }

    public I18n i18n() {
        return i18n.get();
    }

    public ReadOnlyObjectProperty<I18n> i18nProperty() {
        return i18n.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<OpenMission> missionProperty() {
        return mission.getReadOnlyProperty();
    }

    public Optional<OpenMission> mission() {
        return Optional.ofNullable(mission.get());
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Most recent first. */
    public ObservableList<Path> recentMissions() {
        return FXCollections.unmodifiableObservableList(recentMissions);
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty missionNameProperty() {
        return missionName.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty syntheticProperty() {
        return synthetic.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty schemaTextProperty() {
        return schemaText.getReadOnlyProperty();
    }

    /** Who edits in the open mission ("Édité par …"), empty without a mission. */
    public ReadOnlyStringProperty memberTextProperty() {
        return memberText.getReadOnlyProperty();
    }

    /** Whether the open mission accepts writes (false while it is checked after opening, and without a mission). */
    public ReadOnlyBooleanProperty writableProperty() {
        return writable.getReadOnlyProperty();
    }

    /** "Checking the file… read-only until then" while the open mission is checked, else empty. */
    public ReadOnlyStringProperty checkingTextProperty() {
        return checkingText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty countsTextProperty() {
        return countsText.getReadOnlyProperty();
    }

    /** Runs the open mission's tasks (the screens get it): the file is closed only once they have ended. */
    public TaskExecutor missionTasks() {
        return missionTasks == null ? executor : missionTasks;
    }

    /** The user's preferences: the window remembers its bounds and its split panes' dividers there. */
    public Settings settings() {
        return settings;
    }

    public DialogService dialogs() {
        return dialogs;
    }

    /** Closes the open mission (window closing), off the FX thread once its running tasks have ended. */
    @Override
    public void close() {
        OpenMission current = mission.get();
        TaskGroup tasks = missionTasks;
        missionTasks = null;
        mission.set(null);
        if (current != null) {
            closeAfterItsTasks(current, tasks);
        }
    }

    /**
     * A mission that leaves the window: its screens are gone (they cancelled their long jobs), but their queries may
     * still run; the file is closed on a background thread once they have ended, never under them.
     */
    private static void closeAfterItsTasks(OpenMission old, TaskGroup tasks) {
        tasks.closeAfterTasks(() -> {
            old.file().close();
            LOG.debug("Closed {}", old.path());
        });
    }
}
