package org.sigmascope.report.html;

import java.util.List;
import java.util.Locale;

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

    private static String shorten(String label, int max) {
        return label.length() <= max ? label : label.substring(0, max - 1) + "…";
    }

}
