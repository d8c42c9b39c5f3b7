package org.sigmascope.sigma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.sigmascope.Corpus;
import org.sigmascope.model.Detection;
import org.sigmascope.model.EventFactory;
import org.sigmascope.model.Fields;
import org.sigmascope.sigma.eval.ReferenceEngine;
import org.sigmascope.sigma.load.RuleException;
import org.sigmascope.sigma.load.RuleParser;
import org.sigmascope.sigma.load.YamlDocument;
import org.sigmascope.sigma.logsource.LogsourceMapping;
import org.sigmascope.sigma.logsource.SourceBinding;

/** The logsource mapping: which events each logsource covers, renames for Security events, other products. */
class LogsourceMappingTest {
    private static final LogsourceMapping MAPPING = LogsourceMapping.builtin();

    private static SigmaRule rule(String logsource, String detection) throws RuleException {
        String yaml = "title: t\nlogsource: " + logsource + "\ndetection:\n" + detection.indent(4);
        return RuleParser.parse(YamlDocument.parseAll(yaml).get(0), "test.yml");
    }

    private static List<Detection> match(SigmaRule rule, Object... namesAndValues) {
        List<Detection> found = new ArrayList<>();
        new ReferenceEngine(new RuleSet(List.of(rule), List.of()), MAPPING).match(
                EventFactory.fromFields(1, Fields.of(Items.fields(namesAndValues)), null, 0, false), found::add);
        return found;
    }

    @Test
    void everyWindowsLogsourceOfThorsMappingHasAnEntryWithTheSameEventIds() throws IOException {
        // thor.yml is the mapping SigmaHQ's own regression runner uses.
        Map<?, ?> thor = (Map<?, ?>) YamlDocument.parseAll(Files.readString(Corpus.path("sigma/thor.yml")))
                .get(0).root();
        int checked = 0;
        for (Object value : ((Map<?, ?>) thor.get("logsources")).values()) {
            Map<?, ?> entry = (Map<?, ?>) value;
            Logsource logsource = new Logsource((String) entry.get("product"), (String) entry.get("category"),
                    (String) entry.get("service"));
            if (!"windows".equals(logsource.product()) && !"antivirus".equals(logsource.category())) {
                continue;
            }
            List<SourceBinding> bindings = MAPPING.bindingsFor(logsource);
            assertTrue(!bindings.isEmpty(), "no entry for " + logsource);
            if (entry.get("conditions") instanceof Map<?, ?> conditions && conditions.get("EventID") != null) {
                Object ids = conditions.get("EventID");
                for (Object id : ids instanceof List<?> list ? list : List.of(ids)) {
                    assertTrue(bindings.stream().anyMatch(b -> b.eventIds().contains(((Long) id).intValue())),
                            logsource + " lacks event " + id);
                }
            }
            checked++;
        }
        assertTrue(checked > 80, "only " + checked + " logsources checked");
    }

    @Test
    void security4657IsReadAsSysmonRegistryEvents() throws RuleException {
        SigmaRule rule = rule("{product: windows, category: registry_set}", """
                selection:
                    TargetObject|startswith: 'HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run\\'
                    Details|contains: 'Public'
                    EventType: SetValue
                    Image|endswith: '\\reg.exe'
                condition: selection""");
        List<Detection> found = match(rule, "Channel", "Security", "EventID", 4657L,
                "ObjectName", "\\REGISTRY\\MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run",
                "ObjectValueName", "Updater", "OperationType", "%%1905", "NewValue", "C:\\Users\\Public\\u.exe",
                "ProcessName", "C:\\Windows\\System32\\reg.exe");
        assertEquals(1, found.size());
        assertEquals("HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run\\Updater",
                found.get(0).match().selections().get(0).fields().get(0).eventValue());
        assertEquals(0, match(rule, "Channel", "Security", "EventID", 4657L,
                "ObjectName", "\\REGISTRY\\MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run",
                "ObjectValueName", "Updater", "OperationType", "%%1906", "NewValue", "C:\\Users\\Public\\u.exe",
                "ProcessName", "C:\\Windows\\System32\\reg.exe").size(), "a deleted value is not registry_set");
    }

    @Test
    void security5156IsReadAsANetworkConnection() throws RuleException {
        SigmaRule rule = rule("{product: windows, category: network_connection}", """
                selection:
                    Image|endswith: '\\rundll32.exe'
                    Initiated: 'true'
                    DestinationPort: 443
                    Protocol: tcp
                filter_private:
                    DestinationIp|cidr: ['10.0.0.0/8', 'fe80::/10']
                condition: selection and not filter_private""");
        Object[] outbound = {"Channel", "Security", "EventID", 5156L, "Application",
                "\\device\\harddiskvolume2\\windows\\system32\\rundll32.exe", "Direction", "%%14593",
                "SourceAddress", "10.1.1.5", "SourcePort", "50123", "DestAddress", "203.0.113.9", "DestPort", "443",
                "Protocol", "6"};
        assertEquals(1, match(rule, outbound).size());
        Object[] inbound = outbound.clone();
        inbound[7] = "%%14592";
        assertEquals(0, match(rule, inbound).size());
        Object[] internal = outbound.clone();
        internal[13] = "10.9.9.9";
        assertEquals(0, match(rule, internal).size());
    }

    @Test
    void security4689IsAProcessTermination() throws RuleException {
        SigmaRule rule = rule("{product: windows, category: process_termination}", """
                selection: {Image|endswith: '\\wevtutil.exe', ProcessId: 11748}
                condition: selection""");
        assertEquals(1, match(rule, "Channel", "Security", "EventID", 4689L, "ProcessId", "0x2de4",
                "ProcessName", "C:\\Windows\\System32\\wevtutil.exe").size());
    }

