package ma.essp.diag.app.task;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The tasks of one open mission, run by the shared executor: when the mission goes away, {@link #closeAfterTasks}
 * refuses new tasks and runs the closing action off the calling thread once the work of every task already given
 * has ended, so a mission file is never closed under a query still running on it.
 */
public final class TaskGroup implements TaskExecutor {

    private final TaskExecutor executor;
    private final Set<BackgroundTask<?>> running = new LinkedHashSet<>();
    private boolean closing;
    private Runnable closeAction;

    public TaskGroup(TaskExecutor executor) {
        this.executor = executor;
    }

    /** Runs the task on the shared executor; once the group is closing, the task is dropped (its screen is gone). */
    @Override
    public <V> void execute(BackgroundTask<V> task) {
        synchronized (this) {
            if (closing) {
                return;
            }
            running.add(task);
        }
        task.whenWorkEnds(() -> ended(task));
        executor.execute(task);
    }

    private void ended(BackgroundTask<?> task) {
        Runnable action = null;
        synchronized (this) {
            if (running.remove(task) && closing && running.isEmpty()) {
                action = takeCloseAction();
            }
        }
        if (action != null) {
            action.run(); // on the worker thread that ran the last task
        }
    }

    /**
     * Refuses new tasks and runs {@code close} once the work of the running ones has ended (a screen cancels its own
     * long jobs when it goes away): on the worker thread of the last one, or as a task of the shared executor when
     * none is running.
     */
    public void closeAfterTasks(Runnable close) {
        boolean idle;
        synchronized (this) {
            if (closing) {
                return;
            }
            closing = true;
            closeAction = close;
            idle = running.isEmpty();
        }
        if (idle) {
            Runnable action;
            synchronized (this) {
                action = takeCloseAction();
            }
            if (action != null) {
                executor.execute(BackgroundTask.wrap(() -> {
                    action.run();
                    return null;
                }));
            }
        }
    }

    private Runnable takeCloseAction() {
        Runnable action = closeAction;
        closeAction = null;
        return action;
    }

    /** How many tasks of the group have not finished their work. */
    public synchronized int running() {
        return running.size();
    }
}
