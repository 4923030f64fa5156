package ma.essp.diag.app.registry;

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
 * the functionality of 20 ESSPs), each undoable through {@link LastEdit}.
 */
public final class RegistryActionsViewModel {

    private final EsspEditRepository repository;
    private final TaskExecutor executor;
    private final I18n i18n;
    private final LastEdit lastEdit;
    private final Runnable afterChange;

    private final ObservableList<FilterChoice> bulkFields = FXCollections.observableArrayList();
    private final ObservableList<FilterChoice> bulkValues = FXCollections.observableArrayList();
    private final ObjectProperty<FilterChoice> bulkField = new SimpleObjectProperty<>(this, "bulkField");
    private final ObjectProperty<FilterChoice> bulkValue = new SimpleObjectProperty<>(this, "bulkValue");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");

    public RegistryActionsViewModel(EsspEditRepository repository, TaskExecutor executor, I18n i18n, LastEdit lastEdit,
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
                    lastEdit.record(i18n.get("registry.undo.delete", versions.size()), () -> {
                        repository.restoreAll(versions);
                        return versions.keySet().iterator().next();
                    });
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
                    lastEdit.record(i18n.get("registry.undo.restore", versions.size()), () -> {
                        repository.softDeleteAll(versions);
                        return versions.keySet().iterator().next();
                    });
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
                    lastEdit.record(i18n.get("registry.undo.bulk", label, selection.size()), () -> {
                        repository.undo(done);
                        return selection.keySet().iterator().next();
                    });
                    status.set(i18n.get("registry.status.bulk", label, selection.size()));
                    afterChange.run();
                })
                .onFailure(e -> status.set(i18n.get("registry.form.error.save", Failures.reason(e, i18n)))));
    }

    /** Undoes the last edit of the screen; its message ("2 ESSP supprimé(s)...") goes with it. */
    public void undo() {
        lastEdit.undo(() -> status.set(""), e -> status.set(i18n.get("registry.status.undoFailed", Failures.reason(e, i18n))));
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

    public LastEdit lastEdit() {
        return lastEdit;
    }

    static String describe(Object o) {
        return Objects.toString(o);
    }
}
