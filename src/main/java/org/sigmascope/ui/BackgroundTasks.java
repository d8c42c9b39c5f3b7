package org.sigmascope.ui;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
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

            /**
             * Asks the work to stop; the task ends when the engine has stopped (its cancellation leaves the case
             * consistent first: the batch committed, the source marked interrupted), failing with a
             * {@link java.util.concurrent.CancellationException}. Ending the task at once would let another job
             * start while this one still writes.
             */
            @Override
            public boolean cancel(boolean mayInterruptIfRunning) {
                cancellation.cancel();
                return true;
            }
        };
    }

    public void start(Task<?> task) {
        if (!executor.isShutdown()) {
            executor.execute(task);
        }
    }

    /** A read or a small piece of work whose result is wanted on the FX thread; no progress, no cancel. */
    @FunctionalInterface
    public interface Job<T> {
        T call() throws Exception;
    }

    /**
     * Runs the job off the FX thread, then hands its result, or its failure, to the FX thread. The failure is
     * logged with its stack trace before {@code onFailure} gets it (to put in plain words).
     */
    public <T> void run(String what, Job<T> job, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        if (executor.isShutdown()) {
            return;
        }
        executor.execute(() -> {
            T result;
            try {
                result = job.call();
            } catch (Exception | Error e) {
                LOG.log(Level.WARNING, what, e);
                onFx(() -> onFailure.accept(e));
                return;
            }
            onFx(() -> onSuccess.accept(result));
        });
    }

    /** Runs on the FX thread, now if already on it. */
    public static void onFx(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    /** An error in plain words for the analyst; the stack trace is in the log. */
    public static String plain(Throwable e) {
        if (e == null) {
            return "unknown error";
        }
        Throwable cause = e;
        while ((cause.getMessage() == null || cause.getMessage().isBlank()) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() != null && !cause.getMessage().isBlank() ? cause.getMessage()
                : cause.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(
                        java.util.Locale.ROOT);
    }

    /** Stops taking work, and waits a moment for what runs to end (so the case is not closed under it). */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
