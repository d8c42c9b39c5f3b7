package org.sigmascope.proctree;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.sigmascope.model.Event;

/**
 * Builds the process trees of a case from its events, offered <em>in time order</em> (a case store gives them so;
 * for evidence read file by file, use {@link SightingBuffer}). Events that say nothing about processes are skipped
 * cheaply, so a store may offer everything or only what {@link SightingReader#SELECTORS} selects.
 *
 * <p>Memory grows with the processes (about 250 bytes each, with the lookups, plus their strings) and, with
 * {@link TreeOptions#indexEvents()}, 12 bytes per attached event; events themselves are never kept. Not thread-safe:
 * one thread offers events.
 */
public final class ProcessTreeBuilder {
    private static final int MAX_PROBLEMS = 100;

    private final TreeOptions options;
    private final SightingLinker linker;
    private final Map<String, Integer> hostIds = new HashMap<>();
    private final Map<String, Integer> hostIdsIgnoringCase = new HashMap<>();
    private final List<String> hostNames = new ArrayList<>();
    private long[] lastTime = new long[8];
    private final List<String> problems = new ArrayList<>();
    private long problemCount;
    private long events;
    private boolean built;
    private final java.util.function.Consumer<String> problemSink = this::problem;

    public ProcessTreeBuilder(TreeOptions options) {
        this.options = options;
        this.linker = new SightingLinker(options);
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
        int host = hostId(sighting.host());
        long time = sighting.time();
        if (Ticks.known(time)) {
            if (Ticks.known(lastTime[host]) && time + linker.tolerance < lastTime[host]) {
                linker.counters.outOfOrder++;
            } else if (!Ticks.known(lastTime[host]) || time > lastTime[host]) {
                lastTime[host] = time;
            }
        }
        linker.accept(host, sighting);
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

    private int hostId(String name) {
        Integer id = hostIds.get(name);
        if (id != null) {
            return id;
        }
        // One host, however its name is cased in different logs.
        id = hostIdsIgnoringCase.computeIfAbsent(name.toLowerCase(Locale.ROOT), lower -> {
            hostNames.add(name);
            if (hostNames.size() > lastTime.length) {
                lastTime = java.util.Arrays.copyOf(lastTime, lastTime.length * 2);
            }
            lastTime[hostNames.size() - 1] = Ticks.UNKNOWN;
            return hostNames.size() - 1;
        });
        hostIds.put(name, id);
        return id;
    }

    /** The trees. The builder cannot be used after. */
    public ProcessTree build() {
        if (built) {
            throw new IllegalStateException("the tree was already built");
        }
        built = true;
        return TreeFreezer.freeze(linker, hostNames, events, problems, problemCount, options.toleranceTicks());
    }
}
