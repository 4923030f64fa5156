package ma.essp.diag.app.reports;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CancellationException;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.task.BackgroundTask;
import ma.essp.diag.app.task.TaskExecutor;
import ma.essp.diag.app.ui.DialogService;
import ma.essp.diag.app.ui.Failures;
import ma.essp.diag.app.ui.FilterChoice;
import ma.essp.diag.app.ui.OutputRefusals;
import ma.essp.diag.database.repository.TerritoryRepository;
import ma.essp.diag.reporting.export.ExportCancelledException;
import ma.essp.diag.reporting.export.ExportProgress;
import ma.essp.diag.reporting.export.ReportFormat;
import ma.essp.diag.reporting.export.ReportLanguage;
import ma.essp.diag.reporting.export.ReportRequest;
import ma.essp.diag.reporting.export.ReportScope;
import ma.essp.diag.reporting.export.ReportSection;
import ma.essp.diag.reporting.export.job.ReportExporter;
import org.jooq.DSLContext;

/**
 * The report screen: scope, language, sections, format and destination; the export runs in the background with
 * its progress, can be cancelled (the worker thread is interrupted; the exporter leaves no file), and the result is
 * opened when done. Talks to the exporter only through {@link ReportExporter}, never to a control.
 */
public final class ReportsViewModel {

    /** Opens a file or a folder with the system's viewer; throws when none can (the screen then says so). */
    @FunctionalInterface
    public interface FileOpener {
        void open(Path fileOrFolder) throws Exception;
    }

    /** A section check box: the section, its label, whether it is chosen. */
    public record SectionChoice(ReportSection section, String label, BooleanProperty selected) {
    }

    private final DSLContext dsl;
    private final Path defaultFolder;
    private final TaskExecutor executor;
    private final I18n i18n;
    private final FileOpener opener;
    private final DialogService dialogs;

    private final ObservableList<FilterChoice> formats = FXCollections.observableArrayList();
    private final ObservableList<FilterChoice> levels = FXCollections.observableArrayList();
    private final ObservableList<FilterChoice> territories = FXCollections.observableArrayList();
    private final ObservableList<FilterChoice> languages = FXCollections.observableArrayList();
    private final List<SectionChoice> sections = new ArrayList<>();
    private final ObjectProperty<FilterChoice> format = new SimpleObjectProperty<>();
    private final ObjectProperty<FilterChoice> level = new SimpleObjectProperty<>();
    private final ObjectProperty<FilterChoice> territory = new SimpleObjectProperty<>();
    private final ObjectProperty<FilterChoice> language = new SimpleObjectProperty<>();
    private final StringProperty author = new SimpleStringProperty("");
    private final StringProperty reportVersion = new SimpleStringProperty("");
    /** The "as of" date shown on the cover; null: the mission's own as-of date. */
    private final ObjectProperty<LocalDate> asOf = new SimpleObjectProperty<>();
    private final ObjectProperty<Path> destination = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    /** The report this screen last wrote (its folder can be opened), null before the first export. */
    private final ReadOnlyObjectWrapper<Path> written = new ReadOnlyObjectWrapper<>();
    /** The export running, null when none: Cancel reaches this task only. */
    private BackgroundTask<Path> exportTask;
    private TerritoryRepository.Territory territoryData;
    /** The refusal of the chosen destination on show, cleared when a good file is chosen. */
    private String shownRefusal;

