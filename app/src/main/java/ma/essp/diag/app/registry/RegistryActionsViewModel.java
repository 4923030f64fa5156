package ma.essp.diag.app.registry;

import ma.essp.diag.app.ui.EditHistory;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.task.BackgroundTask;
import ma.essp.diag.app.task.TaskExecutor;
import ma.essp.diag.app.ui.Failures;
import ma.essp.diag.app.ui.FilterChoice;
import ma.essp.diag.database.code.Vocabulary;
import ma.essp.diag.database.repository.EsspEditRepository;
import ma.essp.diag.database.repository.EsspEditRepository.BulkField;

/**
 * Actions on a selection of the ESSP list: soft delete (undone by a restore) and bulk edit of one field (e.g. set
 * the functionality of 20 ESSPs), each undoable through {@link EditHistory}.
 */
public final class RegistryActionsViewModel {

    private final EsspEditRepository repository;
    private final TaskExecutor executor;
    private final I18n i18n;
    private final EditHistory lastEdit;
    private final Runnable afterChange;

    private final ObservableList<FilterChoice> bulkFields = FXCollections.observableArrayList();
    private final ObservableList<FilterChoice> bulkValues = FXCollections.observableArrayList();
    private final ObjectProperty<FilterChoice> bulkField = new SimpleObjectProperty<>(this, "bulkField");
    private final ObjectProperty<FilterChoice> bulkValue = new SimpleObjectProperty<>(this, "bulkValue");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");

    public RegistryActionsViewModel(EsspEditRepository repository, TaskExecutor executor, I18n i18n, EditHistory lastEdit,
                                    Runnable afterChange) {
        this.repository = repository;
        this.executor = executor;
        this.i18n = i18n;
        this.lastEdit = lastEdit;
        this.afterChange = afterChange;
        bulkFields.setAll(new FilterChoice(BulkField.FUNCTIONALITY.name(), i18n.get("registry.form.functionality")),
                new FilterChoice(BulkField.MILIEU.name(), i18n.get("registry.form.milieu")),
                new FilterChoice(BulkField.DELIVERY_UNIT.name(), i18n.get("registry.form.deliveryUnit")));
        bulkField.addListener((obs, old, now) -> refreshValues());
        bulkField.set(bulkFields.getFirst());
    }

    private void refreshValues() {
        FilterChoice f = bulkField.get();
        if (f == null) {
            bulkValues.clear();
            return;
        }
        bulkValues.setAll(switch (BulkField.valueOf(f.value())) {
            case FUNCTIONALITY -> FilterChoice.of(Vocabulary.FUNCTIONALITY, i18n);
            case MILIEU -> FilterChoice.of(Vocabulary.MILIEU, i18n);
            case DELIVERY_UNIT -> List.of(new FilterChoice("true", i18n.get("registry.bulk.yes")), new FilterChoice("false", i18n.get("registry.bulk.no")));
            default -> List.of();
        });
        bulkValue.set(bulkValues.isEmpty() ? null : bulkValues.getFirst());
    }

    /**
     * Soft-deletes the selected ESSPs (id to the version the list showed), all or none; undo restores them, again all
     * or none, from the versions the delete left.
     */
    public void delete(Map<Integer, Integer> selection) {
        if (selection.isEmpty()) {
            return;
        }
        executor.execute(BackgroundTask.wrap(() -> repository.softDeleteAll(selection))
                .onSuccess(versions -> {
                    wrote(versions);
                    lastEdit.record(i18n.get("registry.undo.delete", versions.size()), deleteOrRestore(versions.keySet(), false));
                    status.set(i18n.get("registry.status.deleted", versions.size()));
                    afterChange.run();
                })
                .onFailure(e -> status.set(i18n.get("registry.form.error.save", Failures.reason(e, i18n)))));
    }

    /** Restores soft-deleted ESSPs (shown with "deleted ESSPs"), all or none; undo deletes them again. */
    public void restore(Map<Integer, Integer> selection) {
        if (selection.isEmpty()) {
            return;
        }
        executor.execute(BackgroundTask.wrap(() -> repository.restoreAll(selection))
                .onSuccess(versions -> {
                    wrote(versions);
                    lastEdit.record(i18n.get("registry.undo.restore", versions.size()), deleteOrRestore(versions.keySet(), true));
                    status.set(i18n.get("registry.status.restored", versions.size()));
                    afterChange.run();
                })
                .onFailure(e -> status.set(i18n.get("registry.form.error.save", Failures.reason(e, i18n)))));
    }

