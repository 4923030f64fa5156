package ma.essp.diag.app.task;

/** Runs every task to completion on the calling thread: deterministic view-model tests, no waiting. */
public final class CurrentThreadTaskExecutor implements TaskExecutor {

    @Override
    public <V> void execute(BackgroundTask<V> task) {
        task.fireRunning();
        try {
            V value = task.call();
            task.fireSuccess(value);
        } catch (Exception e) {
            task.fireFailure(e);
        } finally {
            task.fireFinished();
        }
    }
}
