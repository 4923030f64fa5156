package ma.essp.diag.app.task;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Work to run off the FX thread, with the callbacks the UI needs (after JabRef's BackgroundTask). The
 * {@link TaskExecutor} decides the threads: {@code onRunning} before the work, then {@code onSuccess} or
 * {@code onFailure}, then {@code onFinished}; the FX executor calls all of them, and {@code onProgress}, on the FX
 * thread.
 * <p>
 * The work reports its progress ({@link #updateProgress}) and may be cancelled ({@link #cancel}): cancelling sets
 * {@link #isCancelled()} and interrupts the thread only while it runs this task's work, so a late cancel never
 * reaches the next task of the pool's thread. A task cancelled before it starts fails with a
 * {@link CancellationException} without running its work.
 */
public final class BackgroundTask<V> {

    /** Work that reports its progress or looks at {@link #isCancelled()} through its own task. */
    @FunctionalInterface
    public interface Work<V> {
        V run(BackgroundTask<V> task) throws Exception;
    }

    /** How far the work is: {@code fraction} in 0..1, or -1 while unknown; {@code message} says what it does. */
    public record Progress(double fraction, String message) {
    }

    private final Work<V> work;
    private Runnable onRunning = () -> { };
    private Consumer<V> onSuccess = v -> { };
    private Consumer<Throwable> onFailure = e -> { };
    private Runnable onFinished = () -> { };
    private Consumer<Progress> onProgress = p -> { };
    private volatile Executor progressThread = Runnable::run;

    private final Object lock = new Object();
    /** The thread running the work, null before and after it: the only thread {@link #cancel} may interrupt. */
    private Thread runner;
    private volatile boolean cancelled;
    private final List<Runnable> afterWork = new ArrayList<>();

    private BackgroundTask(Work<V> work) {
        this.work = Objects.requireNonNull(work);
    }

    public static <V> BackgroundTask<V> wrap(Callable<V> work) {
        Objects.requireNonNull(work);
        return new BackgroundTask<>(task -> work.call());
    }

    /** Work that reports progress or checks for a cancel: it receives its task. */
    public static <V> BackgroundTask<V> withProgress(Work<V> work) {
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

    /** Receives each {@link #updateProgress} on the executor's callback thread (the FX thread in the app). */
    public BackgroundTask<V> onProgress(Consumer<Progress> action) {
        this.onProgress = Objects.requireNonNull(action);
        return this;
    }

    /** Called by the work: how far it is (0..1, or -1 while unknown) and what it does. */
    public void updateProgress(double fraction, String message) {
        Progress progress = new Progress(fraction < 0 ? -1 : Math.min(1, fraction), message);
        progressThread.execute(() -> onProgress.accept(progress));
    }

    /** Asks the work to stop: interrupts its thread while it runs this work; a task not started yet never starts. */
    public void cancel() {
        synchronized (lock) {
            cancelled = true;
            if (runner != null) {
                runner.interrupt();
            }
        }
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Where executors deliver progress (the FX thread); set before the work runs. */
    public void deliverProgressOn(Executor thread) {
        this.progressThread = Objects.requireNonNull(thread);
    }

    /** Runs {@code action} on the worker thread once the work has ended, however it ended (for {@link TaskGroup}). */
    void whenWorkEnds(Runnable action) {
        synchronized (afterWork) {
            afterWork.add(action);
        }
    }

    /** Runs the work itself; only executors call this. */
    public V call() throws Exception {
        try {
            synchronized (lock) {
                if (cancelled) {
                    throw new CancellationException("cancelled before it started");
                }
                runner = Thread.currentThread();
            }
            try {
                return work.run(this);
            } finally {
                synchronized (lock) {
                    runner = null;
                    Thread.interrupted(); // a cancel that came while the work ended must not reach the thread's next task
                }
            }
        } finally {
            List<Runnable> actions;
            synchronized (afterWork) {
                actions = List.copyOf(afterWork);
            }
            actions.forEach(Runnable::run);
        }
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
