package org.sigmascope.ingest.csv;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.sigmascope.ingest.winevent.Numbers;

/**
 * Finds how a column writes times from a sample of its values: the formats that read every non-empty sample.
 * When several do and disagree (is {@code 3/4/2024} the 3rd of April or the 4th of March?) the detection is
 * ambiguous: a choice is made (month first with AM/PM, as the United States writes; day first without), and the
 * caller warns the analyst, who can settle it with {@code --csv-time-format}.
 */
final class TimeFormats {
    private static final List<TimeFormat> PATTERNS = List.of(
            new TimeFormat.Iso(),
            new TimeFormat.Pattern("M/d/yyyy h:mm:ss a"),
            new TimeFormat.Pattern("d/M/yyyy h:mm:ss a"),
            new TimeFormat.Pattern("d/M/yyyy H:mm:ss"),
            new TimeFormat.Pattern("M/d/yyyy H:mm:ss"),
            new TimeFormat.Pattern("d.M.yyyy H:mm:ss"),
            new TimeFormat.Pattern("d-M-yyyy H:mm:ss"),
            new TimeFormat.Pattern("yyyy/M/d H:mm:ss"),
            new TimeFormat.Pattern("yyyy.M.d H:mm:ss"),
            new TimeFormat.Pattern("M/d/yyyy h:mm a"),
            new TimeFormat.Pattern("d/M/yyyy H:mm"),
            new TimeFormat.Pattern("M/d/yyyy H:mm"),
            new TimeFormat.Pattern("d.M.yyyy H:mm"));

    private TimeFormats() {
    }

    /**
     * What detection found.
     *
     * @param format      the format chosen, or {@code null} when none reads the samples
     * @param alternatives other formats that read every sample but give other times (ambiguity), else empty
     */
    record Detection(TimeFormat format, List<TimeFormat> alternatives) {
        boolean ambiguous() {
            return !alternatives.isEmpty();
        }
    }

    static Detection detect(List<String> samples) {
        List<String> values = new ArrayList<>();
        for (String sample : samples) {
            if (sample != null && !sample.isBlank()) {
                values.add(sample.strip());
            }
        }
        if (values.isEmpty()) {
            return new Detection(null, List.of());
        }
        TimeFormat epoch = epoch(values);
        if (epoch != null) {
            return new Detection(epoch, List.of());
        }
        List<TimeFormat> readers = new ArrayList<>();
        for (TimeFormat format : PATTERNS) {
            if (values.stream().allMatch(v -> format.parse(v, ZoneOffset.UTC) != null)) {
                readers.add(format);
            }
        }
        if (readers.isEmpty()) {
            return new Detection(null, List.of());
        }
        TimeFormat chosen = readers.get(0);
        List<TimeFormat> alternatives = new ArrayList<>();
        for (TimeFormat other : readers.subList(1, readers.size())) {
            boolean differs = values.stream()
                    .anyMatch(v -> !chosen.parse(v, ZoneOffset.UTC).equals(other.parse(v, ZoneOffset.UTC)));
            if (differs) {
                alternatives.add(other);
            }
        }
        return new Detection(chosen, alternatives);
    }

    /** Whole numbers of one magnitude: seconds, milliseconds, microseconds or nanoseconds since 1970, or FILETIME. */
    private static TimeFormat epoch(List<String> values) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (String value : values) {
            Long number = Numbers.parseLong(value);
            if (number == null) {
                return null;
            }
            min = Math.min(min, number);
            max = Math.max(max, number);
        }
        // Plausible event times: 1990 to 2100, in each unit.
        if (min >= 631_152_000L && max <= 4_102_444_800L) {
            return TimeFormat.of("epoch-s");
        }
        if (min >= 631_152_000_000L && max <= 4_102_444_800_000L) {
            return TimeFormat.of("epoch-ms");
        }
        if (min >= 631_152_000_000_000L && max <= 4_102_444_800_000_000L) {
            return TimeFormat.of("epoch-us");
        }
        if (min >= 116_444_736_000_000_000L + 6_311_520_000_000_000L && max <= 157_469_184_000_000_000L) {
            return TimeFormat.of("filetime");
        }
        if (min >= 631_152_000_000_000_000L) {
            return TimeFormat.of("epoch-ns");
        }
        return null;
    }

    /** Whether a column's values look like times at all (to pick the time column among many). */
    static boolean looksLikeTimes(List<String> samples) {
        Detection detection = detect(samples);
        if (detection.format() == null) {
            return false;
        }
        Instant first = null;
        for (String sample : samples) {
            if (sample != null && !sample.isBlank()) {
                first = detection.format().parse(sample.strip(), ZoneOffset.UTC);
                break;
            }
        }
        return first != null;
    }
}
