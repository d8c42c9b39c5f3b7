package org.sigmascope.report.html;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.sigmascope.model.Level;

/**
 * Charts as hand-written SVG, inline in the report: no script, no library, nothing fetched. Labels come from
 * evidence and rules, so every one is escaped ({@link Html#attr}: SVG text cannot hold the markup that
 * {@link Html#text} uses to mark hidden characters).
 */
final class SvgCharts {
    private static final int ROW = 22;
    /** Room after the longest bar for its count. */
    private static final int COUNT_ROOM = 60;

    /** One bar: a label, its count, and the CSS class that colours it. */
    record Bar(String label, long count, String fill) {
    }

    private SvgCharts() {
    }

    /**
     * Horizontal bars, one per row, longest = largest count.
     *
     * @param width      the chart's width in SVG units (it scales to its box)
     * @param labelWidth the room for labels; longer labels are cut with an ellipsis (the full label is the bar's
     *                   tooltip)
     */
    static String bars(String title, List<Bar> bars, int width, int labelWidth) {
        int barArea = width - labelWidth - COUNT_ROOM;
        int maxLabel = labelWidth / 7;
        long max = Math.max(1, bars.stream().mapToLong(Bar::count).max().orElse(1));
        int height = Math.max(ROW, bars.size() * ROW) + 4;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 ")
                .append(width).append(' ').append(height).append("\" aria-label=\"").append(Html.attr(title))
                .append("\"><title>").append(Html.attr(title)).append("</title>");
        int y = 2;
        for (Bar bar : bars) {
            int length = (int) Math.max(bar.count() > 0 ? 2 : 0, Math.round((double) bar.count() * barArea / max));
            String label = shorten(bar.label(), maxLabel);
            svg.append("<g><title>").append(Html.attr(bar.label() + ": " + bar.count())).append("</title>")
                    .append("<text x=\"").append(labelWidth - 8).append("\" y=\"").append(y + 15)
                    .append("\" text-anchor=\"end\">").append(Html.attr(label)).append("</text>")
                    .append("<rect class=\"").append(bar.fill()).append("\" x=\"").append(labelWidth).append("\" y=\"")
                    .append(y + 3).append("\" width=\"").append(length).append("\" height=\"").append(ROW - 6)
                    .append("\" rx=\"2\"></rect>")
                    .append("<text class=\"count\" x=\"").append(labelWidth + length + 6).append("\" y=\"")
                    .append(y + 15).append("\">").append(String.format(Locale.ROOT, "%,d", bar.count()))
                    .append("</text></g>");
            y += ROW;
        }
        return svg.append("</svg>").toString();
    }

    /** A time histogram of detections, stacked by level, most severe on top. */
    static String histogram(String title, List<Instant> times, List<Level> levels, Instant first, Instant last,
                            java.util.function.Function<Instant, String> timeText) {
        int width = 960;
        int plotHeight = 120;
        int left = 40;
        Duration bucket = bucketSize(Duration.between(first, last));
        int buckets = (int) (Duration.between(first, last).toNanos() / bucket.toNanos()) + 1;
        long[][] counts = new long[buckets][Level.values().length];
        for (int i = 0; i < times.size(); i++) {
            int b = (int) (Duration.between(first, times.get(i)).toNanos() / bucket.toNanos());
            counts[b][levels.get(i).ordinal()]++;
        }
        long max = 1;
        for (long[] row : counts) {
            long sum = 0;
            for (long c : row) {
                sum += c;
            }
            max = Math.max(max, sum);
        }
        double barWidth = (double) (width - left - 10) / buckets;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" viewBox=\"0 0 ")
                .append(width).append(' ').append(plotHeight + 40).append("\" aria-label=\"").append(Html.attr(title))
                .append("\"><title>").append(Html.attr(title)).append("</title>");
        svg.append("<line class=\"axis\" x1=\"").append(left).append("\" y1=\"").append(plotHeight + 2)
                .append("\" x2=\"").append(width - 10).append("\" y2=\"").append(plotHeight + 2).append("\"></line>");
        svg.append("<text class=\"count\" x=\"").append(left - 6).append("\" y=\"12\" text-anchor=\"end\">")
                .append(max).append("</text>");
        for (int b = 0; b < buckets; b++) {
            double x = left + b * barWidth;
            double top = plotHeight + 2;
            for (Level level : Level.values()) {
                long c = counts[b][level.ordinal()];
                if (c == 0) {
                    continue;
                }
                double h = (double) c * plotHeight / max;
                top -= h;
                svg.append("<rect class=\"chart-fill-").append(level.sigmaName()).append("\" x=\"").append(fmt(x + 0.5))
                        .append("\" y=\"").append(fmt(top)).append("\" width=\"").append(fmt(Math.max(1, barWidth - 1)))
                        .append("\" height=\"").append(fmt(h)).append("\"><title>")
                        .append(Html.attr(timeText.apply(first.plus(bucket.multipliedBy(b))) + ": " + c + " "
                                + level.sigmaName()))
                        .append("</title></rect>");
            }
        }
        svg.append("<text x=\"").append(left).append("\" y=\"").append(plotHeight + 20).append("\">")
                .append(Html.attr(timeText.apply(first))).append("</text>");
        svg.append("<text x=\"").append(width - 10).append("\" y=\"").append(plotHeight + 20)
                .append("\" text-anchor=\"end\">").append(Html.attr(timeText.apply(last))).append("</text>");
        svg.append("<text class=\"count\" x=\"").append(width / 2).append("\" y=\"").append(plotHeight + 36)
                .append("\" text-anchor=\"middle\">").append(Html.attr("one bar = " + describe(bucket)))
                .append("</text>");
        return svg.append("</svg>").toString();
    }

    private static final List<Duration> STEPS = List.of(Duration.ofSeconds(1), Duration.ofSeconds(10),
            Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofHours(1),
            Duration.ofHours(3), Duration.ofHours(6), Duration.ofHours(12), Duration.ofDays(1), Duration.ofDays(7),
            Duration.ofDays(30), Duration.ofDays(365));

    /** The smallest round bucket that keeps the chart to at most 80 bars. */
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

    private static String shorten(String label, int max) {
        return label.length() <= max ? label : label.substring(0, max - 1) + "…";
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
