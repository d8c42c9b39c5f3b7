package org.sigmascope.ui.session;

import java.io.IOException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.sigmascope.store.CaseStore;
import org.sigmascope.store.Db;

/**
 * The reads the app starts on its own when a case opens or changes (gaps in the logs, the detection summary, the
 * rules view's evidence profile): long scans of the whole case that the analyst did not ask for, and so must not get
 * in the way of what the analyst did ask for, the timeline's first page. They run one at a time, on the case's
 * {@linkplain CaseStore#secondReader() second connection} (not the timeline's), and each waits to start until the
 * timeline has its first page on screen (or {@link #PATIENCE} has passed, so that nothing waits for ever). Closing
 * stops the one running ({@link Db#cancel}) and drops the others.
 */
public final class CaseReads implements AutoCloseable {
    /** The longest a read waits for the timeline before it starts anyway. */
    static final long PATIENCE = TimeUnit.SECONDS.toNanos(10);

    /** A read on the connection given. */
    @FunctionalInterface
    public interface Read<T> {
        T call(Db db) throws Exception;
    }

    private final CaseStore store;
    private final ExecutorService queue;
    private final Object gate = new Object();
    private boolean timelineBusy;
    private volatile boolean closed;

    CaseReads(CaseStore store, String name) {
        this.store = store;
        this.queue = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "sigmascope-case-reads-" + name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Whether the timeline is reading a first page now (the reads not yet started wait) or has it on screen;
     * any thread.
     */
    public void timelineBusy(boolean busy) {
        synchronized (gate) {
            timelineBusy = busy;
            gate.notifyAll();
        }
    }

    /**
     * Runs the read in its turn and returns its result; blocks the calling (background) thread meanwhile. Fails with
     * a {@link CancellationException} if the case is closed first.
     */
    public <T> T call(Read<T> read) throws Exception {
        if (closed) {
            throw new CancellationException("the case is closed");
        }
        Future<T> result;
        try {
            result = queue.submit(() -> run(read));
        } catch (RejectedExecutionException e) {
            throw new CancellationException("the case is closed");
        }
        try {
            return result.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    private <T> T run(Read<T> read) throws Exception {
        awaitTimeline();
        if (closed) {
            throw new CancellationException("the case is closed");
        }
        return read.call(store.secondReader());
    }

    private void awaitTimeline() throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE;
        synchronized (gate) {
            long left;
            while (timelineBusy && !closed && (left = deadline - System.nanoTime()) > 0) {
                TimeUnit.NANOSECONDS.timedWait(gate, left);
            }
        }
    }

    private void cancelRunning() {
        try {
            store.secondReader().cancel();
        } catch (IOException e) {
            // No connection could be made: nothing runs on it.
        }
    }

    /** Drops the reads waiting and stops the one running; the case can then be closed. */
    @Override
    public void close() {
        closed = true;
        synchronized (gate) {
            gate.notifyAll();
        }
        // The reads not started end as cancelled, so that whoever waits for one is let go.
        queue.shutdownNow().forEach(waiting -> ((Future<?>) waiting).cancel(false));
        cancelRunning();
        try {
            queue.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
