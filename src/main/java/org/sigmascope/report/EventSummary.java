package org.sigmascope.report;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.sigmascope.model.Event;
import org.sigmascope.model.Fields;

/**
 * One-line summaries of events: the key fields of common events ({@code event-details.tsv}, data rather than
 * code), or all of an event's data fields for others. Used for Hayabusa's {@code Details} and
 * {@code ExtraFieldInfo} columns and for Timesketch's {@code message}.
 */
public final class EventSummary {
    /** Hayabusa's separator between the parts of a summary. */
    public static final String SEPARATOR = " ¦ ";

    private static final Map<String, List<Part>> KNOWN = load();
    private static final Set<String> SYSTEM_FIELDS = Set.of("EventID", "Version", "Level", "Task", "Opcode",
            "Keywords", "EventRecordID", "Channel", "Computer", "ActivityID", "RelatedActivityID", "Security",
            "Execution", "Provider", "TimeCreated");
    private static final List<String> SYSTEM_PREFIXES = List.of("Provider_", "TimeCreated_", "Execution_",
            "Security_", "Correlation", "EventID_");

    /** One {@code Label: %Field%} part. */
    record Part(String label, String field) {
    }

    private EventSummary() {
    }

    /** The key fields, {@code Cmdline: … ¦ Proc: …}; parts whose field the event lacks are left out. */
    public static String details(Event event) {
        List<String> parts = new ArrayList<>();
        List<Part> known = KNOWN.get(key(event.channel(), event.eventId()));
        if (known != null) {
            for (Part part : known) {
                if (event.fields().contains(part.field())) {
                    parts.add(part.label() + ": " + text(event.fields().get(part.field())));
                }
            }
        } else {
            event.fields().forEach((name, value) -> {
                if (!isSystemField(name)) {
                    parts.add(name + ": " + text(value));
                }
            });
        }
        return String.join(SEPARATOR, parts);
    }

    /** The event data fields that {@link #details} did not show, {@code Name: value ¦ …}. */
    public static String extraFields(Event event) {
        List<Part> known = KNOWN.get(key(event.channel(), event.eventId()));
        if (known == null) {
            return "";
        }
        Set<String> shown = new LinkedHashSet<>();
        known.forEach(part -> shown.add(part.field()));
        List<String> parts = new ArrayList<>();
        event.fields().forEach((name, value) -> {
            if (!isSystemField(name) && !shown.contains(name)) {
                parts.add(name + ": " + text(value));
            }
        });
        return String.join(SEPARATOR, parts);
    }

    /** Whether the field is from the record's System part rather than its event data. */
    public static boolean isSystemField(String name) {
        if (SYSTEM_FIELDS.contains(name)) {
            return true;
        }
        for (String prefix : SYSTEM_PREFIXES) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static String text(Object value) {
        String text = Fields.textOf(value);
        return text == null ? "" : text;
    }

    private static String key(String channel, int eventId) {
        return channel + "\t" + eventId;
    }

    private static Map<String, List<Part>> load() {
        Map<String, List<Part>> map = new HashMap<>();
        try (InputStream in = EventSummary.class.getResourceAsStream("event-details.tsv")) {
            if (in == null) {
                throw new IllegalStateException("event-details.tsv is missing from the application");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t", 3);
                List<Part> parts = new ArrayList<>();
                for (String part : columns[2].split(" ¦ ")) {
                    int colon = part.indexOf(": %");
                    parts.add(new Part(part.substring(0, colon).trim(),
                            part.substring(colon + 3, part.lastIndexOf('%'))));
                }
                map.put(key(columns[0], Integer.parseInt(columns[1].trim())), List.copyOf(parts));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(map);
    }
}
