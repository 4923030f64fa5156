package ma.essp.diag.app.task;

/** Runs {@link BackgroundTask}s; view models get one in their constructor and never create threads. */
public interface TaskExecutor extends AutoCloseable {

    <V> void execute(BackgroundTask<V> task);

    /** Stops accepting work; running tasks finish on their own. */
    @Override
    default void close() {
    }
}
