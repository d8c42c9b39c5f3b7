package org.sigmascope.ui.main;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The progress of an import or a re-scan as the status bar shows it: how far (0 … 1), events per second over the
 * last seconds, and the time left at that pace. Fed samples on the FX thread (a few a second), with their times,
 * so that it is tested without waiting.
 */
public final class ImportProgress {
    /** The pace is measured over this window. */
    static final long WINDOW_NANOS = 5_000_000_000L;

    private record Sample(long nanos, long done, long events) {
    }

    private final Deque<Sample> window = new ArrayDeque<>();
    private final ReadOnlyDoubleWrapper fraction = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyDoubleWrapper eventsPerSecond = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper source = new ReadOnlyStringWrapper("");
    private String what = "Importing";
    private long sourceStart;
    private String lastSource = "";

    /** 0 … 1, or -1 while the total is not known. */
    public ReadOnlyDoubleProperty fractionProperty() {
        return fraction.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty eventsPerSecondProperty() {
        return eventsPerSecond.getReadOnlyProperty();
    }

    /** {@code Importing Security.evtx — 41,200 events/s, 2 min 10 s left}. */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** The source being read. */
    public ReadOnlyStringProperty sourceProperty() {
        return source.getReadOnlyProperty();
    }

    /** Starts afresh for a new job. */
    public void start(String description) {
        what = description;
        window.clear();
        fraction.set(-1);
        eventsPerSecond.set(0);
        source.set("");
        lastSource = "";
        sourceStart = 0;
        text.set(description + "…");
    }

    /**
     * A sample.
     *
     * @param nanos   when ({@link System#nanoTime()})
     * @param done    work done (bytes of evidence, or events for a re-scan)
     * @param total   all the work, or -1
     * @param events  events committed
     * @param current the source being read, or {@code ""}
     */
    public void sample(long nanos, long done, long total, long events, String current) {
        window.addLast(new Sample(nanos, done, events));
        while (window.size() > 2 && window.peekFirst().nanos() < nanos - WINDOW_NANOS) {
            window.removeFirst();
        }
        if (!current.equals(lastSource)) {
            lastSource = current;
            sourceStart = done;
        }
        source.set(current);
        fraction.set(total > 0 ? Math.min(1, (double) done / total) : -1);
        Sample first = window.peekFirst();
        double seconds = (nanos - first.nanos()) / 1e9;
        double rate = seconds > 0.5 ? (events - first.events()) / seconds : eventsPerSecond.get();
        eventsPerSecond.set(Math.max(0, rate));
        StringBuilder line = new StringBuilder(what);
        if (!current.isEmpty()) {
            line.append(' ').append(shortName(current));
        }
        line.append(String.format(" — %,d events", events));
        if (rate > 0) {
            line.append(String.format(", %,.0f events/s", rate));
        }
        double doneRate = seconds > 0.5 ? (done - first.done()) / seconds : 0;
        if (total > 0 && doneRate > 0 && done < total) {
            line.append(", ").append(words(Duration.ofSeconds((long) ((total - done) / doneRate)))).append(" left");
        }
        text.set(line.toString());
    }

    /** Work done on the source being read, since it started. */
    public long sourceDone(long done) {
        return Math.max(0, done - sourceStart);
    }

    static String shortName(String path) {
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return slash >= 0 ? path.substring(slash + 1) : path;
    }

    /** {@code 1 h 5 min}, {@code 3 min 20 s}, {@code 12 s}. */
    static String words(Duration d) {
        if (d.toHours() > 0) {
            return d.toHours() + " h " + d.toMinutesPart() + " min";
        }
        if (d.toMinutes() > 0) {
            return d.toMinutes() + " min " + d.toSecondsPart() + " s";
        }
        return Math.max(1, d.toSeconds()) + " s";
    }
}
