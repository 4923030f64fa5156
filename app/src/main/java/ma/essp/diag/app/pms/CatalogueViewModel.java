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
import ma.essp.diag.database.repository.CatalogueDiff;
import ma.essp.diag.database.repository.CatalogueEditRepository;
import ma.essp.diag.database.repository.CatalogueVersionRepository;
import ma.essp.diag.database.repository.CatalogueVersionRepository.VersionInfo;
import ma.essp.diag.reporting.catalogue.CatalogueImportException;
import ma.essp.diag.reporting.catalogue.CatalogueWorkbook;

/**
 * The catalogue versions: list them, draft a new one from the selected one, compare the selected one with the
 * version it is based on, publish a draft, and exchange a version with Excel (import creates a new draft). The
 * content of the selected version is shown by the {@link CatalogueEditorViewModel} (editable on a draft, read-only
 * once published); each edit there refreshes the comparison.
 */
public final class CatalogueViewModel {

    private final CatalogueVersionRepository repository;
    private final TaskExecutor executor;
    private final I18n i18n;

    private final ObservableList<VersionInfo> versions = FXCollections.observableArrayList();
    private final ObjectProperty<VersionInfo> selected = new SimpleObjectProperty<>(this, "selected");
    private final ObservableList<String> changes = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final CatalogueEditorViewModel editor;

    public CatalogueViewModel(CatalogueVersionRepository repository, CatalogueEditRepository edits, TaskExecutor executor, I18n i18n,
                              DialogService dialogs) {
        this.repository = repository;
        this.executor = executor;
        this.i18n = i18n;
        this.editor = new CatalogueEditorViewModel(edits, repository, executor, i18n, dialogs, this::compare);
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
            run(() -> {
                repository.publish(v.id(), LocalDate.now());
                return v.id();
            }, this::reloadSelecting);
        }
    }

    public void exportSelected(Path file) {
        VersionInfo v = selected.get();
        if (v != null) {
            run(() -> {
                CatalogueWorkbook.export(repository.snapshot(v.id()), v, repository.requirementCategories(), file);
                return file;
            }, f -> message.set(i18n.get("pms.catalogue.exported", f.getFileName())));
        }
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
                        message.set(i18n.get("pms.catalogue.import_refused", problems.problems().size()));
                        changes.setAll(problems.problems().stream().map(Object::toString).toList());
                    } else {
                        message.set(i18n.get("pms.error.save", String.valueOf(e.getMessage())));
                    }
                })
                .onFinished(() -> busy.set(false)));
    }

    private <V> void run(Callable<V> work, java.util.function.Consumer<V> then) {
        executor.execute(BackgroundTask.wrap(work)
                .onRunning(() -> busy.set(true))
                .onSuccess(then)
                .onFailure(e -> message.set(i18n.get("pms.error.save", String.valueOf(e.getMessage()))))
                .onFinished(() -> busy.set(false)));
    }

    public String versionLabel(VersionInfo v) {
        // shown in a wrapping list cell
        return v == null ? "" : i18n.wrappable("#" + v.id() + " " + v.label() + " — " + i18n.get(v.published()
                ? "pms.catalogue.published" : "pms.catalogue.draft") + (v.publishedOn() == null ? "" : " " + v.publishedOn()));
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
