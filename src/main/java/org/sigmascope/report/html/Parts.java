package org.sigmascope.report.html;

import java.util.List;

import org.sigmascope.model.Fields;
import org.sigmascope.model.Level;
import org.sigmascope.report.model.Section;

/** Small pieces several sections use: the section frame, level badges, fact lists, field values. */
final class Parts {
    private Parts() {
    }

    /** Opens a section: collapsible on screen ({@code <details open>}, no script), printed open. */
    static void openSection(HtmlOut out, Section section) {
        out.newline().open("section", "class", "part", "id", section.anchor())
                .open("details", "open", "")
                .open("summary").element("h2", section.title()).close("summary");
    }

    static void closeSection(HtmlOut out) {
        out.close("details").close("section");
    }

    static void level(HtmlOut out, Level level) {
        out.element("span", level.sigmaName(), "class", "level lvl-" + level.sigmaName());
    }

    /** A definition list of label, value pairs; pairs with an empty value are left out. */
    static void facts(HtmlOut out, List<String> labelsAndValues) {
        out.open("dl", "class", "facts");
        for (int i = 0; i + 1 < labelsAndValues.size(); i += 2) {
            String value = labelsAndValues.get(i + 1);
            if (value == null || value.isEmpty()) {
                continue;
            }
            out.element("dt", labelsAndValues.get(i)).element("dd", value);
        }
        out.close("dl");
    }

    static void note(HtmlOut out, String text) {
        out.element("p", text, "class", "note");
    }

    static void empty(HtmlOut out, String text) {
        out.element("p", text, "class", "empty");
    }

    /**
     * Longest field value shown whole. A 5 MB script block on each of 500 detections would make a report no one can
     * open; the JSONL export keeps every value whole, and the report says how much it left out.
     */
    static final int MAX_VALUE = 20_000;

    /** A field value: JSON {@code null} shown as such, lists joined, hidden characters shown, long values cut. */
    static void value(HtmlOut out, Object value) {
        if (value == null) {
            out.element("span", "null", "class", "null");
            return;
        }
        String text = Fields.textOf(value);
        out.text(text.length() <= MAX_VALUE ? text : text.substring(0, MAX_VALUE));
        cut(out, Math.max(0, text.length() - MAX_VALUE));
    }

    /** Says that {@code characters} of a value were left out, if any were. */
    static void cut(HtmlOut out, long characters) {
        if (characters > 0) {
            out.element("span", " … " + String.format(java.util.Locale.ROOT, "%,d", characters)
                    + " more characters not shown (the JSONL export has the whole value)", "class", "null");
        }
    }

    /** The event's fields as a name, value table; the rows of fields the rule matched on are marked. */
    static void fieldTable(HtmlOut out, Fields fields, java.util.Set<String> matched) {
        out.open("table", "class", "fields").open("thead").open("tr").element("th", "Field").element("th", "Value")
                .close("tr").close("thead").open("tbody");
        fields.forEach((name, value) -> {
            out.open("tr", "class", matched.contains(name) ? "hit" : null).element("td", name, "class", "mono")
                    .open("td", "class", "value");
            value(out, value);
            out.close("td").close("tr");
        });
        out.close("tbody").close("table");
    }

    static void headerRow(HtmlOut out, String... headers) {
        out.open("thead").open("tr");
        for (String header : headers) {
            boolean numeric = header.startsWith("#");
            out.element("th", numeric ? header.substring(1) : header, "class", numeric ? "num" : null);
        }
        out.close("tr").close("thead");
    }

    static String count(long n, String one, String many) {
        return String.format(java.util.Locale.ROOT, "%,d %s", n, n == 1 ? one : many);
    }
}
