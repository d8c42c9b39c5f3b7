package org.sigmascope.ingest.csv;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;

import org.sigmascope.ingest.winevent.EventTimes;
import org.sigmascope.ingest.winevent.Numbers;
import org.sigmascope.model.Timestamps;

/**
 * How a CSV column writes times: ISO-8601 (with or without a zone), a number since an epoch, or a pattern
 * ({@code M/d/yyyy h:mm:ss a}). Given on the command line as {@code iso}, {@code epoch-s}, {@code epoch-ms},
 * {@code epoch-us}, {@code epoch-ns}, {@code filetime}, or a {@link DateTimeFormatter} pattern.
 */
sealed interface TimeFormat {
    /** The instant, reading zone-less times in {@code zone}; {@code null} when the text is not in this format. */
    Instant parse(String text, ZoneId zone);

    /** Whether times in this format carry no zone (and so depend on the zone given). */
    boolean zoneless(String sample);

    /** As the analyst would write it on the command line. */
    String spec();

    static TimeFormat of(String spec) {
        return switch (spec.trim().toLowerCase(Locale.ROOT)) {
            case "iso" -> new Iso();
            case "epoch-s", "epoch" -> new Epoch(1_000_000_000L, "epoch-s");
            case "epoch-ms" -> new Epoch(1_000_000L, "epoch-ms");
            case "epoch-us" -> new Epoch(1_000L, "epoch-us");
            case "epoch-ns" -> new Epoch(1L, "epoch-ns");
            case "filetime" -> new Filetime();
            default -> new Pattern(spec.trim());
        };
    }

    /** ISO-8601, {@code T} or a space between date and time, optional fraction and zone. */
    record Iso() implements TimeFormat {
        @Override
        public Instant parse(String text, ZoneId zone) {
            return EventTimes.instantOrNull(text, zone);
        }

        @Override
        public boolean zoneless(String sample) {
            EventTimes.Parsed parsed = EventTimes.parseIso(sample, java.time.ZoneOffset.UTC);
            return parsed != null && !parsed.zoned();
        }

        @Override
        public String spec() {
            return "iso";
        }
    }

    /** A whole number of units since 1970 (UTC). */
    record Epoch(long nanosPerUnit, String spec) implements TimeFormat {
        @Override
        public Instant parse(String text, ZoneId zone) {
            Long value = Numbers.parseLong(text);
            if (value == null) {
                return null;
            }
            long seconds = Math.floorDiv(value, 1_000_000_000L / nanosPerUnit);
            long rest = Math.floorMod(value, 1_000_000_000L / nanosPerUnit);
            return Instant.ofEpochSecond(seconds, rest * nanosPerUnit);
        }

        @Override
        public boolean zoneless(String sample) {
            return false;
        }
    }

    /** Windows FILETIME: 100 ns ticks since 1601 (UTC). */
    record Filetime() implements TimeFormat {
        @Override
        public Instant parse(String text, ZoneId zone) {
            Long value = Numbers.parseLong(text);
            return value == null ? null : Timestamps.fromFiletime(value);
        }

        @Override
        public boolean zoneless(String sample) {
            return false;
        }

        @Override
        public String spec() {
            return "filetime";
        }
    }

    /** A date-time pattern, an optional fraction of a second allowed after the seconds; zone-less. */
    record Pattern(String spec, DateTimeFormatter formatter) implements TimeFormat {
        Pattern(String spec) {
            this(spec, formatter(spec));
        }

        private static DateTimeFormatter formatter(String spec) {
            String pattern = spec.replace("yyyy", "uuuu");
            int seconds = pattern.indexOf("ss");
            DateTimeFormatterBuilder builder = new DateTimeFormatterBuilder().parseCaseInsensitive();
            if (seconds >= 0 && !pattern.contains("S")) {
                builder.appendPattern(pattern.substring(0, seconds + 2))
                        .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
                        .appendPattern(pattern.substring(seconds + 2));
            } else {
                builder.appendPattern(pattern);
            }
            return builder.toFormatter(Locale.ENGLISH).withResolverStyle(ResolverStyle.STRICT);
        }

        @Override
        public Instant parse(String text, ZoneId zone) {
            try {
                return LocalDateTime.parse(text.strip(), formatter).atZone(zone).toInstant();
            } catch (DateTimeException e) {
                return null;
            }
        }

        @Override
        public boolean zoneless(String sample) {
            return true;
        }
    }
}
