package org.sigmascope.ingest.json;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.sigmascope.ingest.winevent.Channels;
import org.sigmascope.ingest.winevent.EventTimes;
import org.sigmascope.ingest.winevent.RecordContext;
import org.sigmascope.ingest.winevent.SysmonMessage;
import org.sigmascope.ingest.winevent.SystemFields;
import org.sigmascope.model.Event;
import org.sigmascope.model.Fields;
import org.sigmascope.model.Timestamps;

/**
 * Flat event objects, EventData at the top level next to the System fields under the exporter's own names:
 * NXLog's {@code im_msvistalog} output and the OTRF Security-Datasets built from it ({@code Hostname},
 * {@code SourceName}, {@code RecordNumber}, zone-less local {@code EventTime}), Velociraptor artifact rows
 * ({@code EventTime}, {@code EventData} object), and any similar export. Key names are matched without regard to
 * case. NXLog overwrote Sysmon's own {@code EventType} with its severity, and left some fields only in the
 * message; for Sysmon events they are taken back from the rendered message.
 */
final class FlatEventShape implements JsonShape {
    private static final Map<String, List<String>> SYSTEM = Map.ofEntries(
            Map.entry(SystemFields.EVENT_ID, List.of("EventID", "EventId", "event_identifier")),
            Map.entry(SystemFields.CHANNEL, List.of("Channel", "LogName", "EventLog", "log_name")),
            Map.entry(SystemFields.COMPUTER, List.of("Computer", "Hostname", "ComputerName", "MachineName")),
            Map.entry(SystemFields.PROVIDER_NAME, List.of("Provider_Name", "SourceName", "ProviderName", "Provider")),
            Map.entry(SystemFields.PROVIDER_GUID, List.of("Provider_Guid", "ProviderGuid")),
            Map.entry(SystemFields.RECORD_ID, List.of("EventRecordID", "RecordNumber", "RecordID")),
            Map.entry(SystemFields.PROCESS_ID, List.of("Execution_ProcessID", "ExecutionProcessID")),
            Map.entry(SystemFields.THREAD_ID, List.of("Execution_ThreadID", "ExecutionThreadID", "ThreadID")),
            Map.entry(SystemFields.USER_ID, List.of("Security_UserID", "UserID", "SecurityID")),
            Map.entry(SystemFields.VERSION, List.of("Version")),
            Map.entry(SystemFields.TASK, List.of("Task")),
            Map.entry(SystemFields.OPCODE, List.of("OpcodeValue", "Opcode")),
            Map.entry(SystemFields.LEVEL, List.of("Level", "EventLevel")),
            Map.entry(SystemFields.KEYWORDS, List.of("Keywords")),
            Map.entry(SystemFields.ACTIVITY_ID, List.of("Correlation_ActivityID", "ActivityID")),
            Map.entry(SystemFields.RELATED_ACTIVITY_ID, List.of("Correlation_RelatedActivityID", "RelatedActivityID")));
    private static final List<String> SYSTEM_ORDER = List.of(SystemFields.EVENT_ID, SystemFields.VERSION,
            SystemFields.LEVEL, SystemFields.TASK, SystemFields.OPCODE, SystemFields.KEYWORDS, SystemFields.RECORD_ID,
            SystemFields.ACTIVITY_ID, SystemFields.RELATED_ACTIVITY_ID, SystemFields.PROCESS_ID,
            SystemFields.THREAD_ID, SystemFields.CHANNEL, SystemFields.COMPUTER, SystemFields.USER_ID,
            SystemFields.PROVIDER_NAME, SystemFields.PROVIDER_GUID);
    /** Time keys (without regard to case) by preference; the exporter's reception time last. */
    private static final Map<String, Integer> TIME_KEYS = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    static {
        List<String> times = List.of("TimeCreated_SystemTime", "TimeCreated", "EventTime", "SystemTime",
                "TimeGenerated", "@timestamp");
        for (int i = 0; i < times.size(); i++) {
            TIME_KEYS.put(times.get(i), i);
        }
    }
    /** Each key's time preference, or -1: keys repeat in every record, so each is compared once, not per record. */
    private static final java.util.concurrent.ConcurrentHashMap<String, Integer> TIME_PREFERENCE =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static int timePreference(String key) {
        Integer known = TIME_PREFERENCE.get(key);
        if (known == null) {
            Integer preference = TIME_KEYS.get(key);
            known = preference == null ? -1 : preference;
            if (TIME_PREFERENCE.size() < 1 << 14) {
                TIME_PREFERENCE.put(key, known);
            }
        }
        return known;
    }

    /** NXLog's severities, which it writes into EventType over the event's own EventType. */
    private static final Set<String> NXLOG_EVENT_TYPES = Set.of("INFO", "AUDIT_SUCCESS", "AUDIT_FAILURE", "WARNING",
            "ERROR", "CRITICAL", "VERBOSE");

    @Override
    public String name() {
        return "flat event (NXLog, OTRF, Velociraptor)";
    }

    @Override
    public boolean matches(JsonObject root) {
        return root.indexOfIgnoreCase("EventID") >= 0 || root.indexOfIgnoreCase("EventId") >= 0;
    }

