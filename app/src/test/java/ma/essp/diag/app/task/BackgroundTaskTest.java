package ma.essp.diag.app.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Progress and cancel of a background task, on a real pool thread that is reused by the next task. */
class BackgroundTaskTest {

    /** Runs a task on the executor and waits for its end: its value, or the failure it ended with. */
    private static <V> Object runAndWait(TaskExecutor executor, BackgroundTask<V> task) throws Exception {
        CompletableFuture<Object> outcome = new CompletableFuture<>();
        executor.execute(task.onSuccess(outcome::complete).onFailure(outcome::complete));
        return outcome.get(10, TimeUnit.SECONDS);
    }

    @Test
    void progressReachesTheCallbackThreadInOrder() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        List<String> threads = new CopyOnWriteArrayList<>();
        java.util.concurrent.ExecutorService ui = java.util.concurrent.Executors.newSingleThreadExecutor(r -> new Thread(r, "test-ui"));
        try (FxTaskExecutor executor = new FxTaskExecutor(1, ui)) {
            Object result = runAndWait(executor, BackgroundTask.<String>withProgress(self -> {
                        for (int i = 1; i <= 4; i++) {
                            self.updateProgress(i / 4.0, "step " + i);
                        }
                        return "done";
                    })
                    .onProgress(p -> {
                        seen.add(p.fraction() + " " + p.message());
                        threads.add(Thread.currentThread().getName());
                    }));
            assertThat(result).isEqualTo("done");
            assertThat(seen).containsExactly("0.25 step 1", "0.5 step 2", "0.75 step 3", "1.0 step 4");
            assertThat(threads).containsOnly("test-ui");
        } finally {
            ui.shutdown();
        }
    }

    @Test
    void cancelInterruptsItsOwnTaskOnlyAndTheThreadsNextTaskRunsNormally() throws Exception {
        try (FxTaskExecutor executor = new FxTaskExecutor(1, Runnable::run)) {
            CountDownLatch started = new CountDownLatch(1);
            BackgroundTask<String> slow = BackgroundTask.wrap(() -> {
                started.countDown();
                Thread.sleep(10_000);
                return "not cancelled";
            });
            CompletableFuture<Object> slowOutcome = new CompletableFuture<>();
            executor.execute(slow.onSuccess(slowOutcome::complete).onFailure(slowOutcome::complete));
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            slow.cancel();
            assertThat(slowOutcome.get(10, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
            assertThat(slow.isCancelled()).isTrue();
            // a late second cancel, after the work ended, must not reach the pool thread's next task (same thread: pool of one)
            slow.cancel();
            Object next = runAndWait(executor, BackgroundTask.wrap(() -> {
                Thread.sleep(200); // throws if the thread carries an interrupt
                return Thread.currentThread().isInterrupted() ? "interrupted" : "ran normally";
            }));
            assertThat(next).isEqualTo("ran normally");
        }
    }

    @Test
    void aTaskCancelledBeforeItStartsNeverRunsItsWork() throws Exception {
        List<String> ran = new CopyOnWriteArrayList<>();
        BackgroundTask<String> task = BackgroundTask.wrap(() -> {
            ran.add("work");
            return "x";
        });
        task.cancel();
        Object outcome = runAndWait(new CurrentThreadTaskExecutor(), task);
        assertThat(outcome).isInstanceOf(CancellationException.class);
        assertThat(ran).isEmpty();
    }

    @Test
    void aGroupRunsItsClosingActionAfterTheLastTaskAndDropsLaterTasks() throws Exception {
        List<String> events = new CopyOnWriteArrayList<>();
        try (FxTaskExecutor executor = new FxTaskExecutor(2, Runnable::run)) {
            TaskGroup group = new TaskGroup(executor);
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch started = new CountDownLatch(1);
            CountDownLatch closed = new CountDownLatch(1);
            group.execute(BackgroundTask.wrap(() -> {
                started.countDown();
                release.await();
                events.add("task ended");
                return null;
            }));
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            group.closeAfterTasks(() -> {
                events.add("closed on " + (Thread.currentThread().getName().startsWith("essp-background") ? "a worker" : "?"));
                closed.countDown();
            });
            group.execute(BackgroundTask.wrap(() -> events.add("late task")));
            assertThat(events).isEmpty();
            release.countDown();
            assertThat(closed.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(events).containsExactly("task ended", "closed on a worker");
            assertThat(group.running()).isZero();
        }
    }
}
