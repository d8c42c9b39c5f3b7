package org.sigmascope.ingest.json;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.sigmascope.ingest.winevent.Channels;
import org.sigmascope.ingest.winevent.EventTimes;
import org.sigmascope.ingest.winevent.RecordContext;
import org.sigmascope.ingest.winevent.SysmonMessage;
import org.sigmascope.ingest.winevent.SystemFields;
import org.sigmascope.model.Event;
import org.sigmascope.model.Fields;
import org.sigmascope.model.Timestamps;

/**
 * Winlogbeat's documents, as shipped to Elasticsearch or Logstash and exported as JSON:
 * <ul>
 * <li>7.x/8.x (ECS): System fields under {@code winlog.*} ({@code winlog.event_id}, a number or text, or
 *     {@code event.code}; {@code winlog.channel}; {@code winlog.computer_name}), EventData under
 *     {@code winlog.event_data}; the sysmon and powershell modules move some EventData fields to ECS fields,
 *     which {@link EcsRestore} puts back;</li>
 * <li>6.x and older: the same at the top level ({@code event_id}, {@code log_name}, {@code computer_name},
 *     {@code event_data}).</li>
 * </ul>
 * {@code @timestamp} is the event's time (the sysmon module sets it from UtcTime). Winlogbeat renders Level,
 * Task, Opcode and Keywords as words, so the numeric System fields are absent; it drops empty EventData values,
 * which for Sysmon events are taken back from the message; other keys stay under their dotted paths.
 * Unnamed EventData ({@code param1}, {@code param2} …) of the classic PowerShell log become the list {@code Data},
 * as EVTX has it.
 */
final class WinlogbeatShape implements JsonShape {
    /** Where one generation of Winlogbeat puts each System field. */
    private record Layout(String name, String wordFields, Predicate<JsonObject> matches, List<String> eventId,
                          String channel, List<String> computer, List<String> provider, String providerGuid,
                          String recordId, String processId, String threadId, String userId, String version,
                          String activityId, String relatedActivityId, String eventData, String userData) {
    }

    private static final Layout ECS = new Layout("Winlogbeat (ECS)",
            "log.level, winlog.task, winlog.opcode, winlog.keywords", root -> root.object("winlog") != null,
            List.of("winlog.event_id", "event.code"), "winlog.channel", List.of("winlog.computer_name", "host.name"),
            List.of("winlog.provider_name", "event.provider"), "winlog.provider_guid", "winlog.record_id",
            "winlog.process.pid", "winlog.process.thread.id", "winlog.user.identifier", "winlog.version",
            "winlog.activity_id", "winlog.related_activity_id", "winlog.event_data", "winlog.user_data");

    private static final Layout LEGACY = new Layout("Winlogbeat 6.x", "level, task, opcode, keywords",
            root -> root.object("event_data") != null
                    || root.has("log_name") && root.has("event_id") && root.has("computer_name"),
            List.of("event_id"), "log_name", List.of("computer_name"), List.of("source_name"), "provider_guid",
            "record_number", "process_id", "thread_id", "user.identifier", "version", "activity_id",
            "related_activity_id", "event_data", "user_data");

    private final Layout layout;
    private final Set<String> consumed = new HashSet<>();

    private WinlogbeatShape(Layout layout) {
        this.layout = layout;
        consumed.addAll(layout.eventId());
        consumed.addAll(layout.computer().subList(0, 1));
        consumed.addAll(layout.provider().subList(0, 1));
        consumed.addAll(List.of(layout.channel(), layout.providerGuid(), layout.recordId(), layout.processId(),
                layout.threadId(), layout.userId(), layout.version(), layout.activityId(), layout.relatedActivityId(),
                layout.eventData(), layout.userData(), "message", "@timestamp"));
    }

    static WinlogbeatShape ecs() {
        return new WinlogbeatShape(ECS);
    }

    static WinlogbeatShape legacy() {
        return new WinlogbeatShape(LEGACY);
    }

    @Override
    public String name() {
        return layout.name();
    }

    @Override
    public boolean matches(JsonObject root) {
        return layout.matches().test(root);
    }

