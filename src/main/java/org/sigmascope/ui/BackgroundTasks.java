package org.sigmascope.ui;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

import javafx.application.Platform;
import javafx.concurrent.Task;

import org.sigmascope.task.Cancellation;
import org.sigmascope.task.Progress;

/**
 * Runs engine work off the FX thread, as {@link Task}s that forward the engine's progress and honour cancel.
 * Threads are named daemons, so a hung scan never keeps the app from quitting.
 */
public final class BackgroundTasks implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(BackgroundTasks.class.getName());
    private final AtomicInteger count = new AtomicInteger();
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "sigmascope-background-" + count.incrementAndGet());
        thread.setDaemon(true);
        thread.setUncaughtExceptionHandler((t, e) -> LOG.log(Level.SEVERE, "uncaught in " + t.getName(), e));
        return thread;
    });

    /** Engine work that reports progress and checks a cancellation token. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Progress progress, Cancellation cancellation) throws Exception;
    }

    /** A task for the work; cancelling the task cancels the token the work checks. */
    public <T> Task<T> task(String title, Work<T> work) {
        Cancellation cancellation = new Cancellation();
        return new Task<>() {
            {
                updateTitle(title);
            }

            @Override
            protected T call() throws Exception {
                // updateProgress coalesces calls into one FX-thread update per pulse, so the engine may call it often.
                Progress progress = (done, total, message) -> {
                    updateProgress(done, total < 0 ? -1 : total);
                    if (message != null) {
                        updateMessage(message);
                    }
                };
                return work.run(progress, cancellation);
            }

            @Override
            public boolean cancel(boolean mayInterruptIfRunning) {
                cancellation.cancel();
                return super.cancel(mayInterruptIfRunning);
            }
        };
    }

    public void start(Task<?> task) {
        executor.execute(task);
    }

    /** Runs on the FX thread, now if already on it. */
    public static void onFx(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
