package ma.essp.diag.app.ui;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import ma.essp.diag.app.i18n.I18n;
import ma.essp.diag.app.task.BackgroundTask;
import ma.essp.diag.app.task.TaskExecutor;
import ma.essp.diag.database.repository.StaleEditException;

/**
 * The saved edits of one screen and how to undo and redo them, several levels deep (Ctrl+Z, Ctrl+Y, Edit menu).
 * Undoing is itself a normal versioned write through the one writer (version + 1, audited), never a rollback, so
 * merged laptops agree; it starts from the version the edit left, so a row someone else changed since is refused
 * ({@code StaleEditException}) and that step leaves the history. Redoing is the same: the inverse of the undo.
 * <p>
 * Several levels over the same row need the version each step starts from to follow the writes made since (undoing
 * edit 3 moves the row on, so undoing edit 2 starts from there): every write of the screen and of its inverses tells
 * {@link #wrote} the version it left, and an inverse starts from {@link #versionOf}. A row someone else changed is at
 * another version and refuses the step.
 * All methods are called on the FX thread; the writes run in the background.
 */
public final class EditHistory {

    /** How many edits a screen remembers. */
    public static final int LEVELS = 50;

    /**
     * A write that puts rows back as they were before an edit (or, for a redo, as the edit left them), starting from
     * the versions the edit left. It returns its own inverse (what redoes it, or undoes the redo), or null when there
     * is none.
     */
    @FunctionalInterface
    public interface Inverse {
        Inverse apply() throws Exception;
    }

    private record Step(String description, Inverse inverse) {
    }

    private final TaskExecutor executor;
    private final Deque<Step> undo = new ArrayDeque<>();
    private final Deque<Step> redo = new ArrayDeque<>();
    private final ReadOnlyStringWrapper undoDescription = new ReadOnlyStringWrapper(this, "undoDescription", "");
    private final ReadOnlyStringWrapper redoDescription = new ReadOnlyStringWrapper(this, "redoDescription", "");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private final Map<String, Integer> written = new ConcurrentHashMap<>();
    private boolean running;
    private Runnable afterChange = () -> { };

    public EditHistory(TaskExecutor executor) {
        this.executor = executor;
    }

    /**
     * Remembers an edit just saved, named {@code what} (shown as Edit > Undo "what"); {@code inverse} undoes it. A new
     * edit forgets what could be redone; the oldest edit goes beyond {@link #LEVELS}.
     */
    public void record(String what, Inverse inverse) {
        undo.push(new Step(what, inverse));
        while (undo.size() > LEVELS) {
            undo.removeLast();
        }
        redo.clear();
        refresh();
    }

    /** Remembers that this screen (an edit or an inverse) left row {@code id} of {@code table} at {@code version}. */
    public void wrote(String table, int id, int version) {
        written.put(table + "#" + id, version);
    }

    /** The version this screen last left row {@code id} of {@code table} at; {@code otherwise} when it wrote none. */
    public int versionOf(String table, int id, int otherwise) {
        return written.getOrDefault(table + "#" + id, otherwise);
    }

    /** What to run after each undo or redo (reload the screen, the status bar's counts). */
    public void setAfterUndo(Runnable afterChange) {
        this.afterChange = afterChange;
    }

    /** Undoes the last edit in the background; the error handler gets stale-version conflicts. */
    public void undo(Consumer<Throwable> onFailure) {
        undo(() -> { }, onFailure);
    }

    /** As {@link #undo(Consumer)}, running {@code onUndone} once the edit is undone. */
    public void undo(Runnable onUndone, Consumer<Throwable> onFailure) {
        run(undo, redo, onUndone, onFailure);
    }

    /** Redoes the last undone edit in the background; the error handler gets stale-version conflicts. */
    public void redo(Consumer<Throwable> onFailure) {
        redo(() -> { }, onFailure);
    }

    public void redo(Runnable onRedone, Consumer<Throwable> onFailure) {
        run(redo, undo, onRedone, onFailure);
    }

    /** Forgets every step (the screen's rows were replaced, e.g. another mission). */
    public void clear() {
        undo.clear();
        redo.clear();
        written.clear();
        refresh();
    }

    private void run(Deque<Step> from, Deque<Step> to, Runnable onDone, Consumer<Throwable> onFailure) {
        if (running || from.isEmpty()) {
            return;
        }
        Step step = from.pop();
        running = true;
        refresh();
        executor.execute(BackgroundTask.wrap(step.inverse()::apply)
                .onSuccess(inverse -> {
                    if (inverse != null) {
                        to.push(new Step(step.description(), inverse));
                    }
                    finish();
                    onDone.run();
                    afterChange.run();
                })
                .onFailure(e -> {
                    // refused (changed by someone else since): the step is dropped, the ones below stay
                    finish();
                    onFailure.accept(e);
                }));
    }

    private void finish() {
        running = false;
        refresh();
    }

    private void refresh() {
        undoDescription.set(undo.isEmpty() ? "" : undo.peek().description());
        redoDescription.set(redo.isEmpty() ? "" : redo.peek().description());
        canUndo.set(!running && !undo.isEmpty());
        canRedo.set(!running && !redo.isEmpty());
    }

    /**
     * Why undoing (or redoing) {@code what} was refused, as the user reads it: changed by someone else since (the
     * version check), or the write's failure.
     */
    public static String refusal(Throwable failure, String what, I18n i18n) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StaleEditException) {
                return i18n.get("edit.undo.stale", what);
            }
        }
        return i18n.get("edit.undo.failed", what, Failures.reason(failure, i18n));
    }

    /** The name of the edit Ctrl+Z undoes; empty when none. */
    public ReadOnlyStringProperty descriptionProperty() {
        return undoDescription.getReadOnlyProperty();
    }

    /** True when there is an edit to undo (and no undo or redo is running). */
    public ReadOnlyBooleanProperty availableProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty redoDescriptionProperty() {
        return redoDescription.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty redoAvailableProperty() {
        return canRedo.getReadOnlyProperty();
    }
}
