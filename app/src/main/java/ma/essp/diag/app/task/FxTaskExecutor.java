package ma.essp.diag.app.task;

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

    public FxTaskExecutor() {
        AtomicInteger counter = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "essp-background-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public <V> void execute(BackgroundTask<V> task) {
        onFx(task::fireRunning);
        pool.execute(() -> {
            try {
                V value = task.call();
                onFx(() -> task.fireSuccess(value));
            } catch (Exception | LinkageError e) {
                LOG.debug("Background task failed", e);
                onFx(() -> task.fireFailure(e));
            } finally {
                onFx(task::fireFinished);
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

    @Override
    public void close() {
        pool.shutdown();
    }
}
