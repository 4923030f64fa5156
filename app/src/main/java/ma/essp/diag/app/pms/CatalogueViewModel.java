package ma.essp.diag.app.pms;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.task.BackgroundTask;
import ma.essp.diag.app.task.TaskExecutor;
import ma.essp.diag.app.ui.DialogService;
import ma.essp.diag.app.ui.Failures;
import ma.essp.diag.app.ui.OutputRefusals;
import ma.essp.diag.database.files.OutputTarget;
import ma.essp.diag.database.repository.CatalogueDiff;
import ma.essp.diag.database.repository.CatalogueEditRepository;
import ma.essp.diag.database.repository.CatalogueVersionRepository;
import ma.essp.diag.database.repository.CatalogueVersionRepository.VersionInfo;
import ma.essp.diag.database.repository.StaleEditException;
import ma.essp.diag.reporting.catalogue.CatalogueImportException;
import ma.essp.diag.reporting.catalogue.CatalogueImportProblem;
import ma.essp.diag.reporting.catalogue.CatalogueWorkbook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The catalogue versions: list them, draft a new one from the selected one, compare the selected one with the
 * version it is based on, publish a draft, and exchange a version with Excel (import creates a new draft). The
 * content of the selected version is shown by the {@link CatalogueEditorViewModel} (editable on a draft, read-only
 * once published); each edit there refreshes the comparison.
 */
