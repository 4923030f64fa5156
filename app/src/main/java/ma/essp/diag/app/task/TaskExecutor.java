package ma.essp.diag.app.task;

/** Runs {@link BackgroundTask}s; view models get one in their constructor and never create threads. */
public interface TaskExecutor extends AutoCloseable {

    <V> void execute(BackgroundTask<V> task);

    /**
     * Runs work that an area's first load does not wait for (what only part of the page needs, read once the page
     * shows its data); the same as {@link #execute} except in {@link FirstLoad}, which does not count it.
     */
    default <V> void executeNotAwaited(BackgroundTask<V> task) {
        execute(task);
    }

    /** Stops accepting work; running tasks finish on their own. */
    @Override
    default void close() {
    }
}