    /**
     * @param defaultFolder where reports go until the user chooses another folder (the user's Documents)
     * @param opener        opens a written report or its folder with the system's viewer (may block: it runs as a
     *                      background task)
     * @param dialogs       asks where to write the report, and before overwriting one
     */
    public ReportsViewModel(DSLContext dsl, Path defaultFolder, TaskExecutor executor, I18n i18n, FileOpener opener,
                            DialogService dialogs) {
        this.dsl = dsl;
        this.defaultFolder = defaultFolder;
        this.executor = executor;
        this.i18n = i18n;
        this.opener = opener;
        this.dialogs = dialogs;
        formats.setAll(new FilterChoice("pdf", i18n.get("reports.format.pdf")), new FilterChoice("xlsx", i18n.get("reports.format.xlsx")));
        levels.setAll(new FilterChoice("national", i18n.get("reports.level.national")),
                new FilterChoice("region", i18n.get("reports.level.region")),
                new FilterChoice("province", i18n.get("reports.level.province")),
                new FilterChoice("circonscription", i18n.get("reports.level.circonscription")));
        languages.setAll(new FilterChoice("fr", i18n.get("language.fr")), new FilterChoice("en", i18n.get("language.en")),
                new FilterChoice("ar", i18n.get("language.ar")));
        format.set(formats.getFirst());
        level.set(levels.getFirst());
        String current = i18n.locale().getLanguage();
        language.set(languages.stream().filter(c -> c.value().equals(current)).findFirst().orElse(languages.getFirst()));
        for (ReportSection s : ReportSection.values()) {
            sections.add(new SectionChoice(s, sectionLabel(s), new SimpleBooleanProperty(s != ReportSection.ESSP_SHEETS)));
        }
        level.addListener((obs, old, now) -> {
            fillTerritories();
            sectionChoice(ReportSection.ESSP_SHEETS).selected().set(now != null && !"national".equals(now.value()));
            suggestDestination();
        });
        format.addListener((obs, old, now) -> suggestDestination());
        territory.addListener((obs, old, now) -> suggestDestination());
        language.addListener((obs, old, now) -> suggestDestination());
        suggestDestination();
        destination.addListener((obs, old, now) -> checkDestination(now));
    }

    /**
     * Says at once, in the user's language, when the chosen file may not be written (a mission or any SQLite
     * database, a device, a folder...: {@link OutputRefusals}); the export would refuse it too.
     */
    private void checkDestination(Path chosen) {
        if (chosen == null) {
            return;
        }
        executor.execute(BackgroundTask.wrap(() -> OutputRefusals.check(chosen, i18n))
                .onSuccess(refusal -> {
                    if (!chosen.equals(destination.get())) {
                        return; // another file was chosen meanwhile
                    }
                    if (refusal.isPresent()) {
                        error.set(refusal.get());
                    } else if (error.get().equals(shownRefusal)) {
                        error.set("");
                    }
                    shownRefusal = refusal.orElse(null);
                }));
    }

    private String sectionLabel(ReportSection s) {
        return switch (s) {
            case REGISTRY -> i18n.get("reports.section.registry");
            case TERRITORY -> i18n.get("reports.section.territory");
            case HR -> i18n.get("reports.section.hr");
            case READINESS -> i18n.get("reports.section.readiness");
            case GAPS -> i18n.get("reports.section.gaps");
            case DATA_FLOWS -> i18n.get("reports.section.data_flows");
            case COMPLAINTS -> i18n.get("reports.section.complaints");
            case PERPETRATOR_CARE -> i18n.get("reports.section.perpetrator_care");
            case TRAINING -> i18n.get("reports.section.training");
            case FINDINGS -> i18n.get("reports.section.findings");
            case ESSP_SHEETS -> i18n.get("reports.section.essp_sheets");
        };
    }

    /** Loads the territory (regions, provinces, circonscriptions) for the scope choices, in the background. */
    public void load() {
        executor.execute(BackgroundTask.wrap(() -> new TerritoryRepository(dsl).load())
                .onSuccess(t -> {
                    territoryData = t;
                    fillTerritories();
                })
                .onFailure(e -> error.set(i18n.get("reports.error.territory", Failures.reason(e, i18n)))));
    }

    private void fillTerritories() {
        territories.clear();
        territory.set(null);
        if (territoryData == null || level.get() == null) {
            return;
        }
        switch (level.get().value()) {
            case "region" -> territoryData.regions().forEach(r ->
                    territories.add(new FilterChoice(r.code(), i18n.codeAndName(r.code(), i18n.localName(r.nameFr(), r.nameAr())))));
            case "province" -> territoryData.provinces().forEach(p ->
                    territories.add(new FilterChoice(p.code(), i18n.codeAndName(p.code(), i18n.localName(p.nameFr(), p.nameAr())))));
            case "circonscription" -> territoryData.circonscriptions().forEach(c ->
                    territories.add(new FilterChoice(Integer.toString(c.id()),
                            i18n.codeAndName(c.code(),
                                    ma.essp.diag.app.i18n.CirconscriptionName.shortForm(i18n.localName(c.nameFr(), c.nameAr()))))));
            default -> { }
        }
        if (!territories.isEmpty()) {
            territory.set(territories.getFirst());
        }
    }

