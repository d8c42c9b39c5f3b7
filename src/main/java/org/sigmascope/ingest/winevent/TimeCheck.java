package org.sigmascope.ingest.winevent;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * Checks the time a reader chose for events against Sysmon's own {@code UtcTime}, which is UTC and within a
 * millisecond of the record's time. A steady difference of whole quarter hours means a zone-less time was read
 * in the wrong zone; a steady lag means the export's time is when a collector received the event. Either way
 * the analyst is told, with the figure, rather than shown a timeline off by hours.
 */
public final class TimeCheck {
    private static final int SAMPLES = 2048;
    private static final long TOLERANCE_SECONDS = 5;

    private final long[] differences = new long[SAMPLES];
    private int count;
    private Instant first;

    /** Records one event: the time chosen, and the Sysmon {@code UtcTime} text of the same event, if any. */
    public void observe(Instant chosen, Object utcTime) {
        if (chosen == null || !(utcTime instanceof String text) || count == SAMPLES) {
            return;
        }
        Instant utc = EventTimes.instantOrNull(text, ZoneOffset.UTC);
        if (utc != null) {
            if (first == null) {
                first = chosen;
            }
            differences[count++] = Duration.between(utc, chosen).toSeconds();
        }
    }

    /** {@code +04:00:01} style, for differences that may span hours. */
    private static String signed(long seconds) {
        long abs = Math.abs(seconds);
        return String.format("%s%02d:%02d:%02d", seconds < 0 ? "-" : "+", abs / 3600, abs / 60 % 60, abs % 60);
    }

    /** The median difference (chosen minus UtcTime), or {@code null} without samples. */
    public Duration medianDifference() {
        if (count == 0) {
            return null;
        }
        long[] sorted = Arrays.copyOf(differences, count);
        Arrays.sort(sorted);
        return Duration.ofSeconds(sorted[count / 2]);
    }

    /**
     * Notes a warning when the chosen times differ from Sysmon's UtcTime.
     *
     * @param what   which time was chosen, in words ("NXLog EventTime read as UTC")
     * @param readIn the zone zone-less times were read in, or {@code null} when the chosen times carry a zone
     */
    public void report(SourceNotes notes, String what, java.time.ZoneId readIn) {
        Duration median = medianDifference();
        if (median == null || Math.abs(median.toSeconds()) <= TOLERANCE_SECONDS) {
            return;
        }
        long seconds = median.toSeconds();
        long quarterHours = Math.round(seconds / 900.0);
        String differs = what + " differs from Sysmon's UtcTime by " + signed(seconds) + " (median of " + count
                + " Sysmon events)";
        String message;
        if (readIn != null && quarterHours != 0 && Math.abs(seconds - quarterHours * 900) <= 120) {
            int used = readIn.getRules().getOffset(first).getTotalSeconds();
            long suggested = quarterHours * 900 + used;
            if (suggested >= -12 * 3600 && suggested <= 14 * 3600) {
                ZoneOffset offset = ZoneOffset.ofTotalSeconds((int) suggested);
                message = differs + ": the export's times are probably local to "
                        + (offset.getTotalSeconds() == 0 ? "UTC" : "UTC" + offset.getId())
                        + "; read them in that zone with --local-zone";
            } else {
                message = differs + ": no time zone explains the difference, so the export's times are wrong; "
                        + "Sysmon's UtcTime is the reliable time of these events";
            }
        } else if (readIn == null && quarterHours != 0 && Math.abs(seconds - quarterHours * 900) <= 120) {
            message = differs + ": the export's zone information is wrong by whole hours";
        } else {
            message = differs + ": it is probably when a collector received the events, not when they happened";
        }
        notes.note("time-check", message, -1, -1);
    }
}
