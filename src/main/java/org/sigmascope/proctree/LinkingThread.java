package org.sigmascope.proctree;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Links sightings on a thread of its own, in the order they were offered, so the offering thread can read the next
 * events meanwhile. Sightings travel in batches through a short bounded queue: the offering thread waits when the
 * linker falls behind, so memory stays bounded.
 */
final class LinkingThread {
    private static final int BATCH = 512;
    private static final Sighting[] END = new Sighting[0];

    private final SightingLinker linker;
    private final BlockingQueue<Sighting[]> queue = new ArrayBlockingQueue<>(16);
    private final Thread thread;
    private volatile Throwable failure;
    /** The CPU time the thread used, once it has ended: for the benchmark. */
    private volatile long cpuNanos;
    /** How long the offering thread waited for the linker to catch up: for the benchmark. */
    private long waitNanos;
    private Sighting[] batch = new Sighting[BATCH];
    private int size;
    private boolean started;

    LinkingThread(SightingLinker linker) {
        this.linker = linker;
        this.thread = new Thread(this::run, "sigmascope-proctree-linker");
        thread.setDaemon(true);
        thread.setUncaughtExceptionHandler((t, e) -> failure = e);
    }

    void offer(Sighting sighting) {
        batch[size++] = sighting;
        if (size == BATCH) {
            send(batch);
            batch = new Sighting[BATCH];
            size = 0;
        }
    }

    /** Sends what is left, waits for the linker to finish, and rethrows what failed on its thread. */
    void finish() {
        if (size > 0) {
            send(java.util.Arrays.copyOf(batch, size));
            size = 0;
        }
        if (started) {
            send(END);
            join();
        }
        if (failure != null) {
            throw new IllegalStateException("linking failed: " + failure, failure);
        }
    }

    /** Stops the thread without finishing the work. */
    void abandon() {
        if (started) {
            thread.interrupt();
            join();
        }
    }

    private void send(Sighting[] sightings) {
        if (!started) {
            thread.start();
            started = true;
        }
        if (queue.offer(sightings)) {
            return;
        }
        long waiting = System.nanoTime();
        try {
            while (!queue.offer(sightings, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                if (!thread.isAlive()) {
                    throw new IllegalStateException("linking failed: " + failure, failure);
                }
            }
            waitNanos += System.nanoTime() - waiting;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building the process tree", e);
        }
    }

    private void join() {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building the process tree", e);
        }
    }

    private void run() {
        try {
            for (Sighting[] sightings = queue.take(); sightings != END; sightings = queue.take()) {
                for (Sighting s : sightings) {
                    linker.accept(s);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // abandoned: the tree is not wanted
        } finally {
            cpuNanos = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        }
    }

    long cpuNanos() {
        return cpuNanos;
    }

    long waitNanos() {
        return waitNanos;
    }
}
