package org.sigmascope.scan;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;

import org.sigmascope.model.Detection;
import org.sigmascope.model.Event;
import org.sigmascope.sigma.correlation.CorrelationRun;
import org.sigmascope.sigma.correlation.RunLimits;

/**
 * Numbers the events a reader delivers and matches them against the rules, on worker threads in batches when the
 * scan has several threads, handing each event and then its detections to the listener in the order read: the
 * same calls, in the same order, as a one-thread scan. The listener's other calls (a source started, finished or
 * failed) are queued in the same order ({@link #then}), so the workers need not drain between sources.
 *
 * <p>At most {@code 4 × threads} batches are in flight, so a slow listener slows the reader down and memory stays
 * bounded. When the window is full, the reading thread does not just wait: it matches the oldest batch itself if
 * no worker has taken it yet, so reading and matching share the cores without waiting on each other.
 *
 * <p>Correlation rules take the matches as they are delivered and report their hits at
 * {@link #finishCorrelations()}, once all evidence is read (files are not read in time order); the matches of rules
 * that only feed correlations are not reported alone.
 */
final class MatchPipeline implements AutoCloseable {
    /** Events per batch: large enough that handing a batch over costs little beside matching it. */
    private static final int BATCH = 1024;
    private static final AtomicInteger POOLS = new AtomicInteger();

    /** What is delivered next: a batch being matched, or a call to the listener queued behind the batches. */
    private record Step(List<Event> events, FutureTask<List<List<Detection>>> matching, Runnable call) {
    }

    private final ScanRequest request;
    private final ScanListener listener;
    private final CorrelationRun correlations;
    private final ExecutorService workers;
    private final int window;
    private final ArrayDeque<Step> inFlight = new ArrayDeque<>();
    private int batches;
    private List<Event> batch = new ArrayList<>(BATCH);
    private long nextId;
    private long events;
    private long detections;

    MatchPipeline(ScanRequest request, ScanListener listener) {
        this.request = request;
        this.listener = listener;
        this.nextId = request.firstId();
        this.correlations = request.correlations().start(RunLimits.SCAN);
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

    /** Calls the listener once every event taken so far has been delivered (at once on one thread). */
    void then(Runnable call) {
        if (workers == null) {
            call.run();
            return;
        }
        if (!batch.isEmpty()) {
            submit();
        }
        if (inFlight.isEmpty()) {
            call.run();
        } else {
            inFlight.add(new Step(null, null, call));
        }
    }

    /** Delivers everything taken so far. */
    void flush() {
        if (workers == null) {
            return;
        }
        if (!batch.isEmpty()) {
            submit();
        }
        while (!inFlight.isEmpty()) {
            deliverNext();
        }
    }

    private void submit() {
        List<Event> full = batch;
        batch = new ArrayList<>(BATCH);
        FutureTask<List<List<Detection>>> task = new FutureTask<>(() -> match(full));
        inFlight.add(new Step(full, task, null));
        batches++;
        workers.execute(task);
        while (batches >= window || !inFlight.isEmpty() && isReady(inFlight.peek())) {
            deliverNext();
        }
    }

    private static boolean isReady(Step step) {
        return step.matching() == null || step.matching().isDone();
    }

    /** Delivers the oldest step, matching it on this thread if no worker has started it. */
    private void deliverNext() {
        Step step = inFlight.poll();
        if (step.matching() == null) {
            step.call().run();
            return;
        }
        batches--;
        step.matching().run(); // does nothing if a worker has it; the worker then skips it if this thread did
        List<List<Detection>> found = await(step.matching());
        for (int i = 0; i < step.events().size(); i++) {
            deliver(step.events().get(i), found.get(i));
        }
    }

    private List<List<Detection>> match(List<Event> chunk) {
        List<List<Detection>> found = new ArrayList<>(chunk.size());
        for (Event event : chunk) {
            List<Detection> mine = new ArrayList<>(0);
            request.engine().match(event, mine::add);
            found.add(mine);
        }
        return found;
    }

    private void deliver(Event event, List<Detection> found) {
        events++;
        if (listener.wantsEvents()) {
            listener.event(event);
        }
        for (Detection detection : found) {
            correlations.offer(detection);
            if (request.correlations().reportsAlone(detection.rule().id())) {
                report(detection);
            }
        }
    }

    private void report(Detection detection) {
        if (detection.rule().level().atLeast(request.minLevel())) {
            detections++;
            listener.detection(detection);
        }
    }

    /** Evaluates the correlations over all matches delivered and reports their hits, then what they left out. */
    void finishCorrelations() {
        correlations.finish().forEach(this::report);
        correlations.notes().forEach(listener::note);
    }

    private static List<List<Detection>> await(Future<List<List<Detection>>> future) {
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
            inFlight.stream().filter(step -> step.matching() != null).forEach(step -> step.matching().cancel(true));
            workers.shutdownNow();
        }
    }
}