    private void suggestDestination() {
        if (running.get()) {
            return;
        }
        String scope = level.get() == null || "national".equals(level.get().value()) || territory.get() == null
                ? "national" : level.get().value() + "-" + territory.get().value();
        String name = "rapport-essp-" + scope.replace('.', '-') + "-" + (language.get() == null ? "fr" : language.get().value())
                + "." + (format.get() == null ? "pdf" : format.get().value());
        Path folder = destination.get() != null && destination.get().getParent() != null ? destination.get().getParent() : defaultFolder;
        destination.set(folder.resolve(name));
    }

    private SectionChoice sectionChoice(ReportSection s) {
        return sections.stream().filter(c -> c.section() == s).findFirst().orElseThrow();
    }

    /** Checks the choices and starts the export; on a problem, says what is wrong instead. */
    public void export() {
        error.set("");
        if (running.get()) {
            return;
        }
        ReportRequest request;
        try {
            request = request();
        } catch (InvalidChoice e) {
            error.set(e.getMessage()); // already in the window's words
            return;
        } catch (IllegalArgumentException e) {
            error.set(i18n.get("reports.error.export", Failures.reason(e, i18n)));
            return;
        }
        Path out = destination.get();
        if (Files.isRegularFile(out) && !dialogs.confirm(i18n.get("reports.overwrite.title"),
                i18n.get("reports.overwrite.message", out.getFileName().toString(), out.toAbsolutePath().getParent().toString()))) {
            return; // the existing report stays as it is
        }
        written.set(null);
        ReportFormat reportFormat = ReportFormat.fromCode(format.get().value());
        running.set(true);
        progress.set(-1);
        status.set(i18n.get("reports.status.running"));
        BackgroundTask<Path> task = BackgroundTask.<Path>withProgress(self -> {
                    ReportExporter.export(dsl, request, reportFormat, out,
                            (stage, done, total) -> self.updateProgress(total > 0 ? (double) done / total : -1,
                                    progressText(stage, done, total)));
                    return out;
                })
                .onProgress(p -> {
                    progress.set(p.fraction());
                    status.set(p.message());
                })
                .onSuccess(path -> {
                    status.set(i18n.get("reports.status.done", path.getFileName()));
                    progress.set(1);
                    written.set(path);
                    open(path);
                })
                .onFailure(e -> {
                    progress.set(0);
                    if (e instanceof ExportCancelledException || e instanceof CancellationException) {
                        status.set(i18n.get("reports.status.cancelled"));
                    } else {
                        status.set("");
                        error.set(OutputRefusals.of(e, i18n).orElseGet(() -> i18n.get("reports.error.export", Failures.reason(e, i18n))));
                    }
                })
                .onFinished(() -> {
                    running.set(false);
                    exportTask = null;
                });
        exportTask = task;
        executor.execute(task);
    }

    /** Opens the written report with the system's viewer, in the background (the desktop call may block). */
    private void open(Path report) {
        openWithSystem(report, "reports.error.open");
    }

    /** Opens the folder of the report just written with the system's file manager. */
    public void openFolder() {
        Path report = written.get();
        if (report != null && report.toAbsolutePath().getParent() != null) {
            openWithSystem(report.toAbsolutePath().getParent(), "reports.error.open_folder");
        }
    }

    /** The file is written whatever happens here: a missing viewer is said on screen, not only in the log. */
    private void openWithSystem(Path target, String errorKey) {
        executor.execute(BackgroundTask.wrap(() -> {
                    opener.open(target);
                    return target;
                })
                .onFailure(e -> error.set(i18n.get(errorKey, target.toAbsolutePath().toString()))));
    }

