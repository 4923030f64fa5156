package ma.essp.diag.app.task;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the work on a small pool of daemon threads and every callback on the FX thread. Two threads: a mission
 * is one SQLite file, so more parallelism buys nothing, but a slow open should not hold up a list refresh.
 */
public final class FxTaskExecutor implements TaskExecutor {

    private static final Logger LOG = LoggerFactory.getLogger(FxTaskExecutor.class);
    private final ExecutorService pool;
    private final Executor callbacks;

    public FxTaskExecutor() {
        this(2, FxTaskExecutor::onFx);
    }

    /**
     * @param threads   the pool's size
     * @param callbacks where the callbacks and the progress run (the FX thread in the app; a test may pass its own)
     */
    public FxTaskExecutor(int threads, Executor callbacks) {
        this.callbacks = callbacks;
        AtomicInteger counter = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "essp-background-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public <V> void execute(BackgroundTask<V> task) {
        task.deliverProgressOn(callbacks);
        callbacks.execute(task::fireRunning);
        pool.execute(() -> {
            try {
                V value = task.call();
                callbacks.execute(() -> task.fireSuccess(value));
            } catch (Exception | LinkageError e) {
                LOG.debug("Background task failed", e);
                callbacks.execute(() -> task.fireFailure(e));
            } finally {
                callbacks.execute(task::fireFinished);
            }
        });
    }

    private static void onFx(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    /** Stops accepting work and waits a few seconds for the running tasks (a mission file closing after them). */
    @Override
    public void close() {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS)) {
                LOG.warn("Background tasks still running at exit");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
