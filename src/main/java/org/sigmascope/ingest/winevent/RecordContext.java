package org.sigmascope.ingest.winevent;

import java.time.Instant;
import java.time.ZoneId;

import org.sigmascope.ingest.StatsCollector;
import org.sigmascope.model.Diagnostic;
import org.sigmascope.model.Event;
import org.sigmascope.model.EventFactory;
import org.sigmascope.model.Fields;

/**
 * What a shape or dialect needs while it turns one record into an event: the source, the zone for zone-less
 * times, where the record is (for diagnostics and to re-read it), and the notes and time check of the source.
 * One per source; the reader moves it from record to record.
 */
public final class RecordContext {
    private final int sourceId;
    private final String file;
    private final ZoneId localZone;
    private final StatsCollector stats;
    private final SourceNotes notes = new SourceNotes();
    private final TimeCheck timeCheck = new TimeCheck();
    private String timeDescription;
    private boolean timesZoneless;
    private long line = -1;
    private long offset = -1;
    private boolean locateByLine;

    /**
     * @param file the name to give in diagnostics (the file, or {@code archive!member})
     */
    public RecordContext(int sourceId, String file, ZoneId localZone, StatsCollector stats) {
        this.sourceId = sourceId;
        this.file = file;
        this.localZone = localZone;
        this.stats = stats;
    }

    /** Moves to a record found at a byte offset (JSON); events are located by that offset. */
    public void atOffset(long recordOffset, long recordLine) {
        this.offset = recordOffset;
        this.line = recordLine;
        this.locateByLine = false;
    }

    /** Moves to a record found at a line (CSV); events are located by that line. */
    public void atLine(long recordLine) {
        this.line = recordLine;
        this.offset = -1;
        this.locateByLine = true;
    }

    public ZoneId localZone() {
        return localZone;
    }

    public String file() {
        return file;
    }

    public long line() {
        return line;
    }

    public SourceNotes notes() {
        return notes;
    }

    public TimeCheck timeCheck() {
        return timeCheck;
    }

    /** Notes a fact about the source at the current record (see {@link SourceNotes}). */
    public void note(String key, String message) {
        notes.note(key, message, line, offset);
    }

    /** A problem with part of the current record; the record is kept. */
    public void warning(String message) {
        stats.warning(new Diagnostic(Diagnostic.Severity.WARNING, file, offset, line, message));
    }

    /** The current record is lost: it could not be read as an event. */
    public void failed(String message) {
        stats.failed(new Diagnostic(Diagnostic.Severity.ERROR, file, offset, line, message));
    }

    /** Makes the event of the current record. */
    public Event event(Fields fields, Instant time) {
        return EventFactory.fromFields(sourceId, fields, time, locateByLine ? line : offset, false);
    }

    /**
     * Says which time the events got, for the check against Sysmon's UtcTime made when reading ends; the first
     * description given for a source is kept.
     *
     * @param what     the time, in words ("NXLog EventTime")
     * @param zoneless whether it carried no zone and was read in {@link #localZone()}
     */
    public void timesFrom(String what, boolean zoneless) {
        if (timeDescription == null) {
            timeDescription = what;
            timesZoneless = zoneless;
        }
        if (zoneless) {
            note("zoneless", what + " carries no time zone: read as " + zoneName()
                    + " (set the zone of the machine that wrote it with --local-zone)");
        }
    }

    private String zoneName() {
        return localZone.normalized().equals(java.time.ZoneOffset.UTC) ? "UTC" : localZone.getId();
    }

    /** Checks the times and writes the notes of the source as warnings; called once, when reading ends. */
    public void finish() {
        if (timeDescription != null) {
            timeCheck.report(notes, timeDescription + (timesZoneless ? " read as " + zoneName() : ""),
                    timesZoneless ? localZone : null);
        }
        notes.flushTo(stats, file);
    }
}