    /**
     * Sets the chosen field to the chosen value on every selected ESSP (id to the version the list showed), in one
     * transaction that also reads each previous value; a stale row refuses the whole edit. Undo puts each previous
     * value back, all or none.
     */
    public void applyBulk(Map<Integer, Integer> selection) {
        if (selection.isEmpty() || bulkField.get() == null || bulkValue.get() == null) {
            return;
        }
        BulkField field = BulkField.valueOf(bulkField.get().value());
        Object value = field == BulkField.DELIVERY_UNIT ? Boolean.valueOf(bulkValue.get().value()) : bulkValue.get().value();
        String label = bulkField.get().label() + " = " + bulkValue.get().label();
        executor.execute(BackgroundTask.wrap(() -> repository.bulkSet(selection, field, value))
                .onSuccess(done -> {
                    wrote(done.versions());
                    lastEdit.record(i18n.get("registry.undo.bulk", label, selection.size()), putBack(done));
                    status.set(i18n.get("registry.status.bulk", label, selection.size()));
                    afterChange.run();
                })
                .onFailure(e -> status.set(i18n.get("registry.form.error.save", Failures.reason(e, i18n)))));
    }

    /** Deletes ({@code delete}) or restores the ESSPs still at {@code versions}, all or none; its inverse does the other. */
    private EditHistory.Inverse deleteOrRestore(java.util.Set<Integer> ids, boolean delete) {
        return () -> {
            Map<Integer, Integer> expected = new java.util.LinkedHashMap<>();
            ids.forEach(id -> expected.put(id, lastEdit.versionOf(EsspEditorViewModel.ESSP_TABLE, id, 0)));
            wrote(delete ? repository.softDeleteAll(expected) : repository.restoreAll(expected));
            return deleteOrRestore(ids, !delete);
        };
    }

    private void wrote(Map<Integer, Integer> versions) {
        versions.forEach((id, version) -> lastEdit.wrote(EsspEditorViewModel.ESSP_TABLE, id, version));
    }

    /** Puts back the values a bulk edit (or the undo of one) replaced; its inverse puts back the replaced ones again. */
    private EditHistory.Inverse putBack(EsspEditRepository.BulkEdit done) {
        return () -> {
            Map<Integer, Integer> expected = new java.util.LinkedHashMap<>();
            done.versions().keySet().forEach(id -> expected.put(id, lastEdit.versionOf(EsspEditorViewModel.ESSP_TABLE, id, 0)));
            EsspEditRepository.BulkEdit undone = repository.undo(new EsspEditRepository.BulkEdit(done.field(), expected, done.previous()));
            wrote(undone.versions());
            return putBack(undone);
        };
    }

    /** Undoes the last edit of the screen; its message ("2 ESSP supprimé(s)...") goes with it. */
    public void undo() {
        String what = lastEdit.descriptionProperty().get();
        lastEdit.undo(() -> status.set(""), e -> status.set(EditHistory.refusal(e, what, i18n)));
    }

    /** The message of the last action goes (its edit was undone or redone from the Edit menu). */
    public void clearStatus() {
        status.set("");
    }

    /** Redoes the last undone edit of the screen. */
    public void redo() {
        String what = lastEdit.redoDescriptionProperty().get();
        lastEdit.redo(() -> status.set(""), e -> status.set(EditHistory.refusal(e, what, i18n)));
    }

    public ObservableList<FilterChoice> bulkFields() {
        return bulkFields;
    }

    public ObservableList<FilterChoice> bulkValues() {
        return bulkValues;
    }

    public ObjectProperty<FilterChoice> bulkFieldProperty() {
        return bulkField;
    }

    public ObjectProperty<FilterChoice> bulkValueProperty() {
        return bulkValue;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public EditHistory lastEdit() {
        return lastEdit;
    }

    static String describe(Object o) {
        return Objects.toString(o);
    }
}
