package ma.essp.diag.app.registry;

import java.util.concurrent.Callable;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import ma.essp.diag.app.task.BackgroundTask;
import ma.essp.diag.app.task.TaskExecutor;

/**
 * The last edit of the registry screen and how to undo it (one level: the edit a consultant just made by mistake).
 * Undoing is itself a normal versioned edit (version + 1, audited), never a rollback, so merged laptops agree.
 */
public final class LastEdit {

    private final TaskExecutor executor;
    private final ReadOnlyStringWrapper description = new ReadOnlyStringWrapper(this, "description", "");
    private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper(this, "available");
    private Callable<Integer> inverse;
    private Runnable afterUndo = () -> { };

    public LastEdit(TaskExecutor executor) {
        this.executor = executor;
    }

    /** Remembers an edit; {@code inverse} writes the previous state back and returns the ESSP id it touched. */
    public void record(String what, Callable<Integer> inverse) {
        this.inverse = inverse;
        description.set(what);
        available.set(true);
    }

    public void setAfterUndo(Runnable afterUndo) {
        this.afterUndo = afterUndo;
    }

    /** Undoes the last edit in the background; the error handler gets stale-version conflicts. */
    public void undo(java.util.function.Consumer<Throwable> onFailure) {
        undo(() -> { }, onFailure);
    }

    /** As {@link #undo(java.util.function.Consumer)}, running {@code onUndone} once the edit is undone. */
    public void undo(Runnable onUndone, java.util.function.Consumer<Throwable> onFailure) {
        Callable<Integer> action = inverse;
        if (action == null) {
            return;
        }
        inverse = null;
        available.set(false);
        executor.execute(BackgroundTask.wrap(action)
                .onSuccess(id -> {
                    description.set("");
                    onUndone.run();
                    afterUndo.run();
                })
                .onFailure(onFailure));
    }

    public ReadOnlyStringProperty descriptionProperty() {
        return description.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty availableProperty() {
        return available.getReadOnlyProperty();
    }
}
