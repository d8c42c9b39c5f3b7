package org.sigmascope.ingest.json;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.sigmascope.ingest.winevent.Channels;
import org.sigmascope.ingest.winevent.EventTimes;
import org.sigmascope.model.Fields;

/**
 * Puts back the EventData fields that Winlogbeat's sysmon and powershell modules move out of
 * {@code winlog.event_data} into ECS fields (x-pack/winlogbeat/module/*&#47;config/*.js): {@code Image} from
 * {@code process.executable}, {@code UtcTime} from {@code @timestamp}, {@code Hashes} from the
 * {@code *.hash.*} fields, {@code ScriptBlockText} from {@code powershell.file.script_block_text} and so on. A
 * field is only put back when it is missing. Some are rebuilt rather than copied (Hashes: upper case, Sysmon's
 * order; QueryResults: from the parsed answers) and say so in the notes.
 */
final class EcsRestore {
    private static final DateTimeFormatter SYSMON_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSS")
            .withZone(ZoneOffset.UTC);

    /** One field to put back: its Sigma name and how to get its value from the ECS document. */
    private record Rule(String field, Function<JsonObject, Object> value) {
    }

    private static final Map<Integer, List<Rule>> SYSMON = new HashMap<>();
    private static final Map<Integer, List<Rule>> POWERSHELL = new HashMap<>();

    static {
        for (int id = 1; id <= 25; id++) {
            add(SYSMON, id, rule("UtcTime", EcsRestore::sysmonTime), rule("RuleName", path("rule.name")));
        }
        add(SYSMON, 255, rule("UtcTime", EcsRestore::sysmonTime), rule("ID", path("error.code")));
        for (int id : new int[] {1, 2, 3, 5, 6, 7, 9, 11, 12, 13, 14, 15, 17, 18, 22, 23, 24, 25}) {
            add(SYSMON, id, rule("ProcessGuid", path("process.entity_id")), rule("ProcessId", path("process.pid")),
                    rule("Image", path("process.executable")));
        }
        for (int id : new int[] {1, 3, 19, 20, 21, 23, 24, 25}) {
            add(SYSMON, id, rule("User", EcsRestore::user));
        }
        add(SYSMON, 1, rule("CommandLine", path("process.command_line")),
                rule("CurrentDirectory", path("process.working_directory")),
                rule("ParentProcessGuid", path("process.parent.entity_id")),
                rule("ParentProcessId", path("process.parent.pid")),
                rule("ParentImage", path("process.parent.executable")),
                rule("ParentCommandLine", path("process.parent.command_line")),
                rule("OriginalFileName", path("process.pe.original_file_name")),
                rule("Hashes", root -> hashes(root, "process")));
        for (int id : new int[] {2, 11, 15, 23}) {
            add(SYSMON, id, rule("TargetFilename", path("file.path")));
        }
        add(SYSMON, 15, rule("Hash", root -> hashes(root, "file")));
        add(SYSMON, 3, rule("Protocol", path("network.transport")), rule("SourceIp", path("source.ip")),
                rule("SourceHostname", path("source.domain")), rule("SourcePort", path("source.port")),
                rule("DestinationIp", path("destination.ip")), rule("DestinationHostname", path("destination.domain")),
                rule("DestinationPort", path("destination.port")),
                rule("DestinationPortName", path("network.protocol")),
                rule("Initiated", root -> flag(root.path("network.direction"), "egress", "outbound", "ingress",
                        "inbound")),
                rule("SourceIsIpv6", root -> flag(root.path("network.type"), "ipv6", "ipv6", "ipv4", "ipv4")),
                rule("DestinationIsIpv6", root -> flag(root.path("network.type"), "ipv6", "ipv6", "ipv4", "ipv4")));
        add(SYSMON, 6, rule("ImageLoaded", path("file.path")), rule("Hashes", root -> hashes(root, "file")),
                rule("Signature", path("file.code_signature.subject_name")),
                rule("SignatureStatus", path("file.code_signature.status")));
        add(SYSMON, 7, rule("ImageLoaded", path("file.path")),
                rule("OriginalFileName", path("file.pe.original_file_name")),
                rule("Hashes", root -> hashes(root, "file")));
        add(SYSMON, 8, rule("SourceProcessGuid", path("process.entity_id")),
                rule("SourceProcessId", path("process.pid")), rule("SourceImage", path("process.executable")));
        add(SYSMON, 9, rule("Device", path("file.path")));
        add(SYSMON, 10, rule("SourceProcessGUID", path("process.entity_id")),
                rule("SourceProcessId", path("process.pid")), rule("SourceThreadId", path("process.thread.id")),
                rule("SourceImage", path("process.executable")));
        for (int id : new int[] {17, 18}) {
            add(SYSMON, id, rule("PipeName", path("file.name")));
        }
        add(SYSMON, 20, rule("Destination", path("process.executable")));
        add(SYSMON, 22, rule("QueryName", path("dns.question.name")), rule("QueryStatus", EcsRestore::dnsStatus),
                rule("QueryResults", EcsRestore::dnsResults));
        for (int id : new int[] {23, 24, 25}) {
            add(SYSMON, id, rule("Archived", root -> text(root.path("sysmon.file.archived"))),
                    rule("IsExecutable", root -> text(root.path("sysmon.file.is_executable"))),
                    rule("Hashes", root -> hashes(root, "process")));
        }
        for (int id : new int[] {4104, 4105, 4106}) {
            add(POWERSHELL, id, rule("ScriptBlockText", path("powershell.file.script_block_text")),
                    rule("ScriptBlockId", path("powershell.file.script_block_id")), rule("Path", path("file.path")));
        }
        for (int id : new int[] {400, 403, 600, 800, 4103}) {
            add(POWERSHELL, id, rule("HostApplication", path("process.command_line")),
                    rule("HostName", path("process.title")), rule("HostId", path("process.entity_id")),
                    rule("EngineVersion", path("powershell.engine.version")),
                    rule("RunspaceId", path("powershell.runspace_id")),
                    rule("PipelineId", path("powershell.pipeline_id")),
                    rule("NewEngineState", path("powershell.engine.new_state")),
                    rule("PreviousEngineState", path("powershell.engine.previous_state")),
                    rule("ScriptName", path("file.path")), rule("CommandLine", path("powershell.command.value")),
                    rule("CommandPath", path("powershell.command.path")),
                    rule("CommandName", path("powershell.command.name")),
                    rule("CommandType", path("powershell.command.type")),
                    rule("SequenceNumber", path("event.sequence")),
                    rule("HostVersion", path("powershell.process.executable_version")));
        }
    }

