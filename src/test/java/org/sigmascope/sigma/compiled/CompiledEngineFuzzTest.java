package org.sigmascope.sigma.compiled;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.sigmascope.model.Detection;
import org.sigmascope.model.Event;
import org.sigmascope.model.EventFactory;
import org.sigmascope.model.Fields;
import org.sigmascope.sigma.Placeholders;
import org.sigmascope.sigma.RuleSet;
import org.sigmascope.sigma.eval.ReferenceEngine;
import org.sigmascope.sigma.load.RuleLoader;
import org.sigmascope.sigma.logsource.LogsourceMapping;

/**
 * The compiled engine against the reference evaluator on random events made to hit the edges of every modifier:
 * rule values in other cases and with look-alike characters (dotted and dotless i, long s, Kelvin sign), lists,
 * nulls, absent fields, numbers, base64 of the rules' values, several logsources with field mappings and
 * {@code where} conditions. Deterministic (fixed seeds).
 */
class CompiledEngineFuzzTest {
    private static final List<String> CHANNELS = List.of("Microsoft-Windows-Sysmon/Operational", "Security",
            "security", "System", "");
    private static final List<Integer> EVENT_IDS = List.of(1, 13, 12, 3, 4688, 4657, 4624, -1);
    private static final List<String> FIELDS = List.of("Image", "CommandLine", "OriginalFileName", "User",
            "ParentImage", "ParentCommandLine", "Hashes", "CurrentDirectory", "ProcessId", "IntegrityLevel",
            "UtcTime", "LogonId", "Initiated", "TargetObject", "EventType", "Details", "NewProcessName",
            "ParentProcessName", "SubjectDomainName", "SubjectUserName", "NewProcessId", "MandatoryLabel",
            "ObjectName", "ObjectValueName", "NewValue", "OperationType", "ProcessName", "userIdentity",
            "src_ip", "user.name", "DestinationIp", "DestinationPort", "SubjectLogonId", "Payload");
    private static final List<String> VALUES = List.of("C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe",
            "c:\\windows\\system32\\CMD.EXE", "C:\\Tools\\İnstall.exe", "C:\\Tools\\install.exe",
            "C:\\Tools\\ınstall.exe", "powershell.exe", "PowerShell.EXE", "ſvchost.exe", "svchost.exe", "SVCHOST.EXE",
            "", "Kelvin", "\u212aelvin", "kelvin", "C:\\Windows\\explorer.exe", "NT AUTHORITY\\SYSTEM",
            "nt authority\\system", "CORP\\alice", "powershell -nop -w hidden -enc SQBFAFgA",
            "powershell –encodedcommand  abc", "cmd.exe /c whoami", "C:\\Windows\\cmd.exe  /c dir",
            "d:\\x\\temp\\a.ps1", "abc", "aXc", "a\nb", "a\rb", "x\nevil\ny", "evil", "Invoke-Mimikatz",
            "invoke-mimikatz", "sekurlsa::logonpasswords", "lsass.exe", "LSASS.DMP", "mimikatz",
            "SUVYIChOZXctT2JqZWN0", "aWV4IChOZXctT2JqZWN0", "JRVggKE5ldy1PYmplY3", "d2hvYW1p", "aAB0AHQAcAA",
            "1234", "4", "0x1f4", "999", "3", "true", "TRUE", "High", "S-1-16-12288", "S-1-16-8192", "SetValue",
            "%%1905", "%%1906", "New registry value created", "\\REGISTRY\\MACHINE\\Software\\Microsoft\\Windows\\"
                    + "CurrentVersion\\Run", "HKLM\\Software\\Microsoft\\Windows\\CurrentVersion\\Run",
            "HKU\\S-1-5\\Software\\Microsoft\\Windows\\CurrentVersion\\RunOnce", "hklm\\software\\x",
            "C:\\Users\\bob\\evil.exe", "%APPDATA%\\x.exe", "PAW01\\C:\\x", "PAW01", "2024-03-11T03:15:00Z",
            "2024-03-11 03:59:59.123", "10.1.2.3", "::ffff:10.9.9.9", "fe80::1", "192.168.1.5", "8.8.8.8",
            "{\"arn\": \"arn:aws:iam::1:user/admin\"}", "{\"arn\": \"x\"}", "root", "ROOT", "MD5=ABC,IMPHASH=0AB",
            "IMPHASH=0", "temp", "cmd temp", "ftp://x", "http://temp/x", "-", "/", "\\", "*", "?");

