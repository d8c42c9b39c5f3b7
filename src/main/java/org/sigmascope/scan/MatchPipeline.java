package org.sigmascope.scan;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.sigmascope.model.Detection;
import org.sigmascope.model.Event;

/**
 * Numbers the events a reader delivers and matches them against the rules, on worker threads in batches when the
 * scan has several threads, handing each event and then its detections to the listener in the order read: the
 * same calls, in the same order, as a one-thread scan. At most {@code 4 × threads} batches are in flight, so a
 * slow listener slows the reader down and memory stays bounded.
 */
final class MatchPipeline implements AutoCloseable {
    private static final int BATCH = 256;
    private static final AtomicInteger POOLS = new AtomicInteger();

    /** Events matched on a worker, with the detections of each. */
    private record Matched(List<Event> events, List<List<Detection>> detections) {
    }

    private final ScanRequest request;
    private final ScanListener listener;
    private final ExecutorService workers;
    private final int window;
    private final ArrayDeque<Future<Matched>> inFlight = new ArrayDeque<>();
    private List<Event> batch = new ArrayList<>(BATCH);
    private long nextId;
    private long events;
    private long detections;

    MatchPipeline(ScanRequest request, ScanListener listener) {
        this.request = request;
        this.listener = listener;
        this.nextId = request.firstId();
        int threads = request.options().threads();
        this.window = 4 * threads;
        if (threads <= 1) {
            workers = null;
        } else {
            int pool = POOLS.incrementAndGet();
            AtomicInteger number = new AtomicInteger();
            workers = Executors.newFixedThreadPool(threads, runnable -> {
                Thread thread = new Thread(runnable, "match-" + pool + "-" + number.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
        }
    }

    /** Takes the next event of the source being read. */
    void accept(Event raw) {
        Event event = raw.withId(nextId++);
        if (workers == null) {
            List<Detection> found = new ArrayList<>(2);
            request.engine().match(event, found::add);
            deliver(event, found);
            return;
        }
        batch.add(event);
        if (batch.size() == BATCH) {
            submit();
        }
    }

    /** Delivers everything taken so far; called at the end of each source. */
    void flush() {
        if (workers == null) {
            return;
        }
        if (!batch.isEmpty()) {
            submit();
        }
        while (!inFlight.isEmpty()) {
            deliver(await(inFlight.poll()));
        }
    }

    private void submit() {
        List<Event> full = batch;
        batch = new ArrayList<>(BATCH);
        inFlight.add(workers.submit(() -> match(full)));
        while (inFlight.size() >= window || !inFlight.isEmpty() && inFlight.peek().isDone()) {
            deliver(await(inFlight.poll()));
        }
    }

    private Matched match(List<Event> chunk) {
        List<List<Detection>> found = new ArrayList<>(chunk.size());
        for (Event event : chunk) {
            List<Detection> mine = new ArrayList<>(0);
            request.engine().match(event, mine::add);
            found.add(mine);
        }
        return new Matched(chunk, found);
    }

    private void deliver(Matched matched) {
        for (int i = 0; i < matched.events().size(); i++) {
            deliver(matched.events().get(i), matched.detections().get(i));
        }
    }

    private void deliver(Event event, List<Detection> found) {
        events++;
        if (listener.wantsEvents()) {
            listener.event(event);
        }
        for (Detection detection : found) {
            if (detection.rule().level().atLeast(request.minLevel())) {
                detections++;
                listener.detection(detection);
            }
        }
    }

    private static Matched await(Future<Matched> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    long events() {
        return events;
    }

    long detections() {
        return detections;
    }

    @Override
    public void close() {
        if (workers != null) {
            inFlight.forEach(f -> f.cancel(true));
            workers.shutdownNow();
        }
    }
}