    private EcsRestore() {
    }

    /** What was put back for one event. */
    record Result(int restored, boolean powershellDataLost) {
    }

    static Result restore(String channel, long eventId, JsonObject root, Fields.Builder fields) {
        List<Rule> rules;
        if (Channels.SYSMON.equals(channel)) {
            rules = SYSMON.get((int) eventId);
        } else if (Channels.POWERSHELL.equals(channel) || Channels.POWERSHELL_CLASSIC.equals(channel)) {
            rules = POWERSHELL.get((int) eventId);
        } else {
            rules = null;
        }
        if (rules == null) {
            return new Result(0, false);
        }
        int restored = 0;
        for (Rule rule : rules) {
            if (fields.contains(rule.field)) {
                continue;
            }
            Object value = rule.value.apply(root);
            if (value != null) {
                fields.put(rule.field, value);
                restored++;
            }
        }
        boolean dataLost = Channels.POWERSHELL_CLASSIC.equals(channel) && !fields.contains("Data")
                || Channels.POWERSHELL.equals(channel) && eventId == 4103 && !fields.contains("Payload");
        return new Result(restored, restored > 0 && dataLost);
    }

    private static void add(Map<Integer, List<Rule>> table, int id, Rule... rules) {
        table.computeIfAbsent(id, k -> new ArrayList<>()).addAll(List.of(rules));
    }

    private static Rule rule(String field, Function<JsonObject, Object> value) {
        return new Rule(field, value);
    }

    private static Function<JsonObject, Object> path(String dotted) {
        return root -> {
            Object value = root.path(dotted);
            return value instanceof JsonObject ? null : JsonValues.toField(value);
        };
    }

    private static Object text(Object value) {
        return value == null || value instanceof JsonObject ? null : value.toString();
    }

    /** The sysmon module sets {@code @timestamp} from UtcTime ({@code 2019-06-26 21:19:43.237}, UTC). */
    private static Object sysmonTime(JsonObject root) {
        Instant time = EventTimes.instantOrNull(root.text("@timestamp"), ZoneOffset.UTC);
        return time == null ? null : SYSMON_TIME.format(time);
    }