    private static RuleSet rules;
    private static ReferenceEngine reference;

    @BeforeAll
    static void loadRules() throws Exception {
        rules = RuleLoader.load(List.of(RuleLoader.RuleSource.of(
                Path.of("src/test/resources/org/sigmascope/sigma/compiled/modifier-rules.yml"))),
                Placeholders.load(Path.of("src/test/resources/org/sigmascope/sigma/placeholders.yml")).withDefaults());
        assertEquals(List.of(), rules.failures());
        assertEquals(9, rules.rules().size());
        reference = new ReferenceEngine(rules, LogsourceMapping.builtin());
    }

    @Test
    void randomEventsGetTheReferenceDetections() {
        CompiledEngine compiled = new CompiledEngine(rules, LogsourceMapping.builtin(), true);
        Random random = new Random(5);
        int detections = 0;
        for (int i = 0; i < 60_000; i++) {
            Event event = event(random, i);
            List<Detection> expected = new ArrayList<>();
            List<Detection> actual = new ArrayList<>();
            reference.match(event, expected::add);
            compiled.match(event, actual::add);
            assertEquals(expected, actual, "event " + event.fields());
            detections += expected.size();
        }
        assertTrue(detections > 20_000, "detections: " + detections);
        long evaluations = compiled.ruleStats().stream().mapToLong(RuleStats::evaluations).sum();
        long matches = compiled.ruleStats().stream().mapToLong(RuleStats::matches).sum();
        assertEquals(detections, matches, "rule statistics count every match");
        assertTrue(evaluations >= matches);
    }

    @Test
    void threadsGetTheSameDetectionsAsOneThread() {
        CompiledEngine compiled = new CompiledEngine(rules, LogsourceMapping.builtin());
        List<Event> events = IntStream.range(0, 20_000).mapToObj(i -> event(new Random(i), i)).toList();
        List<String> one = new ArrayList<>();
        for (Event event : events) {
            compiled.match(event, d -> one.add(d.event().id() + " " + d.rule().id() + " " + d.match()));
        }
        ConcurrentLinkedQueue<String> parallel = new ConcurrentLinkedQueue<>();
        events.parallelStream().forEach(event -> {
            List<String> mine = new ArrayList<>();
            compiled.match(event, d -> mine.add(d.event().id() + " " + d.rule().id() + " " + d.match()));
            parallel.addAll(mine);
        });
        assertEquals(one.stream().sorted().toList(), parallel.stream().sorted().toList());
    }

    private static Event event(Random random, int id) {
        Fields.Builder fields = Fields.builder();
        String channel = CHANNELS.get(random.nextInt(CHANNELS.size()));
        if (!channel.isEmpty()) {
            fields.put("Channel", channel);
        }
        fields.put("EventID", (long) EVENT_IDS.get(random.nextInt(EVENT_IDS.size())));
        int count = random.nextInt(14);
        for (int i = 0; i < count; i++) {
            fields.set(FIELDS.get(random.nextInt(FIELDS.size())), value(random));
        }
        return EventFactory.fromFields(1, fields.build(), null, id, false).withId(id);
    }

    private static Object value(Random random) {
        int kind = random.nextInt(20);
        if (kind == 0) {
            return null;
        }
        if (kind == 1) {
            return List.of(text(random), text(random));
        }
        if (kind == 2) {
            return (long) random.nextInt(3000);
        }
        if (kind == 3) {
            return java.util.Arrays.asList(null, text(random));
        }
        return text(random);
    }

    private static String text(Random random) {
        String value = VALUES.get(random.nextInt(VALUES.size()));
        switch (random.nextInt(6)) {
            case 0 -> value = value.toUpperCase(Locale.ROOT);
            case 1 -> value = value.toLowerCase(Locale.ROOT);
            case 2 -> value = "x " + value + " y";
            case 3 -> value = value + VALUES.get(random.nextInt(VALUES.size()));
            default -> {
            }
        }
        return value;
    }
}
