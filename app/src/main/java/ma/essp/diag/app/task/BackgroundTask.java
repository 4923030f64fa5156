package ma.essp.diag.app.task;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Work to run off the FX thread, with the callbacks the UI needs (after JabRef's BackgroundTask). The
 * {@link TaskExecutor} decides the threads: {@code onRunning} before the work, then {@code onSuccess} or
 * {@code onFailure}, then {@code onFinished}; the FX executor calls all four on the FX thread.
 */
public final class BackgroundTask<V> {

    private final Callable<V> work;
    private Runnable onRunning = () -> { };
    private Consumer<V> onSuccess = v -> { };
    private Consumer<Throwable> onFailure = e -> { };
    private Runnable onFinished = () -> { };

    private BackgroundTask(Callable<V> work) {
        this.work = Objects.requireNonNull(work);
    }

    public static <V> BackgroundTask<V> wrap(Callable<V> work) {
        return new BackgroundTask<>(work);
    }

    public BackgroundTask<V> onRunning(Runnable action) {
        this.onRunning = Objects.requireNonNull(action);
        return this;
    }

    public BackgroundTask<V> onSuccess(Consumer<V> action) {
        this.onSuccess = Objects.requireNonNull(action);
        return this;
    }

    public BackgroundTask<V> onFailure(Consumer<Throwable> action) {
        this.onFailure = Objects.requireNonNull(action);
        return this;
    }

    public BackgroundTask<V> onFinished(Runnable action) {
        this.onFinished = Objects.requireNonNull(action);
        return this;
    }

    /** Runs the work itself; only executors call this. */
    public V call() throws Exception {
        return work.call();
    }

    public void fireRunning() {
        onRunning.run();
    }

    public void fireSuccess(V value) {
        onSuccess.accept(value);
    }

    public void fireFailure(Throwable error) {
        onFailure.accept(error);
    }

    public void fireFinished() {
        onFinished.run();
    }
}
