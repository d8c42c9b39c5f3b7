package org.sigmascope.ingest.evtx.chunk;

import java.util.ArrayList;
import java.util.List;

import org.sigmascope.model.Diagnostic;
import org.sigmascope.model.Event;

/**
 * What one chunk gave: its live events in record order, the records carved from its slack (not yet
 * de-duplicated against the rest of the file), and its problems in the order they were met. Workers fill it;
 * the reader hands it on in chunk order, so output and diagnostics do not depend on thread timing.
 */
public final class ChunkResult {
    /** How a problem counts in the source's figures. */
    public enum Kind { FAILED, WARNING, CHUNK_SKIPPED }

    /** A problem and how it counts. */
    public record Problem(Kind kind, Diagnostic diagnostic) {
    }

    final int index;
    final List<Event> events = new ArrayList<>();
    final List<Event> carved = new ArrayList<>();
    final List<Problem> problems = new ArrayList<>(0);

    ChunkResult(int index) {
        this.index = index;
    }

    public int index() {
        return index;
    }

    public List<Event> events() {
        return events;
    }

    public List<Event> carved() {
        return carved;
    }

    public List<Problem> problems() {
        return problems;
    }
}