    /** Asks where to write the report (the chosen format's files), next to the current choice. */
    public void chooseDestination() {
        Path current = destination.get();
        Path folder = current != null && current.getParent() != null ? current.getParent() : defaultFolder;
        String name = current == null ? null : current.getFileName().toString();
        dialogs.chooseFileToSave(i18n.get("reports.destination"), folder, name, format.get().label(), extensionPattern())
                .ifPresent(destination::set);
    }

    /** Cancels this screen's export (not any other task): the exporter stops at its next check and leaves no file. */
    public void cancel() {
        BackgroundTask<Path> task = exportTask;
        if (task != null) {
            task.cancel();
        }
    }

    /** "Rows written: 1,024 / 60,000" in the app's language; the stage alone while the total is unknown. */
    String progressText(String stage, long done, long total) {
        String label = switch (stage) {
            case ExportProgress.LOAD -> i18n.get("reports.stage.load");
            case ExportProgress.ROWS -> i18n.get("reports.stage.rows");
            case ExportProgress.SAVING -> i18n.get("reports.stage.saving");
            case ExportProgress.LAYOUT -> i18n.get("reports.stage.layout");
            case ExportProgress.PAGES -> i18n.get("reports.stage.pages");
            default -> i18n.get("reports.status.running");
        };
        if (total <= 0 || ExportProgress.SAVING.equals(stage)) {
            return label + "…";
        }
        java.text.NumberFormat f = java.text.NumberFormat.getIntegerInstance(i18n.locale());
        return i18n.get("reports.status.progress", label, f.format(done), f.format(total));
    }

    /** A choice of the form that is missing or wrong, said in the window's words. */
    static final class InvalidChoice extends IllegalArgumentException {

        private static final long serialVersionUID = 1L;

        InvalidChoice(String message) {
            super(message);
        }
    }

    ReportRequest request() {
        if (destination.get() == null) {
            throw new InvalidChoice(i18n.get("reports.error.destination"));
        }
        String levelCode = level.get().value();
        ReportScope scope;
        if ("national".equals(levelCode)) {
            scope = ReportScope.NATIONAL;
        } else {
            if (territory.get() == null) {
                throw new InvalidChoice(i18n.get("reports.error.territory.choose"));
            }
            scope = ReportScope.parse(levelCode + ":" + territory.get().value());
        }
        Set<ReportSection> chosen = EnumSet.noneOf(ReportSection.class);
        sections.stream().filter(c -> c.selected().get()).forEach(c -> chosen.add(c.section()));
        if (chosen.isEmpty()) {
            // the summary and the read-me are always there; an empty choice would mean "all" to the exporter
            throw new InvalidChoice(i18n.get("reports.error.sections"));
        }
        return new ReportRequest(scope, ReportLanguage.fromCode(language.get().value()), chosen, asOf.get(),
                author.get().isBlank() ? null : author.get().strip(), reportVersion.get().isBlank() ? null : reportVersion.get().strip());
    }

    public ObservableList<FilterChoice> formats() {
        return formats;
    }

    public ObservableList<FilterChoice> levels() {
        return levels;
    }

    public ObservableList<FilterChoice> territories() {
        return territories;
    }

    public ObservableList<FilterChoice> languages() {
        return languages;
    }

    public List<SectionChoice> sections() {
        return List.copyOf(sections);
    }

    public ObjectProperty<FilterChoice> formatProperty() {
        return format;
    }

    public ObjectProperty<FilterChoice> levelProperty() {
        return level;
    }

    public ObjectProperty<FilterChoice> territoryProperty() {
        return territory;
    }

    public ObjectProperty<FilterChoice> languageProperty() {
        return language;
    }

    public StringProperty authorProperty() {
        return author;
    }

    public StringProperty reportVersionProperty() {
        return reportVersion;
    }

    public ObjectProperty<LocalDate> asOfProperty() {
        return asOf;
    }

    public ObjectProperty<Path> destinationProperty() {
        return destination;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The report last written by this screen, null before (and during) an export. */
    public ReadOnlyObjectProperty<Path> writtenProperty() {
        return written.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The file-chooser extension filter of the chosen format ({@code *.pdf}). */
    public String extensionPattern() {
        return "*." + (format.get() == null ? "pdf" : format.get().value().toLowerCase(Locale.ROOT));
    }
}
