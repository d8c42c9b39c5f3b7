package org.sigmascope.report.html;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.sigmascope.model.Level;

/**
 * Detections over time as stacked columns (SVG), most severe on top. Evidence often holds a few busy days years
 * apart; a continuous axis would squash them into one bar, so when the detections fall on at most
 * {@value #MAX_DAY_COLUMNS} separate days (and span more than two), there is one column per day that has
 * detections. Otherwise the axis is continuous, in round buckets.
 */
final class TimeChart {
    private static final int MAX_DAY_COLUMNS = 40;
    private static final int LABELLED_DAYS = 14;
    private static final int WIDTH = 960;
    private static final int PLOT = 120;
    private static final int LEFT = 40;
    private static final List<Duration> STEPS = List.of(Duration.ofSeconds(1), Duration.ofSeconds(10),
            Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofHours(1),
            Duration.ofHours(3), Duration.ofHours(6), Duration.ofHours(12), Duration.ofDays(1), Duration.ofDays(7),
            Duration.ofDays(30), Duration.ofDays(365));

    /** One column: its label under the axis (or {@code ""}), its tooltip, and its count per level. */
    private record Column(String label, String tooltip, long[] byLevel) {
    }

    private TimeChart() {
    }

    static String render(String title, List<Instant> times, List<Level> levels, ZoneId zone,
                         Function<Instant, String> timeText) {
        Instant first = times.stream().min(Instant::compareTo).orElseThrow();
        Instant last = times.stream().max(Instant::compareTo).orElseThrow();
        Map<LocalDate, long[]> days = new TreeMap<>();
        for (int i = 0; i < times.size(); i++) {
            days.computeIfAbsent(times.get(i).atZone(zone).toLocalDate(), d -> new long[Level.values().length])
                    [levels.get(i).ordinal()]++;
        }
        if (Duration.between(first, last).toDays() >= 2 && days.size() <= MAX_DAY_COLUMNS) {
            List<Column> columns = new ArrayList<>();
            days.forEach((day, counts) -> columns.add(new Column(days.size() <= LABELLED_DAYS ? day.toString() : "",
                    day.toString(), counts)));
            return columns(title, columns, days.size() <= LABELLED_DAYS ? "" : first.atZone(zone).toLocalDate()
                    .toString(), days.size() <= LABELLED_DAYS ? "" : last.atZone(zone).toLocalDate().toString(),
                    "one column per day with detections; days without are left out");
        }
        Duration bucket = bucketSize(Duration.between(first, last));
        int count = (int) (Duration.between(first, last).toNanos() / bucket.toNanos()) + 1;
        List<Column> columns = new ArrayList<>();
        for (int b = 0; b < count; b++) {
            columns.add(new Column("", timeText.apply(first.plus(bucket.multipliedBy(b))),
                    new long[Level.values().length]));
        }
        for (int i = 0; i < times.size(); i++) {
            int b = (int) (Duration.between(first, times.get(i)).toNanos() / bucket.toNanos());
            columns.get(b).byLevel()[levels.get(i).ordinal()]++;
        }
        return columns(title, columns, timeText.apply(first), timeText.apply(last), "one column = " + describe(bucket)
                + ", from the first detection");
    }

    private static String columns(String title, List<Column> columns, String leftLabel, String rightLabel,
                                  String footnote) {
        long max = 1;
        for (Column column : columns) {
            long sum = 0;
            for (long c : column.byLevel()) {
                sum += c;
            }
            max = Math.max(max, sum);
        }
        double slot = (double) (WIDTH - LEFT - 10) / columns.size();
        double barWidth = Math.max(1, Math.min(slot - 2, 60));
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 ")
                .append(WIDTH).append(' ').append(PLOT + 44).append("\" aria-label=\"").append(Html.attr(title))
                .append("\"><title>").append(Html.attr(title)).append("</title>")
                .append("<line class=\"axis\" x1=\"").append(LEFT).append("\" y1=\"").append(PLOT + 2)
                .append("\" x2=\"").append(WIDTH - 10).append("\" y2=\"").append(PLOT + 2).append("\"></line>")
                .append("<text class=\"count\" x=\"").append(LEFT - 6).append("\" y=\"12\" text-anchor=\"end\">")
                .append(max).append("</text>");
        for (int b = 0; b < columns.size(); b++) {
            Column column = columns.get(b);
            double x = LEFT + b * slot + (slot - barWidth) / 2;
            double top = PLOT + 2;
            for (Level level : Level.values()) {
                long c = column.byLevel()[level.ordinal()];
                if (c == 0) {
                    continue;
                }
                double h = (double) c * PLOT / max;
                top -= h;
                svg.append("<rect class=\"chart-fill-").append(level.sigmaName()).append("\" x=\"").append(fmt(x))
                        .append("\" y=\"").append(fmt(top)).append("\" width=\"").append(fmt(barWidth))
                        .append("\" height=\"").append(fmt(h)).append("\"><title>")
                        .append(Html.attr(column.tooltip() + ": " + c + " " + level.sigmaName()))
                        .append("</title></rect>");
            }
            if (!column.label().isEmpty()) {
                svg.append("<text x=\"").append(fmt(x + barWidth / 2)).append("\" y=\"").append(PLOT + 18)
                        .append("\" text-anchor=\"middle\">").append(Html.attr(column.label())).append("</text>");
            }
        }
        if (!leftLabel.isEmpty()) {
            svg.append("<text x=\"").append(LEFT).append("\" y=\"").append(PLOT + 18).append("\">")
                    .append(Html.attr(leftLabel)).append("</text><text x=\"").append(WIDTH - 10).append("\" y=\"")
                    .append(PLOT + 18).append("\" text-anchor=\"end\">").append(Html.attr(rightLabel))
                    .append("</text>");
        }
        svg.append("<text class=\"count\" x=\"").append(WIDTH / 2).append("\" y=\"").append(PLOT + 38)
                .append("\" text-anchor=\"middle\">").append(Html.attr(footnote)).append("</text>");
        return svg.append("</svg>").toString();
    }

    /** The smallest round bucket that keeps the chart to at most 80 columns. */
    static Duration bucketSize(Duration span) {
        for (Duration step : STEPS) {
            if (span.toNanos() / step.toNanos() < 80) {
                return step;
            }
        }
        return Duration.ofDays(365 * (span.toDays() / (365 * 80) + 1));
    }

    private static String describe(Duration d) {
        if (d.toDays() >= 1) {
            return d.toDays() + (d.toDays() == 1 ? " day" : " days");
        }
        if (d.toHours() >= 1) {
            return d.toHours() + (d.toHours() == 1 ? " hour" : " hours");
        }
        if (d.toMinutes() >= 1) {
            return d.toMinutes() + (d.toMinutes() == 1 ? " minute" : " minutes");
        }
        return d.toSeconds() + (d.toSeconds() == 1 ? " second" : " seconds");
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
