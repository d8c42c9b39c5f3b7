package org.sigmascope.proctree;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.sigmascope.model.Event;

/**
 * Builds the process trees of a case from its events, offered <em>in time order</em> (a case store gives them so;
 * for evidence read file by file, use {@link SightingBuffer}). Events that say nothing about processes are skipped
 * cheaply, so a store may offer everything or only what {@link SightingReader#SELECTORS} selects.
 *
 * <p>The offering thread reads what each event says; with {@link TreeOptions#linkInBackground()} a second thread
 * links, so the two halves of the work run side by side. The result does not depend on it. Memory grows with the
 * processes (about 250 bytes each, with the lookups, plus their strings) and, with {@link TreeOptions#indexEvents()},
 * 12 bytes per attached event; events themselves are never kept.
 *
 * <p>One thread offers events, then calls {@link #build()}; a builder given up on must be {@link #close() closed}.
 */
public final class ProcessTreeBuilder implements AutoCloseable {
    private static final int MAX_PROBLEMS = 100;

    private final TreeOptions options;
    private final SightingLinker linker;
    private final LinkingThread background;
    private final List<String> problems = new ArrayList<>();
    private long problemCount;
    private long events;
    private boolean built;
    private final Consumer<String> problemSink = this::problem;

    public ProcessTreeBuilder(TreeOptions options) {
        this.options = options;
        this.linker = new SightingLinker(options);
        this.background = options.linkInBackground() ? new LinkingThread(linker) : null;
    }

    public ProcessTreeBuilder() {
        this(TreeOptions.defaults());
    }

    /** Offers an event; the next one must not be earlier (on the same host) by more than the tolerance. */
    public void accept(Event event) {
        events++;
        Sighting sighting = SightingReader.read(event, problemSink);
        if (sighting != null) {
            accept(sighting);
        }
    }

    /** Offers what an event said, for callers that read sightings themselves (a store's rows, a buffer). */
    public void accept(Sighting sighting) {
        if (built) {
            throw new IllegalStateException("the tree was already built");
        }
        if (background != null) {
            background.offer(sighting);
        } else {
            linker.accept(sighting);
        }
    }

    /** Adds the events and problems a {@link SightingBuffer} saw before replaying its sightings here. */
    void offered(long eventCount, List<String> bufferProblems, long bufferProblemCount) {
        events += eventCount;
        bufferProblems.forEach(this::problem);
        problemCount += bufferProblemCount - bufferProblems.size();
    }

    void problem(String message) {
        problemCount++;
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(message);
        }
    }

    /** The trees. The builder cannot be used after. */
    public ProcessTree build() {
        if (built) {
            throw new IllegalStateException("the tree was already built");
        }
        built = true;
        if (background != null) {
            background.finish();
        }
        return TreeFreezer.freeze(linker, linker.hostNames, events, problems, problemCount, options.toleranceTicks());
    }

    /** The CPU time of the linking thread, once built (0 when linking on the offering thread): for the benchmark. */
    long backgroundCpuNanos() {
        return background == null ? 0 : background.cpuNanos();
    }

    /** How long offering waited for the linking thread to catch up: for the benchmark. */
    long backgroundWaitNanos() {
        return background == null ? 0 : background.waitNanos();
    }

    /** Stops the linking thread of a builder that will not be built; nothing after {@link #build()}. */
    @Override
    public void close() {
        if (background != null) {
            background.abandon();
        }
        built = true;
    }
}
