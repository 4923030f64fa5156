package ma.essp.diag.app.task;

import javafx.application.Platform;

/**
 * The executor an area is opened with: it runs every task on the mission's executor, and counts those the area
 * starts (on the FX thread) until all of them have delivered their results, which is when the area has loaded and
 * the shell replaces its loading state by the page. Tasks started after that are not counted.
 */
public final class FirstLoad implements TaskExecutor {

    private final TaskExecutor tasks;
    private int pending;
    private boolean loaded;
    private Runnable whenLoaded;

    public FirstLoad(TaskExecutor tasks) {
        this.tasks = tasks;
    }

    @Override
    public <V> void execute(BackgroundTask<V> task) {
        if (!loaded && Platform.isFxApplicationThread()) {
            pending++;
            // the work ends on its thread, then the executor hands its result to the FX thread: one more turn of the
            // FX queue comes after that hand-over, when the page shows the data
            task.whenWorkEnds(() -> Platform.runLater(() -> Platform.runLater(this::ended)));
        }
        tasks.execute(task);
    }

    /** Runs {@code task} on the mission's executor without counting it: the area shows without waiting for it. */
    @Override
    public <V> void executeNotAwaited(BackgroundTask<V> task) {
        tasks.execute(task);
    }

    private void ended() {
        pending--;
        check();
    }

    /** Runs {@code action} (on the FX thread) once every task started so far has delivered; at once when none was. */
    public void whenLoaded(Runnable action) {
        whenLoaded = action;
        check();
    }

    private void check() {
        if (!loaded && pending <= 0 && whenLoaded != null) {
            loaded = true;
            whenLoaded.run();
        }
    }
}