    @Override
    public void read(JsonObject root, RecordContext context, Consumer<Event> events) {
        boolean[] used = new boolean[root.size()];
        Fields.Builder fields = Fields.builder(root.size() + 8);
        int[] found = find(root);
        for (int k = 0; k < SYSTEM_ORDER.size(); k++) {
            int index = found[k];
            if (index < 0) {
                continue;
            }
            String name = SYSTEM_ORDER.get(k);
            Object value = SystemFields.normalize(name, JsonValues.toField(root.value(index)));
            if ((name.equals(SystemFields.OPCODE) || name.equals(SystemFields.LEVEL)) && !(value instanceof Long)) {
                continue; // NXLog's Opcode is a word ("Info"); only numbers are the System field
            }
            used[index] = true;
            if (name.equals(SystemFields.CHANNEL) && value instanceof String channel) {
                value = Channels.canonical(channel);
            }
            fields.put(name, value);
        }
        executionProcess(root, used, fields);
        Instant time = time(root, used, fields, context);
        String channel = fields.get(SystemFields.CHANNEL) instanceof String c ? c : "";
        JsonObject eventData = root.object("EventData");
        if (eventData != null) {
            used[root.indexOf("EventData")] = true;
            NestedXml.putEventData(eventData, channel, fields, context);
        }
        for (int i = 0; i < root.size(); i++) {
            if (used[i] || fields.contains(root.key(i))) {
                continue;
            }
            Object value = root.value(i);
            if (value instanceof JsonObject nested) {
                Dotted.flatten(root.key(i) + ".", nested, fields);
            } else {
                fields.put(root.key(i), JsonValues.toField(value));
            }
        }
        if (SysmonMessage.isSysmon(channel, String.valueOf(fields.get(SystemFields.PROVIDER_NAME)))) {
            completeFromMessage(fields, context);
            context.timeCheck().observe(time, fields.get("UtcTime"));
        }
        events.accept(context.event(fields.build(), time));
    }

    /**
     * NXLog before 4.x wrote the System process id as {@code ProcessID} (a number, next to {@code ThreadID}), a name
     * some events also use in EventData as text (Security 5156); only the former is the System field.
     */
    private static void executionProcess(JsonObject root, boolean[] used, Fields.Builder fields) {
        int index = root.indexOf("ProcessID");
        if (index >= 0 && !fields.contains(SystemFields.PROCESS_ID) && root.value(index) instanceof Long
                && root.indexOf("ThreadID") >= 0 && root.get("ThreadID") instanceof Long) {
            used[index] = true;
            fields.put(SystemFields.PROCESS_ID, root.value(index));
        }
    }

    private static Instant time(JsonObject root, boolean[] used, Fields.Builder fields, RecordContext context) {
        int best = -1;
        int bestPreference = Integer.MAX_VALUE;
        EventTimes.Parsed parsed = null;
        for (int i = 0; i < root.size(); i++) {
            int preference = timePreference(root.key(i));
            if (preference >= 0 && preference < bestPreference && root.value(i) instanceof String text) {
                EventTimes.Parsed candidate = EventTimes.parseIso(text, context.localZone());
                if (candidate != null) {
                    best = i;
                    bestPreference = preference;
                    parsed = candidate;
                }
            }
        }
        if (best < 0) {
            context.note("no-time", "records without a time the reader knows (EventTime, TimeCreated …)");
            return null;
        }
        String key = root.key(best);
        boolean collector = key.equalsIgnoreCase("@timestamp");
        if (!collector) {
            used[best] = true;
        }
        fields.put(SystemFields.TIME_CREATED, Timestamps.format(parsed.instant()));
        context.timesFrom(key, !parsed.zoned());
        if (collector) {
            context.note("collector-time", "the only time is @timestamp, which collectors set when they receive an "
                    + "event: event times may be late");
        }
        return parsed.instant();
    }

    private static void completeFromMessage(Fields.Builder fields, RecordContext context) {
        if (!(fields.get(SystemFields.MESSAGE) instanceof String message)) {
            return;
        }
        Map<String, String> rendered = SysmonMessage.parse(message);
        Object eventType = fields.get("EventType");
        if (eventType instanceof String type && NXLOG_EVENT_TYPES.contains(type) && rendered.containsKey("EventType")) {
            fields.set("EventType", rendered.get("EventType"));
            context.note("nxlog-eventtype", "NXLog wrote its severity over Sysmon's EventType; Sysmon's value was "
                    + "taken back from the message");
        }
        if (SysmonMessage.complete(fields, message)) {
            context.note("message-fields", "Sysmon fields missing from the export were taken from the rendered "
                    + "message");
        }
    }

    /**
     * Alias names to the System field (position in SYSTEM_ORDER) and preference, as written and in lower and upper
     * case: a hash lookup per key, since most keys of a record (its EventData) are no alias at all.
     */
    private static final Map<String, int[]> ALIASES = new java.util.HashMap<>();

    static {
        for (int k = 0; k < SYSTEM_ORDER.size(); k++) {
            List<String> names = SYSTEM.get(SYSTEM_ORDER.get(k));
            for (int preference = 0; preference < names.size(); preference++) {
                String name = names.get(preference);
                for (String spelling : List.of(name, name.toLowerCase(java.util.Locale.ROOT),
                        name.toUpperCase(java.util.Locale.ROOT))) {
                    ALIASES.putIfAbsent(spelling, new int[] {k, preference});
                }
            }
        }
    }

    /** For each System field, the key of the record that holds it (the most preferred alias present), or -1. */
    private static int[] find(JsonObject root) {
        int[] found = new int[SYSTEM_ORDER.size()];
        int[] preference = new int[SYSTEM_ORDER.size()];
        java.util.Arrays.fill(found, -1);
        for (int i = 0; i < root.size(); i++) {
            int[] alias = ALIASES.get(root.key(i));
            if (alias == null || root.value(i) instanceof JsonObject) {
                continue;
            }
            int k = alias[0];
            if (found[k] < 0 || alias[1] < preference[k]) {
                found[k] = i;
                preference[k] = alias[1];
            }
        }
        return found;
    }
}