    /** The module splits {@code DOMAIN\name} into user.domain and user.name. */
    private static Object user(JsonObject root) {
        Object domain = root.path("user.domain");
        Object name = root.path("user.name");
        return domain instanceof String d && name instanceof String n ? d + "\\" + n : null;
    }

    private static Object flag(Object value, String trueWord, String trueAlias, String falseWord, String falseAlias) {
        if (!(value instanceof String word)) {
            return null;
        }
        if (word.equals(trueWord) || word.equals(trueAlias)) {
            return "true";
        }
        return word.equals(falseWord) || word.equals(falseAlias) ? "false" : null;
    }

    /** Sysmon writes {@code SHA1=…,MD5=…,SHA256=…,IMPHASH=…} in upper case; the module lower-cases and splits them. */
    private static Object hashes(JsonObject root, String namespace) {
        List<String> parts = new ArrayList<>();
        for (String algorithm : List.of("sha1", "md5", "sha256", "sha384", "sha512")) {
            if (root.path(namespace + ".hash." + algorithm) instanceof String value) {
                parts.add(algorithm.toUpperCase(Locale.ROOT) + "=" + value.toUpperCase(Locale.ROOT));
            }
        }
        if (root.path(namespace + ".pe.imphash") instanceof String imphash) {
            parts.add("IMPHASH=" + imphash.toUpperCase(Locale.ROOT));
        }
        return parts.isEmpty() ? null : String.join(",", parts);
    }

    private static final Map<String, String> DNS_STATUS = Map.ofEntries(Map.entry("SUCCESS", "0"),
            Map.entry("ERROR_INVALID_NAME", "123"), Map.entry("ERROR_CANCELLED", "1223"),
            Map.entry("ERROR_TIMEOUT", "1460"), Map.entry("DNS_ERROR_RCODE_FORMAT_ERROR", "9001"),
            Map.entry("DNS_ERROR_RCODE_SERVER_FAILURE", "9002"), Map.entry("DNS_ERROR_RCODE_NAME_ERROR", "9003"),
            Map.entry("DNS_ERROR_RCODE_NOT_IMPLEMENTED", "9004"), Map.entry("DNS_ERROR_RCODE_REFUSED", "9005"),
            Map.entry("DNS_INFO_NO_RECORDS", "9501"), Map.entry("DNS_ERROR_BAD_PACKET", "9502"),
            Map.entry("DNS_ERROR_NO_PACKET", "9503"), Map.entry("DNS_ERROR_RCODE", "9504"),
            Map.entry("DNS_ERROR_INVALID_NAME_CHAR", "9560"), Map.entry("DNS_ERROR_NUMERIC_NAME", "9561"),
            Map.entry("WSAECONNRESET", "10054"), Map.entry("WSAENOBUFS", "10055"), Map.entry("WSAETIMEDOUT", "10060"));

    /** The module translates the status code to its name; the code is what EVTX holds. */
    private static Object dnsStatus(JsonObject root) {
        Object status = root.path("sysmon.dns.status");
        if (!(status instanceof String name)) {
            return status == null ? null : status.toString();
        }
        return DNS_STATUS.getOrDefault(name, name);
    }

    private static final Map<String, Integer> DNS_TYPES = Map.ofEntries(Map.entry("NS", 2), Map.entry("CNAME", 5),
            Map.entry("SOA", 6), Map.entry("PTR", 12), Map.entry("MX", 15), Map.entry("TXT", 16),
            Map.entry("SRV", 33), Map.entry("DNAME", 39));
    private static final Set<String> ADDRESSES = Set.of("A", "AAAA");

    /** Sysmon's {@code type:  5 name;::ffff:1.2.3.4;} rebuilt from the parsed answers. */
    private static Object dnsResults(JsonObject root) {
        if (!(root.path("dns.answers") instanceof List<?> answers)) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (Object item : answers) {
            if (!(item instanceof JsonObject answer) || !(answer.get("data") instanceof String data)) {
                continue;
            }
            String type = String.valueOf(answer.get("type"));
            if (ADDRESSES.contains(type)) {
                out.append(type.equals("A") ? "::ffff:" : "").append(data).append(';');
            } else {
                out.append("type:  ").append(DNS_TYPES.getOrDefault(type, 0)).append(' ').append(data).append(';');
            }
        }
        return out.length() == 0 ? null : out.toString();
    }
}