    @Test
    void wmiActivity5861IsAWmiEvent() throws RuleException {
        SigmaRule rule = rule("{product: windows, category: wmi_event}", """
                selection: {EventType: WmiBindingEvent, Consumer|contains: 'CommandLineEventConsumer'}
                condition: selection""");
        assertEquals(1, match(rule, "Channel", "Microsoft-Windows-WMI-Activity/Operational", "EventID", 5861L,
                "CONSUMER", "CommandLineEventConsumer=\"LogRotate Consumer\"").size());
        assertEquals(0, match(rule, "Channel", "Microsoft-Windows-WMI-Activity/Operational", "EventID", 5858L,
                "CONSUMER", "CommandLineEventConsumer=\"LogRotate Consumer\"").size());
    }

    @Test
    void channelsCompareWithoutCase() throws RuleException {
        SigmaRule rule = rule("{product: windows, service: security}", "selection: {EventID: 4624}\ncondition: selection");
        assertEquals(1, match(rule, "Channel", "SECURITY", "EventID", 4624L).size());
    }

    @Test
    void rulesOfOtherProductsMatchOnlyEventsWithoutAWindowsChannel() throws RuleException {
        SigmaRule linux = rule("{product: linux, category: process_creation}", """
                selection: {Image|endswith: '/base64', CommandLine|contains: ' -d'}
                condition: selection""");
        assertEquals(1, match(linux, "Image", "/usr/bin/base64", "CommandLine", "base64 -d payload.txt").size());
        assertEquals(0, match(linux, "Channel", "Microsoft-Windows-Sysmon/Operational", "EventID", 1L,
                "Image", "/usr/bin/base64", "CommandLine", "base64 -d payload.txt").size(),
                "a Linux rule never fires on a Windows event");
        SigmaRule keywords = rule("{product: linux, service: auth}", "keywords: ['FAILED su']\ncondition: keywords");
        assertEquals(0, match(keywords, "Channel", "Security", "EventID", 4625L, "Message", "FAILED su").size());
        assertEquals(1, match(keywords, "message", "pam: FAILED su for root").size());
        SigmaRule proxy = rule("{category: proxy}", "selection: {c-uri|contains: '/wp-login'}\ncondition: selection");
        assertEquals(1, match(proxy, "c-uri", "/blog/wp-login.php").size());
    }

    @Test
    void dottedNamesAreNestedPathsIntoJsonObjects() throws RuleException {
        SigmaRule cloudtrail = rule("{product: aws, service: cloudtrail}", """
                selection:
                    eventSource: iam.amazonaws.com
                    userIdentity.type: Root
                    userIdentity.sessionContext.mfaAuthenticated: 'false'
                condition: selection""");
        assertEquals(1, match(cloudtrail, "eventSource", "iam.amazonaws.com", "userIdentity",
                "{\"type\":\"Root\",\"sessionContext\":{\"mfaAuthenticated\":false}}").size());
        assertEquals(1, match(cloudtrail, "eventSource", "iam.amazonaws.com", "userIdentity.type", "Root",
                "userIdentity.sessionContext.mfaAuthenticated", false).size(), "or flattened names");
        assertEquals(0, match(cloudtrail, "eventSource", "iam.amazonaws.com", "userIdentity",
                "{\"type\":\"IAMUser\"}").size());
    }

    @Test
    void windowsLogsourcesNoEventLogRecordsCannotFire() {
        assertEquals(List.of(), MAPPING.bindingsFor(new Logsource("windows", "file_access", null)));
        assertEquals(List.of(), MAPPING.bindingsFor(new Logsource("windows", null, "no-such-service")));
        assertEquals(SourceBinding.Evidence.OTHER,
                MAPPING.bindingsFor(new Logsource("okta", null, "okta")).get(0).evidence());
    }

    @Test
    void mistakesInAMappingFileAreReportedWithTheirLine() {
        RuleException unknownKey = assertThrows(RuleException.class, () -> LogsourceMapping.parse("""
                logsources:
                  - product: windows
                    category: x
                    sources:
                      - channels: [A]
                        event_id: [1]
                """, "m.yml"));
        assertEquals(5, unknownKey.line());
        assertTrue(unknownKey.getMessage().contains("unknown key 'event_id'"), unknownKey.getMessage());
        RuleException duplicate = assertThrows(RuleException.class, () -> LogsourceMapping.parse("""
                logsources:
                  - {product: windows, category: x, sources: [{channels: [A]}]}
                  - {product: windows, category: x, sources: [{channels: [B]}]}
                """, "m.yml"));
        assertEquals(3, duplicate.line());
        assertTrue(duplicate.getMessage().contains("already mapped at line 2"), duplicate.getMessage());
        RuleException badId = assertThrows(RuleException.class, () -> LogsourceMapping.parse("""
                logsources:
                  - {product: windows, category: x, sources: [{channels: [A], event_ids: [one]}]}
                """, "m.yml"));
        assertTrue(badId.getMessage().contains("event_ids must be numbers"), badId.getMessage());
        RuleException badConversion = assertThrows(RuleException.class, () -> LogsourceMapping.parse("""
                logsources:
                  - {product: windows, category: x, sources: [{fields: {ProcessId: {field: Pid, convert: oct}}}]}
                """, "m.yml"));
        assertTrue(badConversion.getMessage().contains("the only conversion is 'hex'"), badConversion.getMessage());
    }
}
