package ma.essp.diag.app.testing;

import java.util.ArrayList;
import java.util.List;
import ma.essp.diag.app.task.BackgroundTask;
import ma.essp.diag.app.task.TaskExecutor;

/**
 * Holds the tasks until the test runs them, in the order it chooses: reproduces what two background threads do
 * when an older request finishes after a newer one.
 */
public final class DeferredTaskExecutor implements TaskExecutor {

    private final List<BackgroundTask<?>> waiting = new ArrayList<>();

    @Override
    public <V> void execute(BackgroundTask<V> task) {
        task.fireRunning();
        waiting.add(task);
    }

    public int waiting() {
        return waiting.size();
    }

    /** Runs the task queued at {@code index} (0 = oldest still waiting) to completion. */
    public void run(int index) {
        run(waiting.remove(index));
    }

    /** Runs every waiting task, newest first, including the ones their callbacks queue. */
    public void runNewestFirst() {
        while (!waiting.isEmpty()) {
            run(waiting.size() - 1);
        }
    }

    /** Runs every waiting task, oldest first, including the ones their callbacks queue. */
    public void runAll() {
        while (!waiting.isEmpty()) {
            run(0);
        }
    }

    private static <V> void run(BackgroundTask<V> task) {
        try {
            task.fireSuccess(task.call());
        } catch (Exception e) {
            task.fireFailure(e);
        } finally {
            task.fireFinished();
        }
    }
}
