package org.sigmascope.ui.settings;

/**
 * Where the main window was and how its panes were divided, restored at the next start.
 *
 * @param x         left edge, or {@code NaN} to let the system place the window
 * @param y         top edge, or {@code NaN}
 * @param width     width
 * @param height    height
 * @param maximized whether it was maximized
 * @param sidebar   the divider between the side panel and the timeline, 0 … 1
 * @param detail    the divider between the timeline and the detail pane, 0 … 1
 */
public record WindowLayout(double x, double y, double width, double height, boolean maximized, double sidebar,
                           double detail) {
    public WindowLayout {
        width = width < 640 ? 1400 : width;
        height = height < 480 ? 860 : height;
        sidebar = sidebar <= 0.05 || sidebar >= 0.6 ? 0.2 : sidebar;
        detail = detail <= 0.3 || detail >= 0.97 ? 0.7 : detail;
    }

    public static WindowLayout defaults() {
        return new WindowLayout(Double.NaN, Double.NaN, 1400, 860, false, 0.2, 0.7);
    }
}