public final class CatalogueViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(CatalogueViewModel.class);

    private final CatalogueVersionRepository repository;
    private final TaskExecutor executor;
    private final I18n i18n;
    private final DialogService dialogs;
    /** Where the last workbook was chosen: the next file chooser opens there. */
    private Path lastFolder;

    private final ObservableList<VersionInfo> versions = FXCollections.observableArrayList();
    private final ObjectProperty<VersionInfo> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObservableList<String> changes = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final CatalogueEditorViewModel editor;

    public CatalogueViewModel(CatalogueVersionRepository repository, CatalogueEditRepository edits, TaskExecutor executor, I18n i18n,
                              DialogService dialogs, ma.essp.diag.app.ui.EditHistory history) {
        this.repository = repository;
        this.executor = executor;
        this.i18n = i18n;
        this.dialogs = dialogs;
        this.editor = new CatalogueEditorViewModel(edits, repository, executor, i18n, dialogs, this::compare, history);
        selected.addListener((o, old, now) -> {
            compare();
            editor.setVersion(now);
        });
    }

    /** The content editor of the selected version. */
    public CatalogueEditorViewModel editor() {
        return editor;
    }

    public void load() {
        run(repository::versions, list -> {
            versions.setAll(list);
            if (!list.isEmpty()) {
                selected.set(list.getLast());
            }
        });
    }

    private void reloadSelecting(int id) {
        run(repository::versions, list -> {
            versions.setAll(list);
            list.stream().filter(v -> v.id() == id).findFirst().ifPresent(selected::set);
        });
    }

    /** Lists what the selected version adds, removes and changes relative to the version it is based on. */
    public void compare() {
        VersionInfo v = selected.get();
        changes.clear();
        if (v == null) {
            return;
        }
        Integer base = v.basedOnId();
        if (base == null) {
            changes.add(i18n.get("pms.catalogue.no_base"));
            return;
        }
        run(() -> repository.compare(base, v.id()), diff -> {
            if (diff.isEmpty()) {
                changes.add(i18n.get("pms.catalogue.no_change", base));
            }
            for (CatalogueDiff.Change c : diff.changes()) {
                changes.add(c.kind() + " " + c.entity() + " " + c.code() + (c.fields().isEmpty() ? "" : " " + c.fields()));
            }
        });
    }

    public void draftFromSelected() {
        VersionInfo v = selected.get();
        if (v != null) {
            run(() -> repository.draftFrom(v.id(), v.label() + " (" + i18n.plain("pms.catalogue.draft") + ")"), this::reloadSelecting);
        }
    }

    public void publishSelected() {
        VersionInfo v = selected.get();
        if (v != null && !v.published()) {
            executor.execute(BackgroundTask.wrap(() -> {
                        repository.publish(v.id(), v.version(), LocalDate.now());
                        return v.id();
                    })
                    .onRunning(() -> busy.set(true))
                    .onSuccess(this::reloadSelecting)
                    .onFailure(e -> {
                        if (e instanceof StaleEditException) {
                            // changed elsewhere since the list was loaded: nothing published, the list shows it as it is
                            message.set(i18n.get("error.stale"));
                            reloadSelecting(v.id());
                        } else {
                            message.set(i18n.get("pms.error.save", Failures.reason(e, i18n)));
                        }
                    })
                    .onFinished(() -> busy.set(false)));
        }
    }

    public void exportSelected(Path file) {
        VersionInfo v = selected.get();
        if (v != null) {
            run(() -> {
                OutputTarget.resolve(file); // a mission, a device, a folder...: refused before reading anything
                CatalogueWorkbook.export(repository.snapshot(v.id()), v, repository.requirementCategories(), file);
                return file;
            }, f -> message.set(i18n.get("pms.catalogue.exported", f.getFileName())));
        }
    }

    /** Asks where to write the selected version's workbook, then exports it. */
    public void exportWithDialog() {
        if (selected.get() != null) {
            dialogs.chooseFileToSave(i18n.plain("pms.catalogue.export"), lastFolder, "catalogue-pms.xlsx",
                    i18n.get("pms.catalogue.excel_files"), "*.xlsx").ifPresent(file -> {
                        lastFolder = file.toAbsolutePath().getParent();
                        exportSelected(file);
                    });
        }
    }

    /** Asks for a workbook, then imports it as a new draft. */
    public void importWithDialog() {
        dialogs.chooseFileToOpen(i18n.plain("pms.catalogue.import"), lastFolder, i18n.get("pms.catalogue.excel_files"), "*.xlsx")
                .ifPresent(file -> {
                    lastFolder = file.toAbsolutePath().getParent();
                    importFile(file);
                });
    }

    /** Imports a workbook as a new draft; on problems, lists every one and changes nothing. */
    public void importFile(Path file) {
        VersionInfo base = selected.get();
        executor.execute(BackgroundTask.wrap(() -> CatalogueWorkbook.importAsDraft(file, repository,
                        file.getFileName().toString(), base == null ? null : base.id()))
                .onRunning(() -> busy.set(true))
                .onSuccess(id -> {
                    message.set(i18n.get("pms.catalogue.imported", file.getFileName()));
                    reloadSelecting(id);
                })
                .onFailure(e -> {
                    if (e instanceof CatalogueImportException problems) {
                        if (problems.getCause() != null) {
                            LOG.info("catalogue import refused: {}", problems.getMessage(), problems.getCause());
                        }
                        message.set(i18n.get("pms.catalogue.import_refused", problems.problems().size()));
                        changes.setAll(problems.problems().stream().map(this::describe).toList());
                    } else {
                        message.set(i18n.get("pms.error.save", Failures.reason(e, i18n)));
                    }
                })
                .onFinished(() -> busy.set(false)));
    }

    /** One refused cell in the user's language: where (file, sheet, row, column), then why (never a library's text). */
    String describe(CatalogueImportProblem p) {
        String where;
        if (p.sheet() == null) {
            where = i18n.get("pms.catalogue.import.at.file", p.file());
        } else if (p.row() == null) {
            where = i18n.get("pms.catalogue.import.at.sheet", p.file(), p.sheet());
        } else if (p.column() == null) {
            where = i18n.get("pms.catalogue.import.at.row", p.file(), p.sheet(), Integer.toString(p.row()));
        } else {
            where = i18n.get("pms.catalogue.import.at.cell", p.file(), p.sheet(), Integer.toString(p.row()), p.column());
        }
        String key = switch (p.reason()) {
            case NO_SUCH_FILE -> "pms.catalogue.import.no_such_file";
            case NOT_A_WORKBOOK -> "pms.catalogue.import.not_a_workbook";
            case OLD_OR_PROTECTED_WORKBOOK -> "pms.catalogue.import.old_or_protected";
            case TOO_MANY_ROWS -> "pms.catalogue.import.too_many_rows";
            case SHEET_MISSING -> "pms.catalogue.import.sheet_missing";
            case COLUMN_MISSING -> "pms.catalogue.import.column_missing";
            case UNKNOWN_CATEGORY -> "pms.catalogue.import.unknown_category";
            case REQUIRED_EMPTY -> "pms.catalogue.import.required_empty";
            case FORMULA -> "pms.catalogue.import.formula";
            case NOT_WHOLE_NUMBER -> "pms.catalogue.import.not_whole_number";
            case OUT_OF_RANGE -> "pms.catalogue.import.out_of_range";
            case NOT_A_FLAG -> "pms.catalogue.import.not_a_flag";
            case BAD_REQUIREMENT -> "pms.catalogue.import.bad_requirement";
            case DUPLICATE_AREA -> "pms.catalogue.import.duplicate_area";
            case DUPLICATE_SERVICE -> "pms.catalogue.import.duplicate_service";
            case DUPLICATE_ITEM -> "pms.catalogue.import.duplicate_item";
            case UNKNOWN_AREA -> "pms.catalogue.import.unknown_area";
            case UNKNOWN_SERVICE -> "pms.catalogue.import.unknown_service";
            case UNKNOWN_DOMAIN -> "pms.catalogue.import.unknown_domain";
            case GENERAL_ITEM_DOMAIN -> "pms.catalogue.import.general_item_domain";
            case SERVICE_ITEM_DOMAIN -> "pms.catalogue.import.service_item_domain";
        };
        // the location keys end with their language's colon; the reason follows (not an argument: in Arabic, arguments
        // are isolated left to right, which suits codes and file names, not a sentence)
        return where + " " + i18n.get(key, p.args().toArray());
    }

    private <V> void run(Callable<V> work, java.util.function.Consumer<V> then) {
        executor.execute(BackgroundTask.wrap(work)
                .onRunning(() -> busy.set(true))
                .onSuccess(then)
                .onFailure(e -> message.set(OutputRefusals.of(e, i18n)
                        .orElseGet(() -> i18n.get("pms.error.save", Failures.reason(e, i18n)))))
                .onFinished(() -> busy.set(false)));
    }

    public String versionLabel(VersionInfo v) {
        // shown in a wrapping list cell
        return v == null ? "" : i18n.wrappable("#" + v.id() + " " + v.label() + " — " + i18n.get(v.published()
                ? "pms.catalogue.published" : "pms.catalogue.draft") + (v.publishedOn() == null ? "" : " " + i18n.formatDate(v.publishedOn())));
    }

    public ObservableList<VersionInfo> versions() {
        return versions;
    }

    public ObjectProperty<VersionInfo> selectedProperty() {
        return selected;
    }

    public ObservableList<String> changes() {
        return changes;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    List<VersionInfo> snapshotOfVersions() {
        return List.copyOf(versions);
    }
}
