package org.sigmascope.report.model;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import org.sigmascope.model.Level;

/**
 * What the analyst chose in the export dialog (or on the command line).
 *
 * @param sections      the sections to include; they always appear in {@link Section}'s order
 * @param minLevel      detections below this level are left out of every section and count
 * @param zone          the time zone times are shown in (the offset is always printed with them)
 * @param detailLimit   at most this many detections are shown in full in the HTML report (the rest are counted,
 *                      and listed in the timeline); keeps a report of a noisy case readable and printable
 * @param timelineLimit at most this many rows in the timeline of detections (the rest are counted)
 */
public record ReportOptions(Set<Section> sections, Level minLevel, ZoneId zone, int detailLimit,
                            int timelineLimit) {
    /** The default cap on detections shown in full. */
    public static final int DEFAULT_DETAIL_LIMIT = 500;
    /** The default cap on rows of the timeline of detections. */
    public static final int DEFAULT_TIMELINE_LIMIT = 5000;

    public ReportOptions {
        sections = Collections.unmodifiableSet(
                sections.isEmpty() ? EnumSet.noneOf(Section.class) : EnumSet.copyOf(sections));
        minLevel = minLevel == null ? Level.INFORMATIONAL : minLevel;
        zone = zone == null ? ZoneOffset.UTC : zone;
        if (detailLimit < 0 || timelineLimit < 0) {
            throw new IllegalArgumentException("limits must not be negative");
        }
    }

    /** Every section, every level, UTC. */
    public static ReportOptions defaults() {
        return new ReportOptions(EnumSet.allOf(Section.class), Level.INFORMATIONAL, ZoneOffset.UTC,
                DEFAULT_DETAIL_LIMIT, DEFAULT_TIMELINE_LIMIT);
    }

    public ReportOptions withSections(Set<Section> chosen) {
        return new ReportOptions(chosen, minLevel, zone, detailLimit, timelineLimit);
    }

    public ReportOptions withMinLevel(Level level) {
        return new ReportOptions(sections, level, zone, detailLimit, timelineLimit);
    }

    public ReportOptions withZone(ZoneId newZone) {
        return new ReportOptions(sections, minLevel, newZone, detailLimit, timelineLimit);
    }

    public ReportOptions withLimits(int detailed, int timelineRows) {
        return new ReportOptions(sections, minLevel, zone, detailed, timelineRows);
    }

    public boolean includes(Section section) {
        return sections.contains(section);
    }
}
