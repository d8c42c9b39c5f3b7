package org.sigmascope.ui.timeline;

import java.time.ZoneId;
import java.util.List;

/**
 * Timeline rows as text for the clipboard: tab-separated, a header line of column titles first, so a selection
 * pastes into a spreadsheet as a table. Tabs and line breaks inside values become spaces, so each row stays one line.
 */
final class RowText {
    private RowText() {
    }

    static String rows(List<ColumnSpec> columns, List<TimelineEntry> rows, ZoneId zone, boolean header) {
        StringBuilder text = new StringBuilder();
        if (header) {
            line(text, columns.stream().map(c -> c.id().equals("time") ? "Time (" + zone.getId() + ")"
                    : c.title().isEmpty() ? c.id() : c.title()).toList());
        }
        for (TimelineEntry row : rows) {
            line(text, columns.stream().map(c -> c.text(row, zone)).toList());
        }
        return text.toString();
    }

    private static void line(StringBuilder text, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                text.append('\t');
            }
            text.append(clean(cells.get(i)));
        }
        text.append('\n');
    }

    static String clean(String value) {
        return value == null ? "" : value.replace('\t', ' ').replace('\r', ' ').replace('\n', ' ');
    }
}
