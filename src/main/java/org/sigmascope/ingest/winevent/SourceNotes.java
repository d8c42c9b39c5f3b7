package org.sigmascope.ingest.winevent;

import java.util.LinkedHashMap;
import java.util.Map;

import org.sigmascope.ingest.StatsCollector;
import org.sigmascope.model.Diagnostic;

/**
 * What a reader learned about a source as a whole: information the format lost, zones assumed, fields restored.
 * Each note is kept once with the number of events it concerns and where it was first seen, and becomes one
 * warning of the source when reading ends, so that an export of a million events gives one line per fact, not a
 * million. The warnings go to the case with the source's figures, so the assumption stays on record.
 */
public final class SourceNotes {
    private final Map<String, Note> notes = new LinkedHashMap<>();

    private static final class Note {
        final String message;
        final long line;
        final long offset;
        long count;

        Note(String message, long line, long offset) {
            this.message = message;
            this.line = line;
            this.offset = offset;
        }
    }

    /**
     * Notes a fact about one event. The first message given for a key is kept.
     *
     * @param line   1-based line where it was first seen, or -1
     * @param offset byte offset where it was first seen, or -1
     */
    public void note(String key, String message, long line, long offset) {
        Note note = notes.get(key);
        if (note == null) {
            note = new Note(message, line, offset);
            notes.put(key, note);
        }
        note.count++;
    }

    /** Notes a fact with a message computed only the first time (messages may be costly to build). */
    public void note(String key, java.util.function.Supplier<String> message, long line, long offset) {
        Note note = notes.get(key);
        if (note == null) {
            note = new Note(message.get(), line, offset);
            notes.put(key, note);
        }
        note.count++;
    }

    public boolean has(String key) {
        return notes.containsKey(key);
    }

    public boolean isEmpty() {
        return notes.isEmpty();
    }

    /** Writes each note as a warning of the source, with the number of events it concerns. */
    public void flushTo(StatsCollector stats, String file) {
        for (Note note : notes.values()) {
            String message = note.message + (note.count > 1 ? " (" + note.count + " events)" : "");
            stats.warning(new Diagnostic(Diagnostic.Severity.WARNING, file, note.offset, note.line, message));
        }
        notes.clear();
    }
}