    @Override
    public void read(JsonObject root, RecordContext context, Consumer<Event> events) {
        Fields.Builder fields = Fields.builder(root.size() + 48);
        put(fields, SystemFields.EVENT_ID, first(root, layout.eventId()));
        put(fields, SystemFields.VERSION, root.path(layout.version()));
        Instant time = EventTimes.instantOrNull(root.text("@timestamp"), context.localZone());
        if (time != null) {
            fields.put(SystemFields.TIME_CREATED, Timestamps.format(time));
            context.timesFrom("Winlogbeat @timestamp", false);
        }
        put(fields, SystemFields.RECORD_ID, root.path(layout.recordId()));
        put(fields, SystemFields.ACTIVITY_ID, root.path(layout.activityId()));
        put(fields, SystemFields.RELATED_ACTIVITY_ID, root.path(layout.relatedActivityId()));
        put(fields, SystemFields.PROCESS_ID, root.path(layout.processId()));
        put(fields, SystemFields.THREAD_ID, root.path(layout.threadId()));
        Object channel = root.path(layout.channel());
        String canonical = channel instanceof String c ? Channels.canonical(c) : "";
        put(fields, SystemFields.CHANNEL, channel == null ? null : canonical);
        put(fields, SystemFields.COMPUTER, first(root, layout.computer()));
        put(fields, SystemFields.USER_ID, root.path(layout.userId()));
        Object provider = first(root, layout.provider());
        put(fields, SystemFields.PROVIDER_NAME, provider);
        put(fields, SystemFields.PROVIDER_GUID, root.path(layout.providerGuid()));
        putEventData(root.path(layout.eventData()), canonical, fields);
        putUserData(root.path(layout.userData()), fields);
        put(fields, SystemFields.MESSAGE, root.get("message"));
        restore(root, canonical, fields, context);
        if (SysmonMessage.isSysmon(canonical, String.valueOf(provider))) {
            if (SysmonMessage.complete(fields, root.get("message"))) {
                context.note("message-fields", layout.name() + " drops empty EventData values; Sysmon's were taken "
                        + "back from the message");
            }
            context.timeCheck().observe(time, fields.get("UtcTime"));
            if ("sysmon".equals(root.path("event.module")) && !fields.contains("RuleName")) {
                context.note("ecs-rulename", "Winlogbeat's sysmon module deletes RuleName when it is '-' or empty; "
                        + "it cannot be put back");
            }
        }
        Dotted.flatten("", root, fields, consumed);
        context.note("winlogbeat", layout.name() + ": Level, Task, Opcode and Keywords are words in this export ("
                + layout.wordFields() + "), so the numeric System fields are absent");
        events.accept(context.event(fields.build(), time));
    }

    private void restore(JsonObject root, String channel, Fields.Builder fields, RecordContext context) {
        if (!(fields.get(SystemFields.EVENT_ID) instanceof Long eventId)) {
            return;
        }
        EcsRestore.Result result = EcsRestore.restore(channel, eventId, root, fields);
        if (result.restored() > 0) {
            context.note("ecs-restore", "Winlogbeat's modules move EventData fields to ECS fields (process.*, file.*, "
                    + "powershell.*); they were put back under their EventData names (Hashes rebuilt in Sysmon's "
                    + "order, DNS QueryResults rebuilt from dns.answers)");
        }
        if (result.powershellDataLost()) {
            context.note("ecs-powershell", "Winlogbeat's powershell module split the classic PowerShell Data list "
                    + "and 4103 Payload/ContextInfo into fields; rules on Data, Payload or ContextInfo cannot match "
                    + "these events");
        }
    }

    private static void putEventData(Object value, String channel, Fields.Builder fields) {
        if (!(value instanceof JsonObject data)) {
            return;
        }
        List<Object> params = new ArrayList<>();
        boolean classic = Channels.POWERSHELL_CLASSIC.equals(channel);
        for (int i = 0; i < data.size(); i++) {
            String key = data.key(i);
            if (classic && key.equals("param" + (params.size() + 1))) {
                params.add(JsonValues.toField(data.value(i)));
            } else {
                fields.put(key, JsonValues.toField(data.value(i)));
            }
        }
        if (!params.isEmpty()) {
            fields.put("Data", params);
        }
    }

    private static void putUserData(Object value, Fields.Builder fields) {
        if (value instanceof JsonObject data) {
            for (int i = 0; i < data.size(); i++) {
                if (!data.key(i).equals("xml_name")) {
                    fields.put(data.key(i), JsonValues.toField(data.value(i)));
                }
            }
        }
    }

    private static Object first(JsonObject root, List<String> paths) {
        for (String path : paths) {
            Object value = root.path(path);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static void put(Fields.Builder fields, String name, Object value) {
        if (value != null && !(value instanceof JsonObject)) {
            fields.put(name, SystemFields.normalize(name, JsonValues.toField(value)));
        }
    }
}
