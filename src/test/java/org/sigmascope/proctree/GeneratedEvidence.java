package org.sigmascope.proctree;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.node.ObjectNode;

import org.sigmascope.codec.JsonCodec;
import org.sigmascope.model.Event;
import org.sigmascope.model.EventFactory;
import org.sigmascope.model.Fields;
import org.sigmascope.model.Timestamps;

/**
 * Evidence made by {@link ProcessStoryGenerator}: records per log file, and the truth about every process behind
 * them (its parent, whether its start was logged), to check trees against.
 */
final class GeneratedEvidence {
    /** One event record of one log, before it becomes an {@link Event} or a line of JSON. */
    record Record(String file, String channel, String provider, int eventId, String computer, Instant time,
                  long recordId, Map<String, Object> data, int process) {
    }

    final List<Record> records = new ArrayList<>();
    /** For each true process: its parent, or -1. */
    final List<Integer> trueParent = new ArrayList<>();
    final List<String> trueImage = new ArrayList<>();
    /** Case event ids (as {@link #events()} numbers them) of the start events, to the true process. */
    private final Map<Long, Integer> startEventProcess = new TreeMap<>();
    private List<Event> events;
    private java.util.Set<Integer> logged;

    /** The events, numbered from 1, file after file (each file in time order), as a reader would give them. */
    List<Event> events() {
        if (events == null) {
            List<Record> ordered = new ArrayList<>(records);
            ordered.sort(Comparator.comparing(Record::file).thenComparing(Record::time).thenComparing(Record::recordId));
            events = new ArrayList<>();
            for (Record r : ordered) {
                Event event = toEvent(r).withId(events.size() + 1);
                events.add(event);
                if (r.eventId() == 1 || r.eventId() == 4688) {
                    startEventProcess.put(event.id(), r.process());
                }
            }
        }
        return events;
    }

    /** The events in time order (ties by id), as a case store gives them. */
    List<Event> eventsInTimeOrder() {
        List<Event> sorted = new ArrayList<>(events());
        sorted.sort(Comparator.comparing(Event::timestamp).thenComparingLong(Event::id));
        return sorted;
    }

    /** The true process whose start the event logged, or -1. */
    int processOfStart(long eventId) {
        events();
        return startEventProcess.getOrDefault(eventId, -1);
    }

    boolean startLogged(int process) {
        events();
        if (logged == null) {
            logged = new java.util.HashSet<>(startEventProcess.values());
        }
        return logged.contains(process);
    }

    private static Event toEvent(Record r) {
        Fields.Builder fields = Fields.builder(r.data().size() + 6);
        fields.put("Provider_Name", r.provider());
        fields.put("EventID", (long) r.eventId());
        fields.put("TimeCreated_SystemTime", Timestamps.format(r.time()));
        fields.put("EventRecordID", r.recordId());
        fields.put("Channel", r.channel());
        fields.put("Computer", r.computer());
        r.data().forEach(fields::put);
        return EventFactory.fromFields(1, fields.build(), r.time(), r.recordId(), false);
    }

    /** Writes one JSONL file per log in the Rust evtx crate's shape, for the command line to read. */
    List<Path> writeJsonl(Path dir) throws IOException {
        Map<String, List<Record>> byFile = new TreeMap<>();
        for (Record r : records) {
            byFile.computeIfAbsent(r.file(), f -> new ArrayList<>()).add(r);
        }
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, List<Record>> file : byFile.entrySet()) {
            Path path = dir.resolve(file.getKey() + ".jsonl");
            file.getValue().sort(Comparator.comparing(Record::time).thenComparing(Record::recordId));
            try (Writer out = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
                for (Record r : file.getValue()) {
                    out.write(JsonCodec.MAPPER.writeValueAsString(toJson(r)));
                    out.write('\n');
                }
            }
            written.add(path);
        }
        return written;
    }

    private static ObjectNode toJson(Record r) {
        ObjectNode system = JsonCodec.MAPPER.createObjectNode();
        system.putObject("Provider").putObject("#attributes").put("Name", r.provider());
        system.put("EventID", r.eventId());
        system.putObject("TimeCreated").putObject("#attributes").put("SystemTime", Timestamps.format(r.time()));
        system.put("EventRecordID", r.recordId());
        system.put("Channel", r.channel());
        system.put("Computer", r.computer());
        Map<String, Object> data = new LinkedHashMap<>(r.data());
        Object executionPid = data.remove("Execution_ProcessID");
        if (executionPid != null) {
            system.putObject("Execution").putObject("#attributes").put("ProcessID", (Long) executionPid);
        }
        ObjectNode event = JsonCodec.MAPPER.createObjectNode();
        event.set("System", system);
        ObjectNode eventData = event.putObject("EventData");
        data.forEach((name, value) -> eventData.set(name, JsonCodec.value(value)));
        ObjectNode root = JsonCodec.MAPPER.createObjectNode();
        root.set("Event", event);
        return root;
    }
}
