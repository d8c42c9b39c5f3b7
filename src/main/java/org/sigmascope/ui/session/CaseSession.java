package org.sigmascope.ui.session;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import org.sigmascope.caseview.Gap;
import org.sigmascope.store.CaseStore;
import org.sigmascope.store.SourceRow;

/**
 * An open case as the app's views share it: the store, the names of its sources, the gaps found in its logs, and
 * a signal, on the FX thread, each time its content changes (a batch of an import committed, a tag added, a
 * re-scan done), which the views answer by reading again what they show.
 */
public final class CaseSession implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(CaseSession.class.getName());

    /** What changed. */
    public enum Kind {
        /** Events or detections were added or removed (an import, a resume, a roll-back, a re-scan). */
        EVENTS,
        /** The analyst's tags, stars or notes. */
        ANNOTATIONS,
        /** The import finished or stopped: counts are final. */
        IMPORT_DONE
    }

    /** One change; {@code seq} tells two changes of the same kind apart. */
    public record Change(long seq, Kind kind) {
    }

    private final CaseStore store;
    private final ReadOnlyObjectWrapper<Change> changes = new ReadOnlyObjectWrapper<>();
    private volatile Map<Integer, String> sourceNames = Map.of();
    private volatile Map<Long, Gap> gaps = Map.of();
    private final CaseReads reads;
    private long seq;

    public CaseSession(CaseStore store) {
        this.store = store;
        this.reads = new CaseReads(store, store.file().getFileName().toString());
        reloadSources();
    }

    public CaseStore store() {
        return store;
    }

    /** The queue of the reads the app starts on its own (gaps, summaries): one at a time, after the timeline. */
    public CaseReads reads() {
        return reads;
    }

    public Path file() {
        return store.file();
    }

    /** The case's name: its file name without the extension. */
    public String name() {
        return file().getFileName().toString().replaceFirst("\\.(duckdb|sigmascope)$", "");
    }

    /** Changes of the case, on the FX thread. */
    public ReadOnlyObjectProperty<Change> changes() {
        return changes.getReadOnlyProperty();
    }

    /** Says the case changed; FX thread. */
    public void changed(Kind kind) {
        changes.set(new Change(++seq, kind));
    }

    /** The display name of a source. */
    public String sourceName(int id) {
        return sourceNames.getOrDefault(id, "");
    }

    /** Reads the source names again; any thread. */
    public List<SourceRow> reloadSources() {
        try {
            List<SourceRow> rows = store.sources();
            Map<Integer, String> names = new HashMap<>();
            rows.forEach(row -> names.put(row.id(), row.displayName()));
            sourceNames = Map.copyOf(names);
            return rows;
        } catch (IOException e) {
            LOG.log(Level.WARNING, "reading the sources of " + file(), e);
            return List.of();
        }
    }

    /** The gap right before an event, if any. */
    public Gap gapBefore(long eventId) {
        return gaps.get(eventId);
    }

    public Map<Long, Gap> gaps() {
        return gaps;
    }

    /** Sets the gaps found (after an import); any thread. */
    public void gaps(List<Gap> found) {
        Map<Long, Gap> byEvent = new HashMap<>();
        found.forEach(gap -> byEvent.putIfAbsent(gap.eventId(), gap));
        gaps = Map.copyOf(byEvent);
    }

    @Override
    public void close() throws IOException {
        reads.close();
        store.close();
    }
}
