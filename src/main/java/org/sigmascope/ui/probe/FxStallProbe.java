package org.sigmascope.ui.probe;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import javafx.application.Platform;

/**
 * Measures how long the FX thread is busy at a stretch. A daemon thread posts a ping to the FX thread every
 * {@value #PERIOD_MS} ms; the time from posting to running is how long the FX thread was busy with other work (or
 * queued behind it). One ping in flight at a time, so a long stall is measured once, not once per ping missed.
 * When a ping has waited longer than {@link #STALL_MS}, the probe records what the FX thread is doing (its stack),
 * so that a stall can be traced to its cause.
 *
 * <p>A ping can wait because the FX thread is busy, or because it gets no CPU (a machine loaded by other work, a
 * garbage collection): the window freezes either way, but only the first is the app's doing. So each ping also
 * takes the CPU time the FX thread used while it waited: that is how long the FX thread was <em>busy</em> at a
 * stretch.
 *
 * <p>Runs while the app runs (it costs one tiny runnable every 10 ms); {@link #snapshot} reads the figures since
 * the last {@link #reset}, and the app logs them after each import and scan.
 */
public final class FxStallProbe implements AutoCloseable {
    static final long PERIOD_MS = 10;
    /** A stall longer than this is one the analyst notices, and the one the app promises never to have. */
    public static final long STALL_MS = 100;

    private final StallStats stats = new StallStats();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "sigmascope-fx-probe");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Thread fxThread;
    private volatile long postedAt;
    /** The FX thread's CPU time when the ping in flight was posted, in ns; -1 when not known. */
    private volatile long postedCpu = -1;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private volatile boolean inFlight;
    private volatile boolean traced;

    public FxStallProbe start() {
        timer.scheduleAtFixedRate(this::tick, PERIOD_MS, PERIOD_MS, TimeUnit.MILLISECONDS);
        return this;
    }

    private void tick() {
        long now = System.nanoTime();
        if (inFlight) {
            Thread fx = fxThread;
            if (!traced && fx != null && now - postedAt > STALL_MS * 1_000_000) {
                traced = true;
                long cpu = postedCpu < 0 ? -1 : threads.getThreadCpuTime(fx.getId());
                stats.trace((now - postedAt) / 1_000_000.0, cpu < 0 ? -1 : (cpu - postedCpu) / 1_000_000.0,
                        Arrays.stream(fx.getStackTrace()).limit(14)
                        .map(StackTraceElement::toString).collect(Collectors.joining("\n    at ")));
            }
            return;
        }
        inFlight = true;
        traced = false;
        long posted = now;
        postedAt = posted;
        Thread fx = fxThread;
        long cpuAtPost = fx == null || !threads.isThreadCpuTimeSupported() ? -1
                : threads.getThreadCpuTime(fx.getId());
        postedCpu = cpuAtPost;
        Platform.runLater(() -> {
            fxThread = Thread.currentThread();
            double waited = (System.nanoTime() - posted) / 1_000_000.0;
            double busy = cpuAtPost < 0 ? -1 : (threads.getCurrentThreadCpuTime() - cpuAtPost) / 1_000_000.0;
            stats.record(waited, busy);
            inFlight = false;
        });
    }

    /** The figures since the last reset. */
    public StallStats.Snapshot snapshot() {
        return stats.snapshot();
    }

    /** Starts counting afresh (at the start of an import, say). */
    public void reset() {
        stats.reset();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
