package org.sigmascope.ui.timeline;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.sigmascope.model.Event;
import org.sigmascope.model.Fields;

/**
 * A column the timeline can show: what it is called, which event fields it shows (the first an event has, so that
 * one column serves Sysmon and the Security log alike: {@code Image}, else {@code NewProcessName}), how it sorts and
 * filters. Columns of any other field are made with {@link #field}.
 *
 * @param id     stable identifier, kept in the case's layout
 * @param title  the header
 * @param fields the query-language fields it shows, in order of preference; the first is the sort field
 * @param filter the field its filter menu counts values of ({@code rule}, {@code level}, {@code tag} …), or
 *               {@code null} when it has none
 * @param width  its default width
 */
public record ColumnSpec(String id, String title, List<String> fields, String filter, double width) {
    /** Times as the table shows them: to the 100 ns, in the zone chosen. */
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSS", Locale.ROOT);

    public ColumnSpec {
        fields = List.copyOf(fields);
    }

    /** A column of one event field. */
    public static ColumnSpec field(String name) {
        return new ColumnSpec("field:" + name, name, List.of(name), name, 160);
    }

    /** Whether the table can be sorted by this column (the store sorts by event fields, not by detections or tags). */
    public boolean sortable() {
        return !fields.isEmpty();
    }

    /** The field the timeline is sorted by when this column's header is clicked. */
    public String sortField() {
        return fields.isEmpty() ? null : fields.get(0);
    }

    /** The text of this column for a row. */
    public String text(TimelineEntry entry, ZoneId zone) {
        Event event = entry.event();
        return switch (id) {
            case "flags" -> flags(entry);
            case "time" -> event.timestamp() == null ? "" : TIME.format(event.timestamp().atZone(zone));
            case "level" -> entry.row().topLevel() == null ? "" : entry.row().topLevel().sigmaName();
            case "rules" -> String.join("; ", entry.extras().ruleTitles());
            case "tags" -> String.join(", ", entry.row().tags());
            case "source" -> entry.source();
            default -> value(event);
        };
    }

    /** Star, note and gap marks. */
    private static String flags(TimelineEntry entry) {
        StringBuilder flags = new StringBuilder();
        if (entry.row().starred()) {
            flags.append('★');
        }
        if (entry.extras().notes() > 0) {
            flags.append('✎');
        }
        if (entry.gap() != null) {
            flags.append('⚠');
        }
        return flags.toString();
    }

    /** The first of the column's fields the event has a value for ({@code -} counts as none). */
    String value(Event event) {
        for (String field : fields) {
            String text = fieldText(event, field);
            if (text != null && !text.isEmpty() && !text.equals("-")) {
                return text;
            }
        }
        return "";
    }

    /** A field as text, the event's own columns included. */
    static String fieldText(Event event, String field) {
        return switch (field.toLowerCase(Locale.ROOT)) {
            case "computer" -> event.computer();
            case "channel" -> event.channel();
            case "provider_name" -> event.provider();
            case "eventid" -> event.eventId() < 0 ? "" : Integer.toString(event.eventId());
            case "eventrecordid" -> event.recordId() < 0 ? "" : Long.toString(event.recordId());
            default -> {
                Object value = event.fields().get(field);
                yield value == null ? null : Fields.textOf(value);
            }
        };
    }
}
